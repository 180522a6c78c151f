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
}
