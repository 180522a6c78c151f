package org.cryoprotect.molecule.chem;

import static org.cryoprotect.molecule.chem.InvalidStructureException.firstLine;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.cryoprotect.molecule.config.ChemistryConfig;

import org.openscience.cdk.aromaticity.Aromaticity;
import org.openscience.cdk.aromaticity.ElectronDonation;
import org.openscience.cdk.depict.DepictionGenerator;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.fingerprint.CircularFingerprinter;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.inchi.InChIGenerator;
import org.openscience.cdk.inchi.InChIGeneratorFactory;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.isomorphism.Pattern;
import org.openscience.cdk.isomorphism.matchers.QueryAtomContainer;
import org.openscience.cdk.qsar.descriptors.molecular.HBondAcceptorCountDescriptor;
import org.openscience.cdk.qsar.descriptors.molecular.HBondDonorCountDescriptor;
import org.openscience.cdk.qsar.descriptors.molecular.RotatableBondsCountDescriptor;
import org.openscience.cdk.qsar.descriptors.molecular.TPSADescriptor;
import org.openscience.cdk.qsar.descriptors.molecular.XLogPDescriptor;
import org.openscience.cdk.qsar.result.DoubleResult;
import org.openscience.cdk.qsar.result.IntegerResult;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smarts.Smarts;
import org.openscience.cdk.smarts.SmartsPattern;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;
import org.openscience.cdk.tools.manipulator.MolecularFormulaManipulator;

import io.github.dan2097.jnainchi.InchiStatus;

/**
 * Computes identifiers and descriptors with the Chemistry Development Kit. CDK's parsers and
 * descriptors are not documented as thread safe, so every thread gets its own set; the calls are
 * CPU-bound and must run on worker threads, never on the event loop. Structures beyond the
 * {@link StructureLimits} are refused right after parsing, before any costly algorithm runs.
 */
@ApplicationScoped
public class StructureCalculator {

    private final ThreadLocal<Tools> tools = ThreadLocal.withInitial(Tools::new);
    private final StructureLimits limits;

    public StructureCalculator(StructureLimits limits) {
        this.limits = limits;
    }

    @Inject
    public StructureCalculator(ChemistryConfig config) {
        this(new StructureLimits(config.maxSmilesLength(), config.maxAtoms(), config.maxBonds(), config.maxRings()));
    }

    /** With the default limits. */
    public StructureCalculator() {
        this(StructureLimits.DEFAULT);
    }

    public ComputedStructure compute(String smiles) throws InvalidStructureException {
        Tools t = tools.get();
        IAtomContainer molecule = parse(smiles);
        try {
            Map<String, Double> properties = new LinkedHashMap<>();
            Map<String, String> describes = new LinkedHashMap<>();
            properties.put("molecular_weight", round(AtomContainerManipulator.getMass(molecule, AtomContainerManipulator.MolWeight), 4));
            properties.put("exact_mass", round(AtomContainerManipulator.getMass(molecule, AtomContainerManipulator.MonoIsotopic), 6));
            properties.keySet().forEach(name -> describes.put(name, ComputedStructure.MOLECULE));
            String formula = MolecularFormulaManipulator.getString(MolecularFormulaManipulator.getMolecularFormula(molecule));
            String canonical = t.canonical.create(molecule);
            InChIGenerator inchi = inchi(molecule);
            Parent parent = parent(molecule, inchi.getInchiKey());
            String describedBy = parent.inchikey().equals(inchi.getInchiKey()) ? ComputedStructure.MOLECULE : ComputedStructure.PARENT;
            Map<String, Double> parentProperties = parentProperties(parent.structure());
            parentProperties.keySet().forEach(name -> describes.put(name, describedBy));
            properties.putAll(parentProperties);
            return new ComputedStructure(canonical, inchi.getInchi(), formula, properties, describes,
                    identity(molecule, parent));
        } catch (CDKException e) {
            throw new InvalidStructureException("Cannot compute properties: " + e.getMessage());
        }
    }

    /** The descriptors of the parent; XLogP only for a parent with carbon (its model is for organic molecules). */
    private Map<String, Double> parentProperties(IAtomContainer parent) throws CDKException {
        Tools t = tools.get();
        Map<String, Double> properties = new LinkedHashMap<>();
        if (ParentStructure.hasCarbon(parent)) {
            properties.put("xlogp", round(((DoubleResult) t.xlogp.calculate(parent).getValue()).doubleValue(), 3));
        }
        properties.put("tpsa", round(((DoubleResult) t.tpsa.calculate(parent).getValue()).doubleValue(), 2));
        properties.put("hbd", (double) ((IntegerResult) t.donors.calculate(parent).getValue()).intValue());
        properties.put("hba", (double) ((IntegerResult) t.acceptors.calculate(parent).getValue()).intValue());
        properties.put("rotatable_bonds", (double) ((IntegerResult) t.rotatable.calculate(parent).getValue()).intValue());
        return properties;
    }

    /** InChIKeys and fingerprints only: the identity of a record whose properties came with it. */
    public StructureIdentity identity(String smiles) throws InvalidStructureException {
        IAtomContainer molecule = parse(smiles);
        try {
            return identity(molecule, parent(molecule, inchi(molecule).getInchiKey()));
        } catch (CDKException e) {
            throw new InvalidStructureException("Cannot compute the identity: " + e.getMessage());
        }
    }

    /** The last use of {@code molecule} and its parent: the screen's graph drops the molecule's hydrogens. */
    private StructureIdentity identity(IAtomContainer molecule, Parent parent) throws CDKException {
        Fingerprint similarity = similarity(parent.structure());
        return new StructureIdentity(parent.ownInchikey(), parent.inchikey(), similarity,
                PathScreen.ofTarget(matchingGraph(molecule)));
    }

    /** The ECFP4 fingerprint of the query's parent, for similarity search. */
    public Fingerprint similarityQuery(String smiles) throws InvalidStructureException {
        IAtomContainer molecule = parse(smiles);
        try {
            return similarity(parentStructure(molecule));
        } catch (CDKException e) {
            throw new InvalidStructureException("Cannot compute the similarity fingerprint: " + e.getMessage());
        }
    }

    /**
     * A substructure query: read as SMILES when it is valid SMILES (then with a screen), else as SMARTS
     * (no screen). Invalid as both → {@link InvalidStructureException} naming both problems; a query
     * beyond the structure limits is {@link StructureTooComplexException} either way.
     */
    public SubstructureQuery substructureQuery(String smilesOrSmarts) throws InvalidStructureException {
        String text = smilesOrSmarts == null ? "" : smilesOrSmarts.trim();
        if (text.isEmpty()) {
            throw new InvalidStructureException("the substructure query is empty");
        }
        String smilesProblem;
        try {
            IAtomContainer graph = matchingGraph(parse(text));
            QueryAtomContainer query = SmilesQueries.of(graph);
            if (query != null) {
                Pattern pattern = Pattern.findSubstructure(query);
                return new SubstructureQuery(text, false, PathScreen.ofQuery(graph), target -> {
                    IAtomContainer prepared = target(target);
                    return prepared != null && pattern.matches(matchingGraph(prepared));
                });
            }
            smilesProblem = "a wildcard atom";
        } catch (StructureTooComplexException e) {
            throw e;
        } catch (InvalidStructureException e) {
            smilesProblem = e.getMessage();
        }
        SmartsPattern smarts;
        try {
            smarts = SmartsPattern.create(text, SilentChemObjectBuilder.getInstance());
        } catch (RuntimeException e) {
            throw new InvalidStructureException("Neither SMILES (" + smilesProblem + ") nor SMARTS ("
                    + firstLine(e.getMessage()) + ")");
        }
        QueryAtomContainer parsed = new QueryAtomContainer(SilentChemObjectBuilder.getInstance());
        QueryAtomContainer checked;
        try {
            checked = Smarts.parse(parsed, text) ? MatchDeadline.checked(parsed) : null;
        } catch (RuntimeException e) {
            checked = null; // a query the copy cannot carry is matched by SmartsPattern itself, without the deadline
        }
        if (checked == null) {
            return new SubstructureQuery(text, true, null, target -> {
                IAtomContainer prepared = target(target);
                return prepared != null && smarts.matches(prepared);
            });
        }
        Pattern pattern = Pattern.findSubstructure(checked);
        return new SubstructureQuery(text, true, null, target -> {
            IAtomContainer prepared = target(target);
            if (prepared == null) {
                return false;
            }
            SmartsPattern.prepare(prepared); // what SmartsPattern does before it matches: rings and aromaticity
            return pattern.matches(prepared);
        });
    }

    private InChIGenerator inchi(IAtomContainer molecule) throws CDKException, InvalidStructureException {
        InChIGenerator inchi = InChIGeneratorFactory.getInstance().getInChIGenerator(molecule);
        if (inchi.getStatus() != InchiStatus.SUCCESS && inchi.getStatus() != InchiStatus.WARNING) {
            throw new InvalidStructureException("InChI cannot be generated: " + inchi.getMessage());
        }
        return inchi;
    }

    /** The parent of a structure whose own InChIKey is {@code ownInchikey}, with its InChIKey. */
    private record Parent(IAtomContainer structure, String inchikey, String ownInchikey) {
    }

    private Parent parent(IAtomContainer molecule, String ownInchikey) throws CDKException, InvalidStructureException {
        IAtomContainer parent = parentStructure(molecule);
        return new Parent(parent, parent == molecule ? ownInchikey : inchi(parent).getInchiKey(), ownInchikey);
    }

    /** The parent (see {@link ParentStructure}), typed and aromatic like a parsed structure. */
    private IAtomContainer parentStructure(IAtomContainer molecule) throws CDKException {
        IAtomContainer parent;
        try {
            parent = ParentStructure.of(molecule);
        } catch (CloneNotSupportedException e) {
            throw new CDKException("the parent structure cannot be copied", e);
        }
        if (parent != molecule) {
            AtomContainerManipulator.percieveAtomTypesAndConfigureAtoms(parent);
            tools.get().aromaticity.apply(parent);
        }
        return parent;
    }

    private Fingerprint similarity(IAtomContainer parent) throws CDKException {
        return new Fingerprint(tools.get().ecfp4.getBitFingerprint(parent).asBitSet(), Fingerprint.SIZE);
    }

    /**
     * The graph substructure search compares: without the hydrogens that can be counts (so [H]OC and OC
     * are the same query). The screen of a target is computed on this graph too. Changes {@code molecule}.
     */
    private static IAtomContainer matchingGraph(IAtomContainer molecule) {
        return AtomContainerManipulator.suppressHydrogens(molecule);
    }

    /**
     * A stored structure to match: parsed and aromatic as {@link #parse} makes it, without atom typing
     * (it was valid when stored and typing changes nothing the match compares); null when it cannot be read.
     */
    private IAtomContainer target(String smiles) {
        if (smiles == null || smiles.length() > limits.maxSmilesLength()) {
            return null;
        }
        Tools t = tools.get();
        try {
            IAtomContainer molecule = t.parser.parseSmiles(smiles.trim());
            checkSize(molecule);
            t.aromaticity.apply(molecule);
            return molecule;
        } catch (CDKException | InvalidStructureException e) {
            return null;
        }
    }

    public String depictSvg(String smiles) throws InvalidStructureException {
        try {
            return tools.get().depiction.depict(parse(smiles)).toSvgStr();
        } catch (CDKException e) {
            throw new InvalidStructureException("Cannot draw the structure: " + e.getMessage());
        }
    }

    /** Parses, types atoms (rejecting impossible valences) and applies one aromaticity model. */
    IAtomContainer parse(String smiles) throws InvalidStructureException {
        if (smiles == null || smiles.isBlank()) {
            throw new InvalidStructureException("SMILES is empty");
        }
        if (smiles.length() > limits.maxSmilesLength()) {
            throw new StructureTooComplexException("SMILES is longer than " + limits.maxSmilesLength() + " characters");
        }
        Tools t = tools.get();
        IAtomContainer molecule;
        try {
            molecule = t.parser.parseSmiles(smiles.trim());
        } catch (CDKException e) {
            throw new InvalidStructureException("SMILES cannot be parsed: " + firstLine(e.getMessage()));
        }
        if (molecule.isEmpty()) {
            throw new InvalidStructureException("SMILES contains no atoms");
        }
        checkSize(molecule);
        try {
            AtomContainerManipulator.percieveAtomTypesAndConfigureAtoms(molecule);
            for (IAtom atom : molecule.atoms()) {
                if (atom.getAtomTypeName() == null || "X".equals(atom.getAtomTypeName())) {
                    throw new InvalidStructureException("Invalid valence or unknown atom type at atom "
                            + (molecule.indexOf(atom) + 1) + " (" + atom.getSymbol() + ")");
                }
            }
            t.aromaticity.apply(molecule);
        } catch (CDKException e) {
            throw new InvalidStructureException("Atoms cannot be typed: " + firstLine(e.getMessage()));
        }
        return molecule;
    }

    private void checkSize(IAtomContainer molecule) throws StructureTooComplexException {
        int atoms = molecule.getAtomCount();
        int bonds = molecule.getBondCount();
        if (atoms > limits.maxAtoms()) {
            throw new StructureTooComplexException(atoms + " atoms (at most " + limits.maxAtoms() + ")");
        }
        if (bonds > limits.maxBonds()) {
            throw new StructureTooComplexException(bonds + " bonds (at most " + limits.maxBonds() + ")");
        }
        int rings = bonds - atoms + fragments(molecule);
        if (rings > limits.maxRings()) {
            throw new StructureTooComplexException(rings + " rings (at most " + limits.maxRings() + ")");
        }
    }

    /** Connected fragments, by union-find over the bonds: the ring count is bonds - atoms + fragments. */
    private static int fragments(IAtomContainer molecule) {
        int[] parent = new int[molecule.getAtomCount()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        int fragments = parent.length;
        for (IBond bond : molecule.bonds()) {
            int a = root(parent, bond.getBegin().getIndex());
            int b = root(parent, bond.getEnd().getIndex());
            if (a != b) {
                parent[a] = b;
                fragments--;
            }
        }
        return fragments;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }


    /** One thread's CDK objects. */
    private static final class Tools {
        final SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
        final SmilesGenerator canonical = new SmilesGenerator(SmiFlavor.Absolute);
        final Aromaticity aromaticity = new Aromaticity(ElectronDonation.daylight(), Cycles.or(Cycles.all(), Cycles.all(6)));
        final XLogPDescriptor xlogp = new XLogPDescriptor();
        final TPSADescriptor tpsa = new TPSADescriptor();
        final HBondDonorCountDescriptor donors = new HBondDonorCountDescriptor();
        final HBondAcceptorCountDescriptor acceptors = new HBondAcceptorCountDescriptor();
        final RotatableBondsCountDescriptor rotatable = new RotatableBondsCountDescriptor();
        final CircularFingerprinter ecfp4 = new CircularFingerprinter(CircularFingerprinter.CLASS_ECFP4, Fingerprint.SIZE);
        final DepictionGenerator depiction = new DepictionGenerator().withAtomColors().withSize(300, 220).withFillToFit(); // small molecules fill the drawing (a 120 px table cell included)

        Tools() {
            try {
                // checkAromaticity=true: results do not depend on how the SMILES was written (CDK notes §5).
                xlogp.setParameters(new Object[] {true, false});
                tpsa.setParameters(new Object[] {true});
                rotatable.setParameters(new Object[] {false, true});
            } catch (CDKException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
