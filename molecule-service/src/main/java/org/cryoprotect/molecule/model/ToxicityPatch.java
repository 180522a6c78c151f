package org.cryoprotect.molecule.model;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Changes to a toxicity measurement; absent fields stay. The controlled species and route follow the
 * reported words, the normalized value follows value and unit.
 */
public record ToxicityPatch(
        @Size(min = 1, max = 50) String endpoint,
        @Pattern(regexp = "=|<|>|<=|>=|~", message = "must be one of =, <, >, <=, >=, ~") String relation,
        @Size(max = 200) String species,
        @Size(max = 100) String route,
        @Size(max = 100) String exposure,
        Double value,
        @Size(min = 1, max = 30) String unit,
        @Size(max = 1000) String reference) {
}
