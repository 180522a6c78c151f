package org.cryoprotect.molecule.model;

import jakarta.validation.constraints.Size;

/** Changes to a toxicity measurement; absent fields stay. The normalized value follows value and unit. */
public record ToxicityPatch(
        @Size(min = 1, max = 50) String endpoint,
        @Size(max = 200) String species,
        @Size(max = 100) String route,
        Double value,
        @Size(min = 1, max = 30) String unit,
        @Size(max = 1000) String reference) {
}
