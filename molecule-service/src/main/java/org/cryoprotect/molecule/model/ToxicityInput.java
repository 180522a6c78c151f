package org.cryoprotect.molecule.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A measurement recorded by hand. Species and route are the words as reported (mapped to the controlled
 * vocabulary, the words kept); relation defaults to "=".
 */
public record ToxicityInput(
        @NotBlank @Size(max = 50) String endpoint,
        @Pattern(regexp = "=|<|>|<=|>=|~", message = "must be one of =, <, >, <=, >=, ~") String relation,
        @Size(max = 200) String species,
        @Size(max = 100) String route,
        @Size(max = 100) String exposure,
        @NotNull Double value,
        @NotBlank @Size(max = 30) String unit,
        @Size(max = 100) String source,
        @Size(max = 1000) String reference) {
}
