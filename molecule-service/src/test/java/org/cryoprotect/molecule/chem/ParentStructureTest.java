package org.cryoprotect.molecule.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parent structures (largest organic fragment, neutralized, stereo kept) and what the properties describe. */
class ParentStructureTest {

    private final StructureCalculator calculator = new StructureCalculator();

    private String parentKey(String smiles) throws InvalidStructureException {
        return calculator.identity(smiles).parentInchikey();
    }

    private String ownKey(String smiles) throws InvalidStructureException {
        return calculator.identity(smiles).inchikey();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "choline chloride;                 C[N+](C)(C)CCO.[Cl-];          C[N+](C)(C)CCO",
            "choline hydroxide;                C[N+](C)(C)CCO.[OH-];          C[N+](C)(C)CCO",
            "sodium glyceroxide;               OCC(O)C[O-].[Na+];             OCC(O)CO",
            "sodium acetate;                   CC(=O)[O-].[Na+];              CC(=O)O",
            "alanine zwitterion;               C[C@H]([NH3+])C(=O)[O-];       C[C@H](N)C(=O)O",
            "L-alanine hydrochloride;          C[C@H](N)C(=O)O.Cl;            C[C@H](N)C(=O)O",
            "methylammonium chloride;          C[NH3+].[Cl-];                 CN",
            "sodium phenoxide;                 [O-]c1ccccc1.[Na+];            Oc1ccccc1",
            "pyridinium chloride;              c1cc[nH+]cc1.[Cl-];            c1ccncc1",
            "glycerol hydrate;                 OCC(O)CO.O;                    OCC(O)CO",
            "fragment order does not matter;   [Na+].OCC(O)C[O-];             OCC(O)CO"
    })
    void sameParent(String name, String salt, String parent) throws InvalidStructureException {
        assertEquals(ownKey(parent), parentKey(salt));
        assertEquals(parentKey(parent), parentKey(salt));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "betaine zwitterion;  C[N+](C)(C)CC(=O)[O-]",
            "nitro group;         C[N+](=O)[O-]",
            "nitrobenzene;        [O-][N+](=O)c1ccccc1",
            "choline;             C[N+](C)(C)CCO",
            "glycerol;            OCC(O)CO",
            "trehalose;           C([C@@H]1[C@H]([C@@H]([C@H]([C@H](O1)O[C@@H]2[C@@H]([C@H]([C@@H]([C@H](O2)CO)O)O)O)O)O)O)O"
    })
    void ownParent(String name, String smiles) throws InvalidStructureException {
        assertEquals(ownKey(smiles), parentKey(smiles));
    }

    @Test
    void cholineChlorideAndCholineHydroxideHaveOneParent() throws InvalidStructureException {
        assertEquals(parentKey("C[N+](C)(C)CCO.[Cl-]"), parentKey("C[N+](C)(C)CCO.[OH-]"));
        assertNotEquals(ownKey("C[N+](C)(C)CCO.[Cl-]"), ownKey("C[N+](C)(C)CCO.[OH-]"));
    }

    @Test
    void aZwitterionWithTwoAnionsKeepsOneAndDoesNotDependOnAtomOrder() throws InvalidStructureException {
        String written = parentKey("C[N+](C)(C)CC(C(=O)[O-])CC(=O)[O-]");
        assertEquals(written, parentKey("[O-]C(=O)CC(C(=O)[O-])C[N+](C)(C)C"));
        assertNotEquals(ownKey("C[N+](C)(C)CC(C(=O)[O-])CC(=O)[O-]"), written);
    }

    @Test
    void stereoIsKept() throws InvalidStructureException {
        String l = parentKey("C[C@H](N)C(=O)O.Cl");
        String d = parentKey("C[C@@H](N)C(=O)O.Cl");
        assertNotEquals(l, d);
        assertEquals(ownKey("C[C@H](N)C(=O)O"), l);
        assertEquals(ownKey("C[C@@H](N)C(=O)O"), d);
    }

    @Test
    void sodiumChlorideHasNoXlogpAndDoesNotCrash() throws InvalidStructureException {
        ComputedStructure salt = calculator.compute("[Na+].[Cl-]");

        assertFalse(salt.properties().containsKey("xlogp"), salt.properties().toString());
        assertFalse(salt.describes().containsKey("xlogp"));
        assertEquals("ClNa", salt.formula());
        assertEquals(58.44, salt.properties().get("molecular_weight"), 0.01);
        assertTrue(salt.properties().containsKey("tpsa"));
    }

    @Test
    void propertiesOfAMoleculeThatIsItsOwnParentDescribeTheMolecule() throws InvalidStructureException {
        ComputedStructure glycerol = calculator.compute("OCC(O)CO");

        assertEquals(glycerol.inchikey(), glycerol.parentInchikey());
        assertEquals(glycerol.properties().keySet(), glycerol.describes().keySet());
        assertTrue(glycerol.describes().values().stream().allMatch(ComputedStructure.MOLECULE::equals));
        assertTrue(glycerol.properties().containsKey("xlogp"));
    }

    @Test
    void descriptorsOfASaltDescribeItsParentAndMassTheSalt() throws InvalidStructureException {
        ComputedStructure salt = calculator.compute("CC(=O)[O-].[Na+]");
        ComputedStructure acid = calculator.compute("CC(=O)O");

        assertEquals(Map.of("molecular_weight", "molecule", "exact_mass", "molecule", "xlogp", "parent", "tpsa", "parent",
                "hbd", "parent", "hba", "parent", "rotatable_bonds", "parent"), salt.describes());
        assertEquals(82.03, salt.properties().get("molecular_weight"), 0.01);
        for (String parentProperty : new String[] {"xlogp", "tpsa", "hbd", "hba", "rotatable_bonds"}) {
            assertEquals(acid.properties().get(parentProperty), salt.properties().get(parentProperty), parentProperty);
        }
        assertEquals("C2H3NaO2", salt.formula());
    }

    @Test
    void computeAndIdentityAgree() throws InvalidStructureException {
        String smiles = "C[N+](C)(C)CCO.[Cl-]";
        assertEquals(calculator.identity(smiles), calculator.compute(smiles).identity());
    }
}
