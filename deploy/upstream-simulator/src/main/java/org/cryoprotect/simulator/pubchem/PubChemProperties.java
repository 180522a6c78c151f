package org.cryoprotect.simulator.pubchem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.cryoprotect.simulator.data.Compound;

/**
 * PUG-REST's property names and how each is written: MolecularWeight, ExactMass and
 * MonoisotopicMass as strings, XLogP and TPSA as numbers, counts as integers. Names PubChem knows but
 * the simulator does not compute (IUPACName, 3-D descriptors, patent counts, fingerprints) are valid
 * and simply absent from the rows, as PubChem leaves out values it does not have.
 */
public final class PubChemProperties {

    public static final String CANONICAL_SMILES = "CanonicalSMILES";
    public static final String ISOMERIC_SMILES = "IsomericSMILES";

    private static final List<String> SIMULATED = List.of("MolecularFormula", "MolecularWeight", "SMILES",
            "ConnectivitySMILES", CANONICAL_SMILES, ISOMERIC_SMILES, "InChI", "InChIKey", "IUPACName", "Title", "XLogP",
            "ExactMass", "MonoisotopicMass", "TPSA", "Complexity", "Charge", "HBondDonorCount", "HBondAcceptorCount",
            "RotatableBondCount", "HeavyAtomCount", "IsotopeAtomCount", "AtomStereoCount", "DefinedAtomStereoCount",
            "UndefinedAtomStereoCount", "BondStereoCount", "DefinedBondStereoCount", "UndefinedBondStereoCount",
            "CovalentUnitCount");

    private static final List<String> ABSENT = List.of("PatentCount", "PatentFamilyCount", "LiteratureCount",
            "Volume3D", "XStericQuadrupole3D", "YStericQuadrupole3D", "ZStericQuadrupole3D", "FeatureCount3D",
            "FeatureAcceptorCount3D", "FeatureDonorCount3D", "FeatureAnionCount3D", "FeatureCationCount3D",
            "FeatureRingCount3D", "FeatureHydrophobeCount3D", "ConformerModelRMSD3D", "EffectiveRotorCount3D",
            "ConformerCount3D", "Fingerprint2D", "AnnotationTypes", "AnnotationTypeCount", "SourceCategories");

    private static final Map<String, String> BY_LOWER_NAME = new LinkedHashMap<>();

    static {
        SIMULATED.forEach(n -> BY_LOWER_NAME.put(n.toLowerCase(Locale.ROOT), n));
        ABSENT.forEach(n -> BY_LOWER_NAME.put(n.toLowerCase(Locale.ROOT), n));
    }

    private PubChemProperties() {
    }

    /** The property's canonical spelling, or null if PubChem does not know it. */
    public static String canonicalName(String name) {
        return BY_LOWER_NAME.get(name.trim().toLowerCase(Locale.ROOT));
    }

    public static boolean isLegacySmiles(String name) {
        return CANONICAL_SMILES.equals(name) || ISOMERIC_SMILES.equals(name);
    }

    public static boolean isModernSmiles(String name) {
        return "SMILES".equals(name) || "ConnectivitySMILES".equals(name);
    }

    /** The key a property is answered under: legacy SMILES names become the 2025 names unless {@code legacyKeys}. */
    public static String key(String name, boolean legacyKeys) {
        if (!legacyKeys && CANONICAL_SMILES.equals(name)) {
            return "ConnectivitySMILES";
        }
        if (!legacyKeys && ISOMERIC_SMILES.equals(name)) {
            return "SMILES";
        }
        return name;
    }

    /** Puts the property's value under {@code key}; puts nothing when the simulator has no value. */
    public static void put(ObjectNode row, String key, String name, Compound c) {
        switch (name) {
            case "MolecularFormula" -> row.put(key, c.formula());
            case "MolecularWeight" -> row.put(key, decimal(c.molecularWeight(), 2, 1));
            case "SMILES", ISOMERIC_SMILES -> row.put(key, c.smiles());
            case "ConnectivitySMILES", CANONICAL_SMILES -> row.put(key, c.connectivitySmiles());
            case "InChI" -> row.put(key, c.inchi());
            case "InChIKey" -> row.put(key, c.inchiKey());
            case "Title" -> row.put(key, c.title());
            case "XLogP" -> row.put(key, c.xlogp());
            case "ExactMass", "MonoisotopicMass" -> row.put(key, decimal(c.exactMass(), 8, 1));
            case "TPSA" -> row.put(key, c.tpsa());
            case "Complexity" -> row.put(key, c.complexity());
            case "Charge" -> row.put(key, c.charge());
            case "HBondDonorCount" -> row.put(key, c.hbondDonors());
            case "HBondAcceptorCount" -> row.put(key, c.hbondAcceptors());
            case "RotatableBondCount" -> row.put(key, c.rotatableBonds());
            case "HeavyAtomCount" -> row.put(key, c.heavyAtoms());
            case "IsotopeAtomCount" -> row.put(key, c.isotopeAtoms());
            case "AtomStereoCount" -> row.put(key, c.atomStereo());
            case "DefinedAtomStereoCount" -> row.put(key, c.definedAtomStereo());
            case "UndefinedAtomStereoCount" -> row.put(key, c.undefinedAtomStereo());
            case "BondStereoCount" -> row.put(key, c.bondStereo());
            case "DefinedBondStereoCount" -> row.put(key, c.definedBondStereo());
            case "UndefinedBondStereoCount" -> row.put(key, c.undefinedBondStereo());
            case "CovalentUnitCount" -> row.put(key, c.covalentUnits());
            default -> {
                // IUPACName and the 3-D, patent and annotation properties: no value in the simulator.
            }
        }
    }

    /** Rounded to {@code digits} decimals, trailing zeros dropped but at least {@code minDigits} kept ("811.0"). */
    public static String decimal(double value, int digits, int minDigits) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP).stripTrailingZeros();
        if (d.scale() < minDigits) {
            d = d.setScale(minDigits, RoundingMode.UNNECESSARY);
        }
        return d.toPlainString();
    }
}
