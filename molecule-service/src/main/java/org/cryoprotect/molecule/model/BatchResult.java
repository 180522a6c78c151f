package org.cryoprotect.molecule.model;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchResult(int index, UUID id, String status, String error) {

    public static BatchResult rejected(int index, String error) {
        return new BatchResult(index, null, "rejected", error);
    }
}
