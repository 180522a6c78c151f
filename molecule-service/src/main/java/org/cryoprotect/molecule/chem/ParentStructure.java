package org.cryoprotect.molecule.chem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.graph.ConnectivityChecker;
import org.openscience.cdk.graph.GraphUtil;
import org.openscience.cdk.graph.invariant.Canon;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IAtomContainerSet;
import org.openscience.cdk.interfaces.IElement;
import org.openscience.cdk.smiles.SmiFlavor;
import org.openscience.cdk.smiles.SmilesGenerator;

/**
 * The parent of a registered structure: its largest organic fragment (by heavy atoms; without carbon, the
 * largest fragment), neutralized — +1 atoms with a hydrogen give it up, -1 O/S/N take one, except that as many
 * anions stay as there are cations that cannot be neutralized (quaternary N, nitro N), so zwitterions stay.
 * Stereo is kept: the fragment keeps its atoms' stereo elements.
 */
final class ParentStructure {

    private ParentStructure() {
    }

    /**
     * The parent, or {@code molecule} itself when it is already its own parent. A changed parent is a copy
     * whose atom types and aromaticity the caller must perceive again.
     */
    static IAtomContainer of(IAtomContainer molecule) throws CloneNotSupportedException {
        IAtomContainer fragment = molecule;
        if (!ConnectivityChecker.isConnected(molecule)) {
            fragment = largest(ConnectivityChecker.partitionIntoMolecules(molecule));
        }
        if (!needsNeutralizing(fragment)) {
            return fragment;
        }
        IAtomContainer parent = fragment.clone();
        neutralize(parent);
        return parent;
    }

    static boolean hasCarbon(IAtomContainer molecule) {
        for (IAtom atom : molecule.atoms()) {
            if (atom.getAtomicNumber() != null && atom.getAtomicNumber() == IElement.C) {
                return true;
            }
        }
        return false;
    }

    private static IAtomContainer largest(IAtomContainerSet fragments) {
        List<IAtomContainer> candidates = new ArrayList<>();
        for (IAtomContainer fragment : fragments.atomContainers()) {
            candidates.add(fragment);
        }
        boolean anyOrganic = candidates.stream().anyMatch(ParentStructure::hasCarbon);
        Comparator<IAtomContainer> size = Comparator.comparingInt(ParentStructure::heavyAtoms);
        IAtomContainer best = null;
        long bestRank = 0;
        for (IAtomContainer fragment : candidates) {
            if (anyOrganic && !hasCarbon(fragment)) {
                continue;
            }
            if (best == null || size.compare(fragment, best) > 0) {
                best = fragment;
            } else if (size.compare(fragment, best) == 0 && tieBreak(fragment).compareTo(tieBreak(best)) < 0) {
                // equal sizes: choose by a canonical invariant, not by the order the SMILES was written in
                best = fragment;
            }
        }
        return best;
    }

    /** Canonical SMILES: a choice between equal-sized fragments that does not depend on how the input was written. */
    private static String tieBreak(IAtomContainer fragment) {
        try {
            return new SmilesGenerator(SmiFlavor.Canonical).create(fragment);
        } catch (CDKException e) {
            return "";
        }
    }

    private static int heavyAtoms(IAtomContainer fragment) {
        int heavy = 0;
        for (IAtom atom : fragment.atoms()) {
            if (atom.getAtomicNumber() == null || atom.getAtomicNumber() > 1) {
                heavy++;
            }
        }
        return heavy;
    }

    private static boolean needsNeutralizing(IAtomContainer fragment) {
        int cations = 0;
        int anions = 0;
        for (IAtom atom : fragment.atoms()) {
            int charge = charge(atom);
            if (charge == 1 && hydrogens(fragment, atom) > 0) {
                return true;
            }
            cations += Math.max(charge, 0);
            anions += isNeutralizableAnion(atom) ? 1 : 0;
        }
        return anions > cations;
    }

    private static void neutralize(IAtomContainer parent) {
        int remainingCations = 0;
        List<IAtom> protonated = new ArrayList<>();
        List<IAtom> anions = new ArrayList<>();
        for (IAtom atom : parent.atoms()) {
            int charge = charge(atom);
            if (charge == 1 && hydrogens(parent, atom) > 0) {
                protonated.add(atom);
            } else if (charge > 0) {
                remainingCations += charge;
            } else if (isNeutralizableAnion(atom)) {
                anions.add(atom);
            }
        }
        int protonate = anions.size() - remainingCations;
        if (protonate > 0) {
            // which anions stay must not depend on atom order: take them in canonical order
            long[] rank = Canon.label(parent, GraphUtil.toAdjList(parent));
            anions.sort(Comparator.comparingLong(atom -> rank[parent.indexOf(atom)]));
            for (IAtom anion : anions.subList(0, protonate)) {
                anion.setFormalCharge(0);
                anion.setImplicitHydrogenCount(anion.getImplicitHydrogenCount() + 1);
            }
        }
        for (IAtom atom : protonated) {
            loseHydrogen(parent, atom);
            atom.setFormalCharge(0);
        }
    }

    private static void loseHydrogen(IAtomContainer parent, IAtom atom) {
        Integer implicit = atom.getImplicitHydrogenCount();
        if (implicit != null && implicit > 0) {
            atom.setImplicitHydrogenCount(implicit - 1);
            return;
        }
        for (IAtom neighbour : parent.getConnectedAtomsList(atom)) {
            if (neighbour.getAtomicNumber() != null && neighbour.getAtomicNumber() == IElement.H) {
                parent.removeAtom(neighbour);
                return;
            }
        }
    }

    private static boolean isNeutralizableAnion(IAtom atom) {
        if (charge(atom) != -1 || atom.getAtomicNumber() == null) {
            return false;
        }
        int element = atom.getAtomicNumber();
        return element == IElement.O || element == IElement.S || element == IElement.N;
    }

    private static int hydrogens(IAtomContainer container, IAtom atom) {
        int count = atom.getImplicitHydrogenCount() == null ? 0 : atom.getImplicitHydrogenCount();
        for (IAtom neighbour : container.getConnectedAtomsList(atom)) {
            if (neighbour.getAtomicNumber() != null && neighbour.getAtomicNumber() == IElement.H) {
                count++;
            }
        }
        return count;
    }

    private static int charge(IAtom atom) {
        return atom.getFormalCharge() == null ? 0 : atom.getFormalCharge();
    }
}
