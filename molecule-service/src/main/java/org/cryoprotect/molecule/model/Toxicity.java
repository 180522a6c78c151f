package org.cryoprotect.molecule.model;

import java.time.OffsetDateTime;
import java.util.UUID;

public record Toxicity(UUID id, UUID moleculeId, String endpoint, String species, String route, double value,
        String unit, Double normalizedValue, String normalizedUnit, String source, String reference,
        UUID createdBy, OffsetDateTime createdAt) {
}
