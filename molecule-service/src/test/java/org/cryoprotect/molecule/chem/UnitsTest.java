package org.cryoprotect.molecule.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void concentrationsBecomeMolPerLitreWhereTheWeightAllows() {
        assertEquals(7.5, Concentrations.toMolPerLitre(7.5, "mol/L", null));
        assertEquals(0.3, Concentrations.toMolPerLitre(300, "mmol/L", null), 1e-12);
        // 0.1 g/mL glycerol = 100 g/L / 92.094 g/mol
        assertEquals(1.0858, Concentrations.toMolPerLitre(0.1, "g/mL", 92.094), 1e-4);
        assertEquals(1.0858, Concentrations.toMolPerLitre(10, "%w/v", 92.094), 1e-4);
        assertNull(Concentrations.toMolPerLitre(0.1, "g/mL", null));
        assertNull(Concentrations.toMolPerLitre(10, "%v/v", 92.094));
    }

    @Test
    void toxicityDosesBecomeMgPerKgAndConcentrationsMicromolar() {
        assertEquals(new ToxicityUnits.Normalized(14_500, "mg/kg"), ToxicityUnits.normalize(14.5, "g/kg", null));
        assertEquals(new ToxicityUnits.Normalized(2_000, "µM"), ToxicityUnits.normalize(2, "mM", null));
        // 78.13 mg/L DMSO is 1 mmol/L
        assertEquals(1_000, ToxicityUnits.normalize(78.13, "mg/L", 78.13).value(), 1e-9);
        assertNull(ToxicityUnits.normalize(5, "mg/L", null));
        assertNull(ToxicityUnits.normalize(5, "ppm", 78.13));
    }
}
