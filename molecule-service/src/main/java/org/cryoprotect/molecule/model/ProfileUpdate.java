package org.cryoprotect.molecule.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record ProfileUpdate(@NotBlank @Size(max = 200) String displayName) {
}
