package org.cryoprotect.molecule.chem;

import java.util.Map;

/**
 * Normalizes toxicity values: doses to mg/kg, concentrations to µM (mass concentrations need the
 * molecular weight). Units outside these families keep only their reported value.
 */
public final class ToxicityUnits {

    public record Normalized(double value, String unit) {
    }

    private static final Map<String, Double> DOSE_TO_MG_PER_KG = Map.of(
            "mg/kg", 1.0, "g/kg", 1_000.0, "ug/kg", 0.001, "µg/kg", 0.001);
    private static final Map<String, Double> MOLAR_TO_UM = Map.of(
            "M", 1e6, "mol/L", 1e6, "mM", 1e3, "mmol/L", 1e3, "uM", 1.0, "µM", 1.0, "umol/L", 1.0, "nM", 1e-3, "nmol/L", 1e-3);
    private static final Map<String, Double> MASS_TO_MG_PER_L = Map.of(
            "mg/L", 1.0, "g/L", 1_000.0, "ug/mL", 1.0, "µg/mL", 1.0, "mg/mL", 1_000.0, "ug/L", 0.001, "µg/L", 0.001);

    private ToxicityUnits() {
    }

    public static Normalized normalize(double value, String unit, Double molecularWeight) {
        if (DOSE_TO_MG_PER_KG.containsKey(unit)) {
            return new Normalized(value * DOSE_TO_MG_PER_KG.get(unit), "mg/kg");
        }
        if (MOLAR_TO_UM.containsKey(unit)) {
            return new Normalized(value * MOLAR_TO_UM.get(unit), "µM");
        }
        if (MASS_TO_MG_PER_L.containsKey(unit) && molecularWeight != null && molecularWeight > 0) {
            // mg/L divided by g/mol is mmol/L
            return new Normalized(value * MASS_TO_MG_PER_L.get(unit) / molecularWeight * 1_000, "µM");
        }
        return null;
    }
}
