package org.cryoprotect.molecule.chem;

/** How large a structure CDK is asked to handle (cryo.chemistry.max-*). */
public record StructureLimits(int maxSmilesLength, int maxAtoms, int maxBonds, int maxRings) {

    public static final StructureLimits DEFAULT = new StructureLimits(4000, 500, 600, 50);
}
