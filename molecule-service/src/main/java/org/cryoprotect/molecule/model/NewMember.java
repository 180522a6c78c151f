package org.cryoprotect.molecule.model;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record NewMember(@NotNull UUID userId, @NotNull @Pattern(regexp = "owner|editor|viewer", message = "must be owner, editor or viewer") String role) {
}
