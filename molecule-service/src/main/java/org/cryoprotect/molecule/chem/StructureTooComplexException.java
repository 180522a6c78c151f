package org.cryoprotect.molecule.chem;

/** A structure beyond what the service computes: too large, too many rings, or too slow. */
public class StructureTooComplexException extends InvalidStructureException {

    public StructureTooComplexException(String reason) {
        super(reason);
    }
}
