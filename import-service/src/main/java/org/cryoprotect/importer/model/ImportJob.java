package org.cryoprotect.importer.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A job as the API shows it; {@code measurements} only when it imports toxicity. */
public record ImportJob(UUID id, String source, List<String> include, String status, int total, int succeeded,
        int failed, int pending, MeasurementCounts measurements, OffsetDateTime startedAt, OffsetDateTime finishedAt,
        double recordsPerSecond) {

    public boolean finished() {
        return !"running".equals(status);
    }
}
