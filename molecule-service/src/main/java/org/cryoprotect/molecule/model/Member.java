package org.cryoprotect.molecule.model;

import java.util.UUID;

public record Member(UUID teamId, UUID userId, String role) {
}
