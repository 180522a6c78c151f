package org.cryoprotect.common.toxicity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Converts reported values to one unit per kind so they can be compared: doses to "mg/kg",
 * concentrations to "µM". It never guesses: a unit whose conversion needs something the source does
 * not give (a density for mL/kg or % v/v, the medium for ppm, the molecular weight for molar units)
 * or that is not a single dose (mg/kg/day) is refused with the reason, and the caller keeps the
 * reported value and unit.
 *
 * <p>Mass per volume (mg/L, µg/mL) is converted in whatever medium the measurement names: an
 * inhalation LC50 in mg/L becomes µmol per litre of air. Callers keep routes apart when they compare.
 * Air concentrations per cubic metre, or marked "air" ("mg/L air"), are refused, as agreed for the
 * shared contract.
 */
public final class ToxicityUnits {

    public static final String DOSE = "mg/kg";
    public static final String CONCENTRATION = "µM";

    private static final Map<String, Double> MG_PER_KG = Map.of(
            "mg/kg", 1.0, "g/kg", 1000.0, "ug/kg", 1e-3, "ng/kg", 1e-6);
    /** Amount doses, in mmol/kg per unit: mg/kg = mmol/kg × MW (g/mol). */
    private static final Map<String, Double> MMOL_PER_KG = Map.of(
            "mol/kg", 1000.0, "mmol/kg", 1.0, "umol/kg", 1e-3, "nmol/kg", 1e-6);
    /** Molar concentrations, in µM per unit. */
    private static final Map<String, Double> MICROMOLAR = Map.ofEntries(
            Map.entry("M", 1e6), Map.entry("mM", 1e3), Map.entry("uM", 1.0), Map.entry("nM", 1e-3),
            Map.entry("pM", 1e-6), Map.entry("mol/l", 1e6), Map.entry("mmol/l", 1e3), Map.entry("umol/l", 1.0),
            Map.entry("nmol/l", 1e-3), Map.entry("pmol/l", 1e-6));
    /** Mass concentrations, in mg/L per unit: µM = mg/L / MW (g/mol) × 1000. "% w/v" is g/100 mL = 10 g/L. */
    private static final Map<String, Double> MG_PER_L = Map.ofEntries(
            Map.entry("g/l", 1e3), Map.entry("mg/l", 1.0), Map.entry("ug/l", 1e-3), Map.entry("ng/l", 1e-6),
            Map.entry("g/ml", 1e6), Map.entry("mg/ml", 1e3), Map.entry("ug/ml", 1.0), Map.entry("ng/ml", 1e-3),
            Map.entry("mg/dl", 10.0), Map.entry("g/100ml", 1e4), Map.entry("%w/v", 1e4), Map.entry("%(w/v)", 1e4));

    private static final Pattern DAILY = Pattern.compile(".*(?:/d|/day|-day|perday|/24h|/24hr)$");
    private static final Pattern VOLUME_DOSE = Pattern.compile("[mun]?l/kg");
    private static final Pattern PARTS_PER = Pattern.compile("pp[mbt].*");
    private static final Pattern AIR = Pattern.compile(".*/m3.*|.*/cum|.*air.*");
    private static final Pattern PERCENT = Pattern.compile("%\\(?([wv]/[wv])?\\)?");

    private ToxicityUnits() {
    }

    /** Doses to "mg/kg", concentrations to "µM"; otherwise value and unit null and the reason set. */
    public static Normalized normalize(double value, String unit, Double molecularWeight) {
        if (unit == null || unit.isBlank()) {
            return Normalized.refused("no unit");
        }
        if (!Double.isFinite(value) || value < 0) {
            return Normalized.refused("not a finite, non-negative value");
        }
        String canonical = UnitSpelling.canonical(unit);
        String key = UnitSpelling.key(canonical);
        if (MG_PER_KG.containsKey(key)) {
            return Normalized.to(value * MG_PER_KG.get(key), DOSE);
        }
        if (MMOL_PER_KG.containsKey(key)) {
            return withWeight(molecularWeight, unit, DOSE, mw -> value * MMOL_PER_KG.get(key) * mw);
        }
        if (UnitSpelling.molar(canonical) || MICROMOLAR.containsKey(key)) {
            return Normalized.to(value * MICROMOLAR.getOrDefault(canonical, MICROMOLAR.get(key)), CONCENTRATION);
        }
        if (MG_PER_L.containsKey(key)) {
            return withWeight(molecularWeight, unit, CONCENTRATION, mw -> value * MG_PER_L.get(key) / mw * 1000);
        }
        return Normalized.refused(refusal(unit, key));
    }

    private static String refusal(String unit, String key) {
        if (DAILY.matcher(key).matches()) {
            return "a daily dose (" + unit + ") from repeated dosing, not comparable with a single dose in mg/kg";
        }
        if (VOLUME_DOSE.matcher(key).matches()) {
            return "a volume dose (" + unit + ") needs the density, which the source does not give";
        }
        if (PARTS_PER.matcher(key).matches()) {
            return "parts per million/billion (" + unit + ") are by volume in air or by mass in water or food;"
                    + " the source does not say which";
        }
        if (AIR.matcher(key).matches()) {
            return "an air concentration (" + unit + "), not converted to µM";
        }
        var percent = PERCENT.matcher(key);
        if (percent.matches()) {
            return percent.group(1) == null
                    ? "a percentage (" + unit + ") that does not say w/v; it could be w/w or v/v"
                    : "a " + percent.group(1) + " percentage (" + unit + ") needs a density or the medium";
        }
        return "unknown unit '" + unit + "'";
    }

    private static Normalized withWeight(Double molecularWeight, String unit, String target,
            java.util.function.DoubleUnaryOperator convert) {
        if (molecularWeight == null || !Double.isFinite(molecularWeight) || molecularWeight <= 0) {
            return Normalized.refused("needs the molecular weight (" + unit + " -> " + target + "), which is not known");
        }
        return Normalized.to(convert.applyAsDouble(molecularWeight), target);
    }

    /** A normalized value and unit, or (both null) the reason it could not be normalized honestly. */
    public record Normalized(Double value, String unit, String reason) {

        public boolean normalized() {
            return value != null;
        }

        static Normalized refused(String reason) {
            return new Normalized(null, null, reason);
        }

        /** Rounded to 12 significant digits, which removes binary noise ("3800.0000000000005") only. */
        static Normalized to(double value, String unit) {
            double rounded = value == 0 ? 0 : new BigDecimal(value).round(new MathContext(12)).doubleValue();
            return new Normalized(rounded, unit, null);
        }
    }
}
