package org.cryoprotect.molecule.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record Mixture(UUID id, String name, String description, String reference, boolean isPublic, UUID createdBy,
        List<Component> components, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** {@code concentration_mol_per_l} is null where the unit needs a density we do not have. */
    public record Component(UUID moleculeId, String moleculeName, double concentration, String unit,
            Double concentrationMolPerL, String role) {
    }
}
