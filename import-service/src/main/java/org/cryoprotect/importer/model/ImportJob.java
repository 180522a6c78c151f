package org.cryoprotect.importer.model;

import java.time.OffsetDateTime;
import java.util.UUID;

public record ImportJob(UUID id, String source, String status, int total, int succeeded, int failed, int pending,
        OffsetDateTime startedAt, OffsetDateTime finishedAt, double recordsPerSecond) {

    public boolean finished() {
        return !"running".equals(status);
    }
}
