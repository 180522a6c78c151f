package org.cryoprotect.molecule.chem;

import java.util.Set;

/**
 * Converts a component's concentration to mol/L where the units and the molecular weight allow.
 * Volume fractions and mass fractions need a density, so they stay unnormalized.
 */
public final class Concentrations {

    public static final Set<String> UNITS = Set.of("mol/L", "mmol/L", "umol/L", "g/mL", "mg/mL", "g/L", "%w/v", "%v/v", "%w/w");

    private Concentrations() {
    }

    /** @return mol/L, or null when the unit needs data we do not have */
    public static Double toMolPerLitre(double value, String unit, Double molecularWeight) {
        return switch (unit) {
            case "mol/L" -> value;
            case "mmol/L" -> value / 1_000;
            case "umol/L" -> value / 1_000_000;
            case "g/mL" -> perWeight(value * 1_000, molecularWeight);
            case "mg/mL", "g/L" -> perWeight(value, molecularWeight);
            case "%w/v" -> perWeight(value * 10, molecularWeight); // g per 100 mL
            default -> null;
        };
    }

    private static Double perWeight(double gramsPerLitre, Double molecularWeight) {
        return molecularWeight == null || molecularWeight <= 0 ? null : gramsPerLitre / molecularWeight;
    }
}
