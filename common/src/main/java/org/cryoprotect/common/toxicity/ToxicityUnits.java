package org.cryoprotect.common.toxicity;

import java.util.Map;

/** TEMPORARY stand-in for tox-common's class (TOXICITY.md A); replaced when branch tox-common is merged. */
public final class ToxicityUnits {

    private static final Map<String, Double> DOSE = Map.of("mg/kg", 1.0, "mg/kg bw", 1.0, "mg.kg-1", 1.0, "g/kg", 1_000.0,
            "ug/kg", 0.001, "µg/kg", 0.001);
    private static final Map<String, Double> MOLAR = Map.of("M", 1e6, "mol/L", 1e6, "mM", 1e3, "uM", 1.0, "µM", 1.0,
            "nM", 1e-3);
    private static final Map<String, Double> MASS = Map.of("mg/L", 1.0, "g/L", 1_000.0, "ug/mL", 1.0, "µg/mL", 1.0,
            "mg/mL", 1_000.0);

    private ToxicityUnits() {
    }

    public static Normalized normalize(double value, String unit, Double molecularWeight) {
        if (DOSE.containsKey(unit)) {
            return new Normalized(value * DOSE.get(unit), "mg/kg", null);
        }
        if (MOLAR.containsKey(unit)) {
            return new Normalized(value * MOLAR.get(unit), "µM", null);
        }
        if (MASS.containsKey(unit)) {
            return molecularWeight == null || molecularWeight <= 0
                    ? new Normalized(null, null, unit + " needs the molecular weight")
                    : new Normalized(value * MASS.get(unit) / molecularWeight * 1_000, "µM", null);
        }
        return new Normalized(null, null, "unit " + unit + " is not normalized");
    }

    public record Normalized(Double value, String unit, String reason) {
        public boolean normalized() {
            return value != null;
        }
    }
}
