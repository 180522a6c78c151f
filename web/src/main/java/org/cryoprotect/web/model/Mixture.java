package org.cryoprotect.web.model;

import java.util.List;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A mixture as listed; only what the molecule page shows. */
@RegisterForReflection
public record Mixture(UUID id, String name, boolean isPublic, List<Component> components) {

    @RegisterForReflection
    public record Component(UUID moleculeId, String moleculeName, double concentration, String unit) {
    }

    public boolean uses(UUID molecule) {
        return components != null && components.stream().anyMatch(c -> molecule.equals(c.moleculeId()));
    }
}
