package org.cryoprotect.molecule.chem;

import java.util.Map;

/** What CDK derives from a SMILES string: identifiers and the descriptor values, by property name. */
public record ComputedStructure(String canonicalSmiles, String inchi, String inchikey, String formula,
        Map<String, Double> properties) {
}
