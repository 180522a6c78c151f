package org.cryoprotect.molecule.model;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

public record MoleculeLink(@NotNull UUID moleculeId) {
}
