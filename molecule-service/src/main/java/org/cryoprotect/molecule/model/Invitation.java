package org.cryoprotect.molecule.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A pending invitation to a team: owners see their team's ({@code email} set), invitees their own ({@code team_name} set). */
public record Invitation(UUID id, UUID teamId, String teamName, String email, String role, OffsetDateTime createdAt,
        OffsetDateTime expiresAt) {
}
