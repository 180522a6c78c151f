package org.cryoprotect.molecule.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record ToxicityInput(
        @NotBlank @Size(max = 50) String endpoint,
        @Size(max = 200) String species,
        @Size(max = 100) String route,
        @NotNull Double value,
        @NotBlank @Size(max = 30) String unit,
        @Size(max = 100) String source,
        @Size(max = 1000) String reference) {
}
