package org.cryoprotect.molecule.model;

import java.util.UUID;

/**
 * The filters of GET /api/molecules; null means "not filtered". The structure filters carry the query
 * as given: {@code exact} and {@code similarTo} are SMILES, {@code substructure} SMILES or SMARTS, and
 * {@code minSimilarity} applies with {@code similarTo} only.
 */
public record MoleculeSearch(String text, String formula, String inchikey, Double mwMin, Double mwMax,
        Double logpMin, Double logpMax, Double tpsaMax, UUID projectId,
        String parentInchikey, String exact, String substructure, String similarTo, Double minSimilarity) {

    /** The default of min_similarity. */
    public static final double DEFAULT_MIN_SIMILARITY = 0.7;

    /** Without structure filters. */
    public MoleculeSearch(String text, String formula, String inchikey, Double mwMin, Double mwMax,
            Double logpMin, Double logpMax, Double tpsaMax, UUID projectId) {
        this(text, formula, inchikey, mwMin, mwMax, logpMin, logpMax, tpsaMax, projectId, null, null, null, null, null);
    }

    public static MoleculeSearch inProject(UUID projectId) {
        return new MoleculeSearch(null, null, null, null, null, null, null, null, projectId);
    }

    /** Whether CDK must read a query (exact, similar_to or substructure) before the database is asked. */
    public boolean hasStructureQuery() {
        return exact != null || substructure != null || similarTo != null;
    }
}
