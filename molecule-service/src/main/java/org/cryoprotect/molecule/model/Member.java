package org.cryoprotect.molecule.model;

import java.util.UUID;

/** {@code display_name} is the member's profile name, when they saved one. */
public record Member(UUID teamId, UUID userId, String role, String displayName) {
}
