package org.cryoprotect.molecule.model;

import java.time.OffsetDateTime;
import java.util.UUID;

public record Project(UUID id, UUID teamId, String name, String description, UUID createdBy, OffsetDateTime createdAt) {
}
