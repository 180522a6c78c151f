package org.cryoprotect.molecule.model;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Changes to a molecule; absent fields stay as they are. Properties given here are recorded as manual. */
public record MoleculePatch(
        @Size(min = 1, max = 500) String name,
        Boolean isPublic,
        @Size(max = 100) List<@NotNull @Size(min = 1, max = 500) String> synonyms,
        @Size(max = 50) Map<@Pattern(regexp = "[a-z][a-z0-9_]{0,62}") String, @NotNull Double> properties) {
}
