package org.cryoprotect.molecule.model;

import java.util.UUID;

/**
 * A row linked to a project, and what the link grants the project's team: {@code manage} (editors
 * change it, owners also publish and delete it; only a row's creator shares) or {@code reference} (nothing).
 */
public record Linked(UUID projectId, UUID id, String grants) {
}
