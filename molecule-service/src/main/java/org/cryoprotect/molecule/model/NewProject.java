package org.cryoprotect.molecule.model;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record NewProject(@NotBlank @Size(max = 200) String name, @NotNull UUID teamId, @Size(max = 5000) String description) {
}
