package org.cryoprotect.common.toxicity;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every conversion ToxicityUnits makes, and every refusal with its reason. */
class ToxicityUnitsTest {

    private static final double DMSO = 78.13;

    @ParameterizedTest(name = "{0} {1} -> {2} mg/kg")
    @CsvSource(delimiter = '|', value = {
            "780   | mg/kg             | 780",
            "14.5  | g/kg              | 14500",
            "500   | ug/kg             | 0.5",
            "500   | µg/kg             | 0.5",
            "500   | μg/kg             | 0.5",
            "800   | mcg/kg            | 0.8",
            "2000  | ng/kg             | 0.002",
            "2000  | mg/kg bw          | 2000",
            "2000  | mg/kg b.w.        | 2000",
            "2000  | mg/kg body weight | 2000",
            "2300  | mg.kg-1           | 2300",
            "2300  | mg kg-1           | 2300",
            "1.5   | g.kg-1            | 1500",
            "25    | ug.kg-1           | 0.025"})
    void dosesBecomeMilligramsPerKilogram(double value, String unit, double expected) {
        assertNormalized(expected, ToxicityUnits.DOSE, ToxicityUnits.normalize(value, unit, null));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} mg/kg with MW 78.13")
    @CsvSource(delimiter = '|', value = {
            "6.5   | mmol/kg  | 507.845",
            "25    | umol/kg  | 1.95325",
            "25    | µmol/kg  | 1.95325",
            "0.1   | mol/kg   | 7813",
            "1000  | nmol/kg  | 0.07813",
            "6.5   | mmol.kg-1 | 507.845"})
    void amountDosesUseTheMolecularWeight(double value, String unit, double expected) {
        assertNormalized(expected, ToxicityUnits.DOSE, ToxicityUnits.normalize(value, unit, DMSO));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} µM")
    @CsvSource(delimiter = '|', value = {
            "12    | nM      | 0.012",
            "3.4   | uM      | 3.4",
            "3.4   | µM      | 3.4",
            "3.4   | μM      | 3.4",
            "0.25  | mM      | 250",
            "1.2   | M       | 1200000",
            "50    | pM      | 0.00005",
            "1.2   | mol/L   | 1200000",
            "6.7   | mmol/L  | 6700",
            "6.7   | mmol/l  | 6700",
            "4     | umol/L  | 4",
            "4     | nmol/L  | 0.004"})
    void molarConcentrationsBecomeMicromolarWithoutAMolecularWeight(double value, String unit, double expected) {
        assertNormalized(expected, ToxicityUnits.CONCENTRATION, ToxicityUnits.normalize(value, unit, null));
    }

    /** µM = mg/L ÷ MW (g/mol) × 1000; the third column is the value in mg/L. */
    @ParameterizedTest(name = "{0} {1} = {2} mg/L -> µM with MW 78.13")
    @CsvSource(delimiter = '|', value = {
            "78.13  | mg/L      | 78.13",
            "78.13  | mg/l      | 78.13",
            "78.13  | mg L-1    | 78.13",
            "78.13  | µg/mL     | 78.13",
            "78.13  | ug/ml     | 78.13",
            "78.13  | ug.mL-1   | 78.13",
            "78.13  | mcg/mL    | 78.13",
            "7.813  | g/L       | 7813",
            "7.813  | mg/mL     | 7813",
            "781.3  | ug/L      | 0.7813",
            "781.3  | ng/mL     | 0.7813",
            "781.3  | ng/L      | 0.0007813",
            "7.813  | mg/dL     | 78.13",
            "1      | % w/v     | 10000",
            "2.5    | % (w/v)   | 25000",
            "2.5    | %w/v      | 25000",
            "1      | g/100 mL  | 10000"})
    void massConcentrationsUseTheMolecularWeight(double value, String unit, double milligramsPerLitre) {
        assertNormalized(milligramsPerLitre / DMSO * 1000, ToxicityUnits.CONCENTRATION,
                ToxicityUnits.normalize(value, unit, DMSO));
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "mL/kg         | a volume dose (mL/kg) needs the density",
            "ml/kg         | needs the density",
            "uL/kg         | needs the density",
            "mg/kg/day     | a daily dose (mg/kg/day) from repeated dosing",
            "mg/kg bw/day  | a daily dose",
            "mg/kg/d       | a daily dose",
            "mg/kg-day     | a daily dose",
            "mg.kg-1.day-1 | a daily dose",
            "ppm           | the source does not say which",
            "ppb           | the source does not say which",
            "ppm/4 hr      | the source does not say which",
            "mg/m3         | an air concentration (mg/m3)",
            "ug/m3         | an air concentration",
            "g/m3          | an air concentration",
            "mg/L air      | an air concentration",
            "%             | a percentage (%) that does not say w/v",
            "% v/v         | a v/v percentage (% v/v) needs a density",
            "% w/w         | a w/w percentage",
            "IU/mL         | unknown unit 'IU/mL'",
            "mg/g          | unknown unit 'mg/g'",
            "furlongs      | unknown unit 'furlongs'"})
    void refusesWhatItCannotConvertHonestly(String unit, String reason) {
        assertRefused(reason, ToxicityUnits.normalize(10, unit, DMSO));
    }

    @ParameterizedTest(name = "{0} without a molecular weight")
    @CsvSource({"mmol/kg", "umol/kg", "mg/L", "µg/mL", "g/L", "% w/v"})
    void refusesWhatNeedsAMissingMolecularWeight(String unit) {
        assertRefused("needs the molecular weight (" + unit + " -> ", ToxicityUnits.normalize(10, unit, null));
        assertRefused("needs the molecular weight", ToxicityUnits.normalize(10, unit, 0.0));
        assertRefused("needs the molecular weight", ToxicityUnits.normalize(10, unit, -5.0));
        assertRefused("needs the molecular weight", ToxicityUnits.normalize(10, unit, Double.NaN));
    }

    @Test
    void refusesMissingUnitsAndImpossibleValues() {
        assertAll(
                () -> assertRefused("no unit", ToxicityUnits.normalize(10, null, DMSO)),
                () -> assertRefused("no unit", ToxicityUnits.normalize(10, "  ", DMSO)),
                () -> assertRefused("not a finite, non-negative value", ToxicityUnits.normalize(-1, "mg/kg", DMSO)),
                () -> assertRefused("not a finite", ToxicityUnits.normalize(Double.NaN, "mg/kg", DMSO)),
                () -> assertRefused("not a finite", ToxicityUnits.normalize(Double.POSITIVE_INFINITY, "mg/kg", DMSO)));
    }

    @Test
    void molarIsCaseSensitiveSoMillimolarIsNotAMillimetre() {
        assertNormalized(250, ToxicityUnits.CONCENTRATION, ToxicityUnits.normalize(0.25, "mM", null));
        assertRefused("unknown unit 'mm'", ToxicityUnits.normalize(0.25, "mm", null));
    }

    @Test
    void roundsAwayBinaryNoiseOnly() {
        assertEquals(3800.0, ToxicityUnits.normalize(3.8, "g/kg", null).value());
        assertEquals(0.13, ToxicityUnits.normalize(130, "ug/kg", null).value());
        assertEquals(0.0, ToxicityUnits.normalize(0, "g/kg", null).value());
    }

    private static void assertNormalized(double expected, String unit, ToxicityUnits.Normalized normalized) {
        assertAll(normalized.toString(),
                () -> assertTrue(normalized.normalized()),
                () -> assertEquals(expected, normalized.value(), Math.abs(expected) * 1e-9),
                () -> assertEquals(unit, normalized.unit()),
                () -> assertNull(normalized.reason()));
    }

    private static void assertRefused(String reason, ToxicityUnits.Normalized normalized) {
        assertAll(normalized.toString(),
                () -> assertFalse(normalized.normalized()),
                () -> assertNull(normalized.value()),
                () -> assertNull(normalized.unit()),
                () -> assertTrue(normalized.reason().contains(reason), normalized.reason() + " / " + reason));
    }
}
