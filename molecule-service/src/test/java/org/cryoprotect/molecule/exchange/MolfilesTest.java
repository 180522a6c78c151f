package org.cryoprotect.molecule.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cryoprotect.molecule.chem.InvalidStructureException;
import org.cryoprotect.molecule.chem.StructureCalculator;
import org.cryoprotect.molecule.chem.StructureTooComplexException;
import org.junit.jupiter.api.Test;

/** Molfiles written from SMILES read back as the same structure (InChIKey): stereo, charges, salts, isotopes. */
class MolfilesTest {

    private final Molfiles molfiles = new Molfiles(500, 600);
    private final StructureCalculator calculator = new StructureCalculator();

    static final String ETHANOL_V3000 = """
            ethanol
              hand-written

              0  0  0     0  0            999 V3000
            M  V30 BEGIN CTAB
            M  V30 COUNTS 3 2 0 0 0
            M  V30 BEGIN ATOM
            M  V30 1 C 0 0 0 0
            M  V30 2 C 1.3 0.75 0 0
            M  V30 3 O 2.6 0 0 0
            M  V30 END ATOM
            M  V30 BEGIN BOND
            M  V30 1 1 1 2
            M  V30 2 1 2 3
            M  V30 END BOND
            M  V30 END CTAB
            M  END
            """;

    @Test
    void writtenAndReadBackKeepsTheStructure() throws InvalidStructureException {
        for (String smiles : List.of("C[C@@H](C(=O)O)N", "C[C@H](C(=O)O)N", "OC(=O)/C=C/C(=O)O", "OC(=O)/C=C\\C(=O)O",
                "C[N+](C)(C)CCO.[Cl-]", "CC(O)C(=O)[O-].[Na+]", "[2H]OC", "c1ccccc1O", "OC[C@@H](O)[C@@H](O)[C@H](O)[C@H](O)CO",
                "C[S+](C)[O-]", "[NH4+].[Cl-]", "O", "[Na+].[Cl-]")) {
            String molfile = molfiles.molfileOf(smiles, "title", true);
            String read = molfiles.smilesOf(molfile);
            assertEquals(calculator.compute(smiles).inchikey(), calculator.compute(read).inchikey(), smiles + " -> " + read);
        }
    }

    @Test
    void v3000IsRead() throws InvalidStructureException {
        assertEquals("LFQSCWFLJHTTHZ-UHFFFAOYSA-N", calculator.compute(molfiles.smilesOf(ETHANOL_V3000)).inchikey());
    }

    @Test
    void v3000StereoIsRead() throws InvalidStructureException {
        String alanine = "C[C@@H](C(=O)O)N";
        String v3000 = v3000Of(molfiles.molfileOf(alanine, "L-alanine", true));
        assertTrue(v3000.contains("V3000"), v3000);
        assertEquals(calculator.compute(alanine).inchikey(), calculator.compute(molfiles.smilesOf(v3000)).inchikey(), v3000);
    }

    @Test
    void declaredSizeBeyondTheLimitsIsRefusedBeforeReading() {
        String huge = "huge\n  x\n\n999  0  0  0  0  0  0  0  0  0999 V2000\nM  END\n";
        StructureTooComplexException e = assertThrows(StructureTooComplexException.class, () -> molfiles.smilesOf(huge));
        assertEquals("999 atoms (at most 500)", e.getMessage());
    }

    @Test
    void garbageIsAnInvalidStructure() {
        assertThrows(InvalidStructureException.class, () -> molfiles.smilesOf("x\ny\nz\nnot a counts line\nM  END\n"));
    }

    /** The same structure as V3000, through CDK's writer. */
    static String v3000Of(String v2000) {
        try {
            var molecule = new org.openscience.cdk.io.MDLV2000Reader(new java.io.StringReader(v2000))
                    .read(org.openscience.cdk.silent.SilentChemObjectBuilder.getInstance().newAtomContainer());
            var out = new java.io.StringWriter();
            try (var writer = new org.openscience.cdk.io.MDLV3000Writer(out)) {
                writer.write(molecule);
            }
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
