package org.cryoprotect.molecule.model;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NewInvitation(@NotBlank @Email(message = "must be an e-mail address") @Size(max = 320) String email,
        @NotNull @Pattern(regexp = "owner|editor|viewer", message = "must be owner, editor or viewer") String role) {
}
