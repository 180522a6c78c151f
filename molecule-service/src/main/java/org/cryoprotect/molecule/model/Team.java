package org.cryoprotect.molecule.model;

import java.time.OffsetDateTime;
import java.util.UUID;

public record Team(UUID id, String name, UUID createdBy, OffsetDateTime createdAt) {
}
