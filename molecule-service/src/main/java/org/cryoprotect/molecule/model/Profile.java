package org.cryoprotect.molecule.model;

import java.util.UUID;

public record Profile(UUID id, String displayName) {
}
