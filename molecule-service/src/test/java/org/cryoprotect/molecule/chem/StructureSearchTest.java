package org.cryoprotect.molecule.chem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Substructure and similarity queries, and the screen's promise: it never drops a true match. */
class StructureSearchTest {

    static final String TREHALOSE =
            "C([C@@H]1[C@H]([C@@H]([C@H]([C@H](O1)O[C@@H]2[C@@H]([C@H]([C@@H]([C@H](O2)CO)O)O)O)O)O)O)O";
    static final String ECTOINE = "CC1=NCC[C@H](N1)C(=O)O";
    static final String HYDROXYECTOINE = "CC1=NC[C@@H](O)[C@H](N1)C(=O)O";

    /** Aromatics, heteroaromatics, rings, charges, salts, zwitterions, stereo, hydrogens written out. */
    static final List<String> CORPUS = List.of(
            "OCC(O)CO", "CS(C)=O", "C[S+](C)[O-]", "OCCO", "CC(O)CO", TREHALOSE,
            "OC[C@H]1OC(O)[C@H](O)[C@@H](O)[C@@H]1O",
            "OC[C@H]1O[C@@](CO)(O[C@H]2O[C@H](CO)[C@@H](O)[C@H](O)[C@H]2O)[C@@H](O)[C@@H]1O",
            "C1=CC=CC=C1", "Cc1ccccc1", "c1ccc2ccccc2c1", "c1ccc2cc3ccccc3cc2c1", "Oc1ccccc1", "c1ccncc1",
            "c1cc[nH]c1", "c1ccoc1", "c1ccsc1", "c1cnc[nH]1", "c1ccc2[nH]ccc2c1", "Cn1cnc2c1c(=O)n(C)c(=O)n2C",
            "c1ccc(cc1)-c1ccccc1", "c1ccc(cc1)C(=O)O", "CC(=O)Oc1ccccc1C(=O)O", "CC(C)Cc1ccc(cc1)C(C)C(=O)O",
            "O=S(=O)(O)c1ccccc1", "[O-]c1ccccc1.[Na+]", "[O-][N+](=O)c1ccccc1", "c1cc[nH+]cc1.[Cl-]",
            "CC(=O)O", "CC(=O)[O-].[Na+]", "C[N+](C)(C)CCO.[Cl-]", "C[N+](C)(C)CCO.[OH-]", "C[N+](C)(C)CC(=O)[O-]",
            "C[N+](=O)[O-]", ECTOINE, HYDROXYECTOINE, "NC(=O)N", "CNC=O", "CC(N)=O", "NC=O",
            "C1CCCCC1", "OC1CCCCC1", "C1CCOC1", "C1COCCO1", "C1CC2CCC1C2", "O=C1C=CC(=O)N1",
            "OCC(O)C(O)C(O)C(O)CO", "OC[C@H](O)[C@@H](O)[C@H](O)[C@H](O)CO",
            "NCC(=O)O", "C[C@@H](C(=O)O)N", "C[C@H]([NH3+])C(=O)[O-]", "NCCCC[C@H](N)C(=O)O",
            "N[C@@H](Cc1ccccc1)C(O)=O", "OC(=O)[C@@H]1CCCN1", "OC(=O)CN(CC(O)=O)CCN(CC(O)=O)CC(O)=O",
            "OC(=O)CC(O)(CC(=O)O)C(=O)O", "OC(=O)/C=C/C(=O)O", "CCCCCCCCCCCCCCCC(=O)O", "CCCCCCCCCCCC(=O)[O-].[Na+]",
            "[Na+].[Cl-]", "[K+].[Cl-]", "[NH4+].[Cl-]", "C[NH3+].[Cl-]", "OS(=O)(=O)O", "CS(=O)(=O)O",
            "CCOCC", "CC#N", "C#C", "C=CC=C", "ClC(Cl)Cl", "FC(F)(F)C(=O)O", "CC(C)(C)O", "OCCOCCOCCO",
            "OCC(O)CO.O", "[H]OC([H])([H])C([H])([H])O[H]", "[2H]C([2H])([2H])S(=O)C([2H])([2H])[2H]");

    static final List<String> QUERIES = List.of(
            "c1ccccc1", "OCC(O)CO", "CO", "C=O", "C(=O)O", "C(=O)[O-]", "[N+]", "c1ccncc1", "C1CCCCC1", "OCCO",
            "C#N", "S=O", "CC(N)C(=O)O", "c1ccc2ccccc2c1", "Cl", "NC=O", "C=C", "c1cc[nH]c1", "[H]OCCO[H]", "O",
            "C1=CC=CC=C1", "[Na+]", "C[N+](C)(C)C");

    private final StructureCalculator calculator = new StructureCalculator();

    @Test
    void theScreenOfEveryTrueMatchContainsTheQueryScreenAndSomeNonMatchesAreScreenedOut()
            throws InvalidStructureException {
        List<Fingerprint> screens = new ArrayList<>();
        for (String target : CORPUS) {
            screens.add(calculator.identity(target).screen());
        }
        int matches = 0;
        int screenedOut = 0;
        int passedWithoutMatch = 0;
        for (String text : QUERIES) {
            SubstructureQuery query = calculator.substructureQuery(text);
            assertNotNull(query.screen(), text);
            for (int i = 0; i < CORPUS.size(); i++) {
                boolean passes = screens.get(i).containsAll(query.screen());
                if (query.matches(CORPUS.get(i))) {
                    matches++;
                    assertTrue(passes, text + " matches " + CORPUS.get(i) + " but the screen would drop it");
                } else if (passes) {
                    passedWithoutMatch++;
                } else {
                    screenedOut++;
                }
            }
        }
        assertTrue(matches > 100, "matches: " + matches);
        assertTrue(screenedOut > passedWithoutMatch, screenedOut + " screened out, " + passedWithoutMatch
                + " passed the screen without matching");
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "c1ccccc1|      Cc1ccccc1|             true",
            "C1=CC=CC=C1|   Cc1ccccc1|             true",
            "c1ccccc1|      C1CCCCC1|              false",
            "C1CCCCC1|      c1ccccc1|              false",
            "OCC(O)CO|      OCC(O)CO|              true",
            "OCC(O)CO|      " + TREHALOSE + "|    true",
            "OCC(O)CO|      OCCO|                  false",
            "CO|            c1ccccc1|              false",
            "CO|            Oc1ccccc1|             false",
            "cO|            Oc1ccccc1|             true",
            "CO|            CCO|                   true",
            "CO|            COC|                   true",
            "N|             [NH4+].[Cl-]|          true",
            "[NH4+]|        N|                     false",
            "CC(N)C(=O)O|   [H][C@](N)(C)C(=O)O|   true",
            "C[C@@H](N)C(=O)O| C[C@H](N)C(=O)O|    true",
            "C=O|           CC(=O)O|               true",
            "C=O|           CCO|                   false",
            "C(=O)[O-]|     CC(=O)[O-].[Na+]|      true",
            "C(=O)[O-]|     CC(=O)O|               false",
            "C(=O)O|        CC(=O)[O-].[Na+]|      true",
            "[H]OCCO[H]|    OCCO|                  true",
            "C[N+](C)(C)C|  C[N+](C)(C)CCO.[Cl-]|  true",
            "C[N+](C)(C)C|  CN(C)C|                false",
            "[#8;H1]|       OCC(O)CO|              true",
            "[#8;H1]|       CCOCC|                 false",
            "[OX2H][CX4]|   CCO|                   true",
            "*C(=O)O|       CC(=O)O|               true"
    })
    void substructureSemantics(String query, String target, boolean expected) throws InvalidStructureException {
        assertEquals(expected, calculator.substructureQuery(query).matches(target));
    }

    @Test
    void smartsQueriesHaveNoScreenAndSmilesQueriesDo() throws InvalidStructureException {
        SubstructureQuery smarts = calculator.substructureQuery("[#8;H1]");
        assertTrue(smarts.isSmarts());
        assertNull(smarts.screen());
        SubstructureQuery smiles = calculator.substructureQuery("OCC(O)CO");
        assertFalse(smiles.isSmarts());
        assertTrue(smiles.screen().cardinality() > 0);
    }

    @Test
    void anInvalidQueryNamesTheSmilesAndTheSmartsProblem() {
        InvalidStructureException e = assertThrows(InvalidStructureException.class,
                () -> calculator.substructureQuery("C1CC(=O"));
        assertTrue(e.getMessage().contains("SMILES") && e.getMessage().contains("SMARTS"), e.getMessage());
        assertThrows(InvalidStructureException.class, () -> calculator.substructureQuery(""));
        assertThrows(InvalidStructureException.class, () -> calculator.substructureQuery("[#8;H1"));
    }

    @Test
    void aQueryBeyondTheLimitsIsTooComplex() {
        assertThrows(StructureTooComplexException.class, () -> calculator.substructureQuery("C".repeat(4001)));
        assertThrows(StructureTooComplexException.class, () -> calculator.substructureQuery("C".repeat(501)));
    }

    @Test
    void anUnreadableTargetDoesNotMatch() throws InvalidStructureException {
        assertFalse(calculator.substructureQuery("C").matches("C1CC"));
        assertFalse(calculator.substructureQuery("[#6]").matches("not smiles"));
    }

    @Test
    void identicalStructuresHaveSimilarityOne() throws InvalidStructureException {
        Fingerprint glycerol = calculator.similarityQuery("OCC(O)CO");
        assertEquals(1.0, glycerol.tanimoto(calculator.similarityQuery("C(C(CO)O)O")), 1e-12);
        assertEquals(glycerol, calculator.identity("OCC(O)CO").similarity());
        assertEquals(Fingerprint.SIZE, glycerol.size());
    }

    @Test
    void similarityIsOfTheParent() throws InvalidStructureException {
        assertEquals(calculator.similarityQuery("CC(=O)O"), calculator.similarityQuery("CC(=O)[O-].[Na+]"));
        assertEquals(calculator.identity("CC(=O)O").similarity(), calculator.identity("CC(=O)[O-].[Na+]").similarity());
    }

    @Test
    void ectoineIsCloserToHydroxyectoineThanToDmso() throws InvalidStructureException {
        Fingerprint ectoine = calculator.similarityQuery(ECTOINE);
        double hydroxyectoine = ectoine.tanimoto(calculator.similarityQuery(HYDROXYECTOINE));
        double dmso = ectoine.tanimoto(calculator.similarityQuery("CS(C)=O"));
        assertTrue(hydroxyectoine > 0.4 && hydroxyectoine > dmso + 0.3, hydroxyectoine + " vs DMSO " + dmso);
    }

    @Test
    void aFullereneIsScreenedAndMatched() throws InvalidStructureException {
        String c60 = "c12c3c4c5c1c1c6c7c2c2c8c3c3c9c4c4c%10c5c5c1c1c6c6c%11c7c2c2c7c8c3c3c8c9c4c4c9c%10c5c5c1c1c6c6c%11"
                + "c2c2c7c3c3c8c4c4c9c5c1c1c6c2c3c41";
        SubstructureQuery benzene = calculator.substructureQuery("c1ccccc1");
        assertTrue(benzene.matches(c60));
        assertTrue(calculator.identity(c60).screen().containsAll(benzene.screen()));
    }

    @Test
    void pathEnumerationIsBoundedATargetThenSetsEveryBitAndAQueryKeepsASubset() {
        // 12 mutually bonded atoms: 12·11·10·9·8·7 six-atom paths, beyond PathScreen.MAX_PATHS
        IAtomContainer clique = SilentChemObjectBuilder.getInstance().newAtomContainer();
        for (int i = 0; i < 12; i++) {
            IAtom atom = SilentChemObjectBuilder.getInstance().newInstance(IAtom.class, i % 2 == 0 ? "C" : "N");
            atom.setImplicitHydrogenCount(0);
            clique.addAtom(atom);
        }
        for (int i = 0; i < 12; i++) {
            for (int j = i + 1; j < 12; j++) {
                clique.addBond(i, j, IBond.Order.SINGLE);
            }
        }
        Fingerprint target = PathScreen.ofTarget(clique);
        Fingerprint query = PathScreen.ofQuery(clique);

        assertEquals(Fingerprint.SIZE, target.cardinality());
        assertTrue(query.cardinality() > 0 && query.cardinality() < Fingerprint.SIZE, "query bits " + query.cardinality());
    }
}
