package org.cryoprotect.molecule.model;

import java.util.List;

public record ToxicityBatchResponse(List<ToxicityBatchResult> results) {
}
