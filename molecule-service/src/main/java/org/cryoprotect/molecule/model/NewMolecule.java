package org.cryoprotect.molecule.model;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record NewMolecule(
        @NotBlank @Size(max = 500) String name,
        @NotNull String smiles,
        Boolean isPublic,
        @Size(max = 100) List<@NotBlank @Size(max = 500) String> synonyms) {
}
