package org.cryoprotect.molecule.chem;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CDK against values published by PubChem for the core cryoprotectants. */
class StructureCalculatorTest {

    private final StructureCalculator calculator = new StructureCalculator();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "glycerol;           OCC(O)CO;            C3H8O3;   92.09;  PEDCQBHIVMGVHV-UHFFFAOYSA-N; 3; 2",
            "DMSO;               CS(=O)C;             C2H6OS;   78.13;  IAZDPXIOMUYVGZ-UHFFFAOYSA-N; 0; 0",
            "DMSO charge-separated; C[S+](C)[O-];     C2H6OS;   78.13;  IAZDPXIOMUYVGZ-UHFFFAOYSA-N; 0; 0",
            "ethylene glycol;    C(CO)O;              C2H6O2;   62.07;  LYCAIKOWRPUZTN-UHFFFAOYSA-N; 2; 1",
            "trehalose;          C([C@@H]1[C@H]([C@@H]([C@H]([C@H](O1)O[C@@H]2[C@@H]([C@H]([C@@H]([C@H](O2)CO)O)O)O)O)O)O)O; C12H22O11; 342.30; HDTRYLNUVZCQOY-LIZSDCNHSA-N; 8; 4"
    })
    void matchesPubChem(String name, String smiles, String formula, double weight, String inchikey, int donors,
            int rotatable) throws InvalidStructureException {
        ComputedStructure structure = calculator.compute(smiles);

        assertEquals(formula, structure.formula());
        assertEquals(weight, structure.properties().get("molecular_weight"), 0.01);
        assertEquals(inchikey, structure.inchikey());
        assertEquals(donors, structure.properties().get("hbd"));
        assertEquals(rotatable, structure.properties().get("rotatable_bonds"));
        assertTrue(structure.inchi().startsWith("InChI=1S/" + formula));
    }

    @Test
    void exactMassAndPolarSurfaceOfGlycerol() throws InvalidStructureException {
        ComputedStructure glycerol = calculator.compute("OCC(O)CO");

        assertEquals(92.047344, glycerol.properties().get("exact_mass"), 1e-4);
        assertEquals(60.69, glycerol.properties().get("tpsa"), 0.1);
    }

    @Test
    void canonicalSmilesDoesNotDependOnHowTheInputWasWritten() throws InvalidStructureException {
        assertEquals(calculator.compute("OCC(O)CO").canonicalSmiles(), calculator.compute("C(C(CO)O)O").canonicalSmiles());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "C(C)(C)(C)(C)C", "C1CC", "xyz", "C[Xx]", "CC(=O"})
    void rejectsInvalidStructuresWithAReason(String smiles) {
        InvalidStructureException e = assertThrows(InvalidStructureException.class, () -> calculator.compute(smiles));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }

    @Test
    void pentavalentCarbonIsAValenceError() {
        InvalidStructureException e = assertThrows(InvalidStructureException.class,
                () -> calculator.compute("C(C)(C)(C)(C)C"));
        assertTrue(e.getMessage().contains("valence"), e.getMessage());
    }

    @Test
    void drawsSvg() throws InvalidStructureException {
        assertTrue(calculator.depictSvg("OCC(O)CO").contains("<svg"));
    }

    @Test
    void structuresBeyondTheLimitsAreTooComplex() {
        StructureCalculator small = new StructureCalculator(new StructureLimits(40, 10, 12, 1));

        assertTrue(assertThrows(StructureTooComplexException.class, () -> small.compute("C".repeat(11)))
                .getMessage().contains("11 atoms (at most 10)"));
        assertTrue(assertThrows(StructureTooComplexException.class, () -> small.compute("C1CC1C1CC1"))
                .getMessage().contains("2 rings (at most 1)"));
        assertTrue(assertThrows(StructureTooComplexException.class, () -> small.compute("C".repeat(41)))
                .getMessage().contains("longer than 40"));
        // two fragments, one ring: the ring count is bonds - atoms + fragments
        assertDoesNotThrow(() -> small.compute("C1CC1.CCO"));
    }
}
