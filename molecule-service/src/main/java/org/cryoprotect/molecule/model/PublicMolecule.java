package org.cryoprotect.molecule.model;

import java.util.UUID;

public record PublicMolecule(UUID id, String name, String formula, String inchikey, Long pubchemCid, String chemblId,
        Double molecularWeight, Double xlogp, Double tpsa) {
}
