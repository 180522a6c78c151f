package org.cryoprotect.importer.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** An id that could not be imported, with why. {@code seq} is its place in the job (the page cursor). */
public record ImportFailure(@JsonIgnore int seq, String sourceId, String reason, int attempts, boolean retryable,
        OffsetDateTime failedAt) {
}
