package org.cryoprotect.molecule.model;

import java.util.UUID;

/** created, updated, unchanged (with the measurement's id) or rejected (with the reason). */
public record ToxicityBatchResult(String status, UUID id, String error) {

    public static ToxicityBatchResult rejected(String error) {
        return new ToxicityBatchResult("rejected", null, error);
    }
}
