package org.cryoprotect.simulator.data;

import java.util.List;

/**
 * One compound as both upstreams know it: its PubChem CID and ChEMBL id, names, structure and the
 * properties computed once with CDK (see {@link CompoundCalculator}). Immutable; served from memory.
 *
 * @param origin {@code demo} or {@code generated}
 * @param chemblName ChEMBL's {@code pref_name} (upper case, like ChEMBL), or null
 */
public record Compound(
        long cid,
        String chemblId,
        String title,
        String chemblName,
        List<String> synonyms,
        String origin,
        String smiles,
        String connectivitySmiles,
        String inchi,
        String inchiKey,
        String formula,
        double molecularWeight,
        double exactMass,
        double xlogp,
        double tpsa,
        int hbondDonors,
        int hbondAcceptors,
        int rotatableBonds,
        int heavyAtoms,
        int charge,
        int complexity,
        int isotopeAtoms,
        int atomStereo,
        int definedAtomStereo,
        int bondStereo,
        int definedBondStereo,
        int covalentUnits,
        int aromaticRings,
        int lipinskiAcceptors,
        int lipinskiDonors,
        double largestFragmentWeight) {

    /** The structure and properties of a compound, before it is given identifiers and names. */
    public record Structure(
            String smiles, String connectivitySmiles, String inchi, String inchiKey, String formula,
            double molecularWeight, double exactMass, double xlogp, double tpsa, int hbondDonors,
            int hbondAcceptors, int rotatableBonds, int heavyAtoms, int charge, int complexity,
            int isotopeAtoms, int atomStereo, int definedAtomStereo, int bondStereo, int definedBondStereo,
            int covalentUnits, int aromaticRings, int lipinskiAcceptors, int lipinskiDonors,
            double largestFragmentWeight) {
    }

    public static Compound of(long cid, String chemblId, String title, String chemblName, List<String> synonyms,
            String origin, Structure s) {
        return new Compound(cid, chemblId, title, chemblName, List.copyOf(synonyms), origin, s.smiles(),
                s.connectivitySmiles(), s.inchi(), s.inchiKey(), s.formula(), s.molecularWeight(), s.exactMass(),
                s.xlogp(), s.tpsa(), s.hbondDonors(), s.hbondAcceptors(), s.rotatableBonds(), s.heavyAtoms(),
                s.charge(), s.complexity(), s.isotopeAtoms(), s.atomStereo(), s.definedAtomStereo(), s.bondStereo(),
                s.definedBondStereo(), s.covalentUnits(), s.aromaticRings(), s.lipinskiAcceptors(),
                s.lipinskiDonors(), s.largestFragmentWeight());
    }

    public int undefinedAtomStereo() {
        return atomStereo - definedAtomStereo;
    }

    public int undefinedBondStereo() {
        return bondStereo - definedBondStereo;
    }
}
