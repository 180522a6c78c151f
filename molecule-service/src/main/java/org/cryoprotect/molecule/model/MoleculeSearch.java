package org.cryoprotect.molecule.model;

import java.util.UUID;

/** The filters of GET /api/molecules; null means "not filtered". */
public record MoleculeSearch(String text, String formula, String inchikey, Double mwMin, Double mwMax,
        Double logpMin, Double logpMax, Double tpsaMax, UUID projectId) {

    public static MoleculeSearch inProject(UUID projectId) {
        return new MoleculeSearch(null, null, null, null, null, null, null, null, projectId);
    }
}
