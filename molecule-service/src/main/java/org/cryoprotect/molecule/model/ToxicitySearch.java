package org.cryoprotect.molecule.model;

import java.util.UUID;

/** The filters of GET /api/toxicity; null means "not filtered". */
public record ToxicitySearch(UUID moleculeId, String endpoint, String species, String route, Double maxValue,
        String source, Boolean parsed) {

    public static ToxicitySearch ofMolecule(UUID moleculeId) {
        return new ToxicitySearch(moleculeId, null, null, null, null, null, null);
    }
}
