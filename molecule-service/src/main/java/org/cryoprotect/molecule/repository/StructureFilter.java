package org.cryoprotect.molecule.repository;

import org.cryoprotect.molecule.chem.Fingerprint;

/**
 * What CDK made of a search's structure queries, for SQL: the parent key an {@code exact} SMILES has,
 * the similarity fingerprint of {@code similar_to} with its threshold, and the substructure screen
 * (null for a SMARTS query, which is matched without one). Rows the backfill has not reached yet have
 * no parent key or fingerprints, so no structure filter finds them.
 */
public record StructureFilter(String exactParentKey, Fingerprint similarTo, double minSimilarity, boolean substructure,
        Fingerprint screen) {

    public static final StructureFilter NONE = new StructureFilter(null, null, 0, false, null);

    public boolean bySimilarity() {
        return similarTo != null;
    }

    /**
     * BitBound: a row with b bits can reach Tanimoto t against q query bits only if t*q <= b <= q/t
     * (the common bits are at most min(b, q), the union at least max(b, q)). Widened by a hair so
     * rounding never drops a row; the exact threshold is applied to the computed value.
     */
    int minBits() {
        return (int) Math.max(0, Math.ceil(minSimilarity * similarTo.cardinality() - 1e-9));
    }

    int maxBits() {
        return minSimilarity <= 0 ? Fingerprint.SIZE
                : (int) Math.min(Fingerprint.SIZE, Math.floor(similarTo.cardinality() / minSimilarity + 1e-9));
    }
}
