package org.cryoprotect.molecule.model;

import java.util.UUID;

/** The team an accepted invitation made the caller a member of. */
public record Accepted(UUID teamId) {
}
