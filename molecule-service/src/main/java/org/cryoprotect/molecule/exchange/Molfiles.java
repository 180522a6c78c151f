package org.cryoprotect.molecule.exchange;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.cryoprotect.molecule.chem.InvalidStructureException;
import org.cryoprotect.molecule.chem.StructureTooComplexException;
import org.cryoprotect.molecule.config.ChemistryConfig;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.IChemObjectReader;
import org.openscience.cdk.io.ISimpleChemObjectReader;
import org.openscience.cdk.io.MDLV2000Reader;
import org.openscience.cdk.io.MDLV2000Writer;
import org.openscience.cdk.io.MDLV3000Reader;
import org.openscience.cdk.layout.StructureDiagramGenerator;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;

/**
 * Molfiles in and out with CDK: a V2000 or V3000 block becomes the SMILES the service registers (stereo
 * taken from wedges and coordinates, explicit hydrogens folded in), and a stored SMILES becomes a V2000
 * block with 2D coordinates. CPU-bound and not thread safe per instance: chemistry threads only, each with
 * its own CDK objects. The declared size is checked before CDK reads a block, the same limits as SMILES.
 */
@ApplicationScoped
public class Molfiles {

    private static final int MAX_TITLE = 80;

    private final ThreadLocal<Tools> tools = ThreadLocal.withInitial(Tools::new);
    private final int maxAtoms;
    private final int maxBonds;

    public Molfiles(int maxAtoms, int maxBonds) {
        this.maxAtoms = maxAtoms;
        this.maxBonds = maxBonds;
    }

    @Inject
    public Molfiles(ChemistryConfig config) {
        this(config.maxAtoms(), config.maxBonds());
    }

    public String smilesOf(String molfile) throws InvalidStructureException {
        boolean v3000 = molfile.contains("V3000");
        checkDeclaredSize(molfile, v3000);
        IAtomContainer molecule;
        try (ISimpleChemObjectReader reader = v3000
                ? new MDLV3000Reader(new StringReader(molfile), IChemObjectReader.Mode.RELAXED)
                : new MDLV2000Reader(new StringReader(molfile), IChemObjectReader.Mode.RELAXED)) {
            molecule = reader.read(SilentChemObjectBuilder.getInstance().newAtomContainer());
        } catch (CDKException | IOException | RuntimeException e) {
            throw new InvalidStructureException("the molfile cannot be read: " + firstLine(e.getMessage()));
        }
        if (molecule == null || molecule.isEmpty()) {
            throw new InvalidStructureException("the molfile has no atoms");
        }
        checkSize(molecule.getAtomCount(), molecule.getBondCount());
        try {
            IAtomContainer heavy = AtomContainerManipulator.suppressHydrogens(molecule);
            return tools.get().smiles.create(heavy);
        } catch (CDKException | RuntimeException e) {
            throw new InvalidStructureException("no SMILES can be written for the molfile: " + firstLine(e.getMessage()));
        }
    }

    /** A V2000 molfile (no data items) of {@code smiles}, laid out in 2D unless {@code layout} is false. */
    public String molfileOf(String smiles, String title, boolean layout) throws InvalidStructureException {
        Tools t = tools.get();
        IAtomContainer molecule;
        try {
            molecule = t.parser.parseSmiles(smiles);
        } catch (CDKException e) {
            throw new InvalidStructureException("SMILES cannot be parsed: " + firstLine(e.getMessage()));
        }
        checkSize(molecule.getAtomCount(), molecule.getBondCount());
        try {
            if (layout) {
                t.layout.generateCoordinates(molecule);
            }
            molecule.setTitle(title(title));
            StringWriter out = new StringWriter();
            try (MDLV2000Writer writer = new MDLV2000Writer(out)) {
                // keeps hydrogen counts an MDL reader's valence model would get wrong (radicals, odd valences)
                writer.getSetting(MDLV2000Writer.OptWriteQueryFormatValencies).setSetting("true");
                writer.write(molecule);
            }
            return out.toString();
        } catch (CDKException | IOException | RuntimeException e) {
            throw new InvalidStructureException("no molfile can be written: " + firstLine(e.getMessage()));
        }
    }

    private void checkDeclaredSize(String molfile, boolean v3000) throws StructureTooComplexException {
        String[] lines = molfile.split("\n", v3000 ? -1 : 5);
        if (v3000) {
            for (String line : lines) {
                if (line.startsWith("M  V30 COUNTS")) {
                    String[] counts = line.substring("M  V30 COUNTS".length()).trim().split("\\s+");
                    if (counts.length >= 2) {
                        checkSize(number(counts[0]), number(counts[1]));
                    }
                    return;
                }
            }
        } else if (lines.length > 3 && lines[3].length() >= 6) {
            checkSize(number(lines[3].substring(0, 3)), number(lines[3].substring(3, 6)));
        }
    }

    private void checkSize(int atoms, int bonds) throws StructureTooComplexException {
        if (atoms > maxAtoms) {
            throw new StructureTooComplexException(atoms + " atoms (at most " + maxAtoms + ")");
        }
        if (bonds > maxBonds) {
            throw new StructureTooComplexException(bonds + " bonds (at most " + maxBonds + ")");
        }
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0; // not a count: CDK reports the malformed block
        }
    }

    private static String title(String title) {
        String line = title == null ? "" : title.replaceAll("\\p{Cntrl}", " ");
        return line.length() > MAX_TITLE ? line.substring(0, MAX_TITLE) : line;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** One thread's CDK objects. */
    private static final class Tools {
        final SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
        final SmilesGenerator smiles = new SmilesGenerator(SmiFlavor.Absolute | SmiFlavor.UseAromaticSymbols);
        final StructureDiagramGenerator layout = new StructureDiagramGenerator();
    }
}
