package org.cryoprotect.simulator.data;

import org.openscience.cdk.aromaticity.Aromaticity;
import org.openscience.cdk.aromaticity.ElectronDonation;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.graph.ConnectivityChecker;
import org.openscience.cdk.graph.Cycles;
import org.openscience.cdk.inchi.InChIGenerator;
import org.openscience.cdk.inchi.InChIGeneratorFactory;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IAtomContainerSet;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.interfaces.IDoubleBondStereochemistry;
import org.openscience.cdk.interfaces.IStereoElement;
import org.openscience.cdk.interfaces.ITetrahedralChirality;
import org.openscience.cdk.qsar.descriptors.molecular.HBondAcceptorCountDescriptor;
import org.openscience.cdk.qsar.descriptors.molecular.HBondDonorCountDescriptor;
import org.openscience.cdk.qsar.descriptors.molecular.RotatableBondsCountDescriptor;
import org.openscience.cdk.qsar.descriptors.molecular.TPSADescriptor;
import org.openscience.cdk.qsar.descriptors.molecular.XLogPDescriptor;
import org.openscience.cdk.qsar.result.DoubleResult;
import org.openscience.cdk.qsar.result.IntegerResult;
import org.openscience.cdk.ringsearch.RingSearch;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;
import org.openscience.cdk.smiles.SmilesParser;
import org.openscience.cdk.stereo.Stereocenters;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;
import org.openscience.cdk.tools.manipulator.MolecularFormulaManipulator;

import io.github.dan2097.jnainchi.InchiStatus;

/**
 * Computes a compound's identifiers and descriptors with CDK, with the same parser, atom typing,
 * aromaticity model and descriptor parameters as molecule-service's StructureCalculator. Not thread
 * safe: use one instance per thread. Runs only while the data set is built, never per request.
 */
public final class CompoundCalculator {

    private final SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
    private final SmilesGenerator absolute = new SmilesGenerator(SmiFlavor.Absolute);
    private final SmilesGenerator connectivity = new SmilesGenerator(SmiFlavor.Canonical);
    private final Aromaticity aromaticity = new Aromaticity(ElectronDonation.daylight(), Cycles.or(Cycles.all(), Cycles.all(6)));
    private final XLogPDescriptor xlogp = new XLogPDescriptor();
    private final TPSADescriptor tpsa = new TPSADescriptor();
    private final HBondDonorCountDescriptor donors = new HBondDonorCountDescriptor();
    private final HBondAcceptorCountDescriptor acceptors = new HBondAcceptorCountDescriptor();
    private final RotatableBondsCountDescriptor rotatable = new RotatableBondsCountDescriptor();

    public CompoundCalculator() {
        try {
            xlogp.setParameters(new Object[] {true, false});
            tpsa.setParameters(new Object[] {true});
            rotatable.setParameters(new Object[] {false, true});
        } catch (CDKException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The structure's properties, or null when CDK rejects it (unparsable, impossible valence, no InChI). */
    public Compound.Structure compute(String smiles) {
        try {
            IAtomContainer m = parser.parseSmiles(smiles);
            if (m.isEmpty()) {
                return null;
            }
            AtomContainerManipulator.percieveAtomTypesAndConfigureAtoms(m);
            for (IAtom atom : m.atoms()) {
                if (atom.getAtomTypeName() == null || "X".equals(atom.getAtomTypeName())) {
                    return null;
                }
            }
            aromaticity.apply(m);
            InChIGenerator inchi = InChIGeneratorFactory.getInstance().getInChIGenerator(m);
            if (inchi.getStatus() != InchiStatus.SUCCESS && inchi.getStatus() != InchiStatus.WARNING) {
                return null;
            }
            double mw = AtomContainerManipulator.getMass(m, AtomContainerManipulator.MolWeight);
            double exact = AtomContainerManipulator.getMass(m, AtomContainerManipulator.MonoIsotopic);
            double logp = ((DoubleResult) xlogp.calculate(m).getValue()).doubleValue();
            double psa = ((DoubleResult) tpsa.calculate(m).getValue()).doubleValue();
            int hbd = ((IntegerResult) donors.calculate(m).getValue()).intValue();
            int hba = ((IntegerResult) acceptors.calculate(m).getValue()).intValue();
            int rotb = ((IntegerResult) rotatable.calculate(m).getValue()).intValue();
            if (Double.isNaN(logp) || Double.isNaN(psa)) {
                return null;
            }
            String formula = MolecularFormulaManipulator.getString(MolecularFormulaManipulator.getMolecularFormula(m));

            int heavy = 0;
            int charge = 0;
            int isotopes = 0;
            int hetero = 0;
            int branches = 0;
            int lipinskiAcceptors = 0;
            int lipinskiDonors = 0;
            for (IAtom atom : m.atoms()) {
                String symbol = atom.getSymbol();
                if (!"H".equals(symbol)) {
                    heavy++;
                }
                if (!"C".equals(symbol) && !"H".equals(symbol)) {
                    hetero++;
                }
                if (atom.getFormalCharge() != null) {
                    charge += atom.getFormalCharge();
                }
                if (atom.getMassNumber() != null) {
                    isotopes++;
                }
                if (m.getConnectedBondsCount(atom) > 2) {
                    branches++;
                }
                if ("N".equals(symbol) || "O".equals(symbol)) {
                    lipinskiAcceptors++;
                    Integer h = atom.getImplicitHydrogenCount();
                    lipinskiDonors += h == null ? 0 : h;
                }
            }

            Stereocenters centres = Stereocenters.of(m);
            int atomStereo = 0;
            int bondStereo = 0;
            for (int i = 0; i < m.getAtomCount(); i++) {
                if (centres.isStereocenter(i) && centres.elementType(i) == Stereocenters.Type.Tetracoordinate) {
                    atomStereo++;
                }
            }
            int multiple = 0;
            for (IBond bond : m.bonds()) {
                if (bond.getOrder() != IBond.Order.SINGLE) {
                    multiple++;
                }
                if (bond.getOrder() == IBond.Order.DOUBLE && !bond.isInRing()) {
                    int a = m.indexOf(bond.getBegin());
                    int b = m.indexOf(bond.getEnd());
                    if (centres.isStereocenter(a) && centres.isStereocenter(b)) {
                        bondStereo++;
                    }
                }
            }
            int definedAtom = 0;
            int definedBond = 0;
            for (IStereoElement<?, ?> element : m.stereoElements()) {
                if (element instanceof ITetrahedralChirality) {
                    definedAtom++;
                } else if (element instanceof IDoubleBondStereochemistry) {
                    definedBond++;
                }
            }
            atomStereo = Math.max(atomStereo, definedAtom);
            bondStereo = Math.max(bondStereo, definedBond);

            IAtomContainerSet parts = ConnectivityChecker.partitionIntoMolecules(m);
            double largest = 0;
            int largestHeavy = -1;
            for (IAtomContainer part : parts.atomContainers()) {
                int partHeavy = 0;
                for (IAtom atom : part.atoms()) {
                    if (!"H".equals(atom.getSymbol())) {
                        partHeavy++;
                    }
                }
                if (partHeavy > largestHeavy) {
                    largestHeavy = partHeavy;
                    largest = AtomContainerManipulator.getMass(part, AtomContainerManipulator.MolWeight);
                }
            }

            int rings = new RingSearch(m).numRings();
            int aromaticRings = countAromaticRings(m);
            // PubChem's complexity is Bertz/Hendrickson's; this is a cheap, monotone stand-in.
            int complexity = heavy <= 1 ? 0
                    : (int) Math.round(1.5 * m.getBondCount() + 6 * branches + 10 * rings + 4 * hetero
                            + 3 * multiple + 8 * atomStereo + 4 * bondStereo);

            return new Compound.Structure(absolute.create(m), connectivity.create(m), inchi.getInchi(),
                    inchi.getInchiKey(), formula, mw, exact, round(logp, 1), round(psa, 1), hbd, hba, rotb, heavy,
                    charge, complexity, isotopes, atomStereo, definedAtom, bondStereo, definedBond,
                    parts.getAtomContainerCount(), aromaticRings, lipinskiAcceptors, lipinskiDonors, largest);
        } catch (CDKException | RuntimeException e) {
            return null;
        }
    }

    private static int countAromaticRings(IAtomContainer m) {
        int count = 0;
        for (int[] cycle : Cycles.sssr(m).paths()) {
            boolean aromatic = true;
            for (int i = 0; i < cycle.length - 1; i++) {
                if (!m.getAtom(cycle[i]).isAromatic()) {
                    aromatic = false;
                    break;
                }
            }
            if (aromatic) {
                count++;
            }
        }
        return count;
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
