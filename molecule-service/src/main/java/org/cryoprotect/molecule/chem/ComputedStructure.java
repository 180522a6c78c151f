package org.cryoprotect.molecule.chem;

import java.util.Map;

/**
 * What CDK derives from a SMILES string: identifiers, the descriptor values by property name, and for
 * each property whether it {@link #describes()} the "molecule" as registered or its "parent".
 */
public record ComputedStructure(String canonicalSmiles, String inchi, String formula, Map<String, Double> properties,
        Map<String, String> describes, StructureIdentity identity) {

    public static final String MOLECULE = "molecule";
    public static final String PARENT = "parent";

    public String inchikey() {
        return identity.inchikey();
    }

    public String parentInchikey() {
        return identity.parentInchikey();
    }
}
