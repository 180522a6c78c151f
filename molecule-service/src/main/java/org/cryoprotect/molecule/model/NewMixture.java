package org.cryoprotect.molecule.model;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

public record NewMixture(
        @NotBlank @Size(max = 500) String name,
        @Size(max = 5000) String description,
        @Size(max = 2000) String reference,
        Boolean isPublic,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid NewComponent> components) {

    public record NewComponent(
            @NotNull UUID moleculeId,
            @NotNull @PositiveOrZero Double concentration,
            @NotNull @Pattern(regexp = "mol/L|mmol/L|umol/L|g/mL|mg/mL|g/L|%w/v|%v/v|%w/w",
                    message = "must be one of mol/L, mmol/L, umol/L, g/mL, mg/mL, g/L, %w/v, %v/v, %w/w") String unit,
            @Size(max = 100) String role) {
    }
}
