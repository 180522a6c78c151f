package org.cryoprotect.molecule.model;

import jakarta.validation.constraints.Size;

public record ProjectPatch(@Size(min = 1, max = 200) String name, @Size(max = 5000) String description) {
}
