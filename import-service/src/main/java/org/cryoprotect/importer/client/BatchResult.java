package org.cryoprotect.importer.client;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** molecule-service's answer for one record: created, updated, unchanged or rejected (with why). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record BatchResult(int index, UUID id, String status, String error) {

    public boolean rejected() {
        return "rejected".equals(status);
    }
}
