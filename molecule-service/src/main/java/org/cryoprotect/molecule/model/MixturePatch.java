package org.cryoprotect.molecule.model;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Changes to a mixture; absent fields stay. Components, when given, replace the old list. */
public record MixturePatch(
        @Size(min = 1, max = 500) String name,
        @Size(max = 5000) String description,
        @Size(max = 2000) String reference,
        Boolean isPublic,
        @Size(min = 1, max = 50) List<NewMixture.@NotNull @Valid NewComponent> components) {
}
