package org.cryoprotect.molecule.chem;

import java.util.BitSet;

import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;

/**
 * The substructure screen: every simple path of 1 to {@value #MAX_PATH_ATOMS} atoms, labelled by element +
 * aromaticity of its atoms and order/aromaticity of its bonds, hashed (FNV-1a 64 over the smaller of the
 * label and its reverse) into {@link Fingerprint#SIZE} bits. A SMILES query atom only matches a target atom
 * with the same label and a query bond a bond with the same label, so each query path maps onto a target
 * path with the same label: query bits ⊆ target bits whenever the query matches.
 */
final class PathScreen {

    static final int MAX_PATH_ATOMS = 6;
    /** Paths beyond this are not enumerated: a target then sets every bit, a query keeps the bits it has. */
    static final int MAX_PATHS = 200_000;

    private static final int AROMATIC_BOND = 5;

    private final int[] atomLabel;
    private final int[][] neighbours;
    private final int[][] bondLabel;
    private final BitSet bits = new BitSet(Fingerprint.SIZE);
    private final int[] path = new int[MAX_PATH_ATOMS];
    private final boolean[] onPath;
    private final int[] label = new int[2 * MAX_PATH_ATOMS - 1];
    private int paths;

    private PathScreen(IAtomContainer molecule) {
        int n = molecule.getAtomCount();
        atomLabel = new int[n];
        onPath = new boolean[n];
        int[] degree = new int[n];
        for (IAtom atom : molecule.atoms()) {
            Integer element = atom.getAtomicNumber();
            atomLabel[atom.getIndex()] = 2 * (element == null ? 0 : element) + (atom.isAromatic() ? 1 : 0);
        }
        for (IBond bond : molecule.bonds()) {
            degree[bond.getBegin().getIndex()]++;
            degree[bond.getEnd().getIndex()]++;
        }
        neighbours = new int[n][];
        bondLabel = new int[n][];
        for (int i = 0; i < n; i++) {
            neighbours[i] = new int[degree[i]];
            bondLabel[i] = new int[degree[i]];
            degree[i] = 0;
        }
        for (IBond bond : molecule.bonds()) {
            int a = bond.getBegin().getIndex();
            int b = bond.getEnd().getIndex();
            int order = bond.getOrder() == null || bond.getOrder() == IBond.Order.UNSET ? 0 : bond.getOrder().numeric();
            int kind = bond.isAromatic() ? AROMATIC_BOND : order;
            neighbours[a][degree[a]] = b;
            bondLabel[a][degree[a]++] = kind;
            neighbours[b][degree[b]] = a;
            bondLabel[b][degree[b]++] = kind;
        }
    }

    /** The screen of a registered structure; too many paths → every bit, which passes every query. */
    static Fingerprint ofTarget(IAtomContainer molecule) {
        PathScreen screen = new PathScreen(molecule);
        if (!screen.enumerate()) {
            screen.bits.set(0, Fingerprint.SIZE);
        }
        return new Fingerprint(screen.bits, Fingerprint.SIZE);
    }

    /** The screen of a query; too many paths → the bits found so far, still a subset of a match's. */
    static Fingerprint ofQuery(IAtomContainer query) {
        PathScreen screen = new PathScreen(query);
        screen.enumerate();
        return new Fingerprint(screen.bits, Fingerprint.SIZE);
    }

    /** False when the path budget ran out. */
    private boolean enumerate() {
        for (int start = 0; start < atomLabel.length; start++) {
            path[0] = start;
            onPath[start] = true;
            boolean complete = extend(1);
            onPath[start] = false;
            if (!complete) {
                return false;
            }
        }
        return true;
    }

    private boolean extend(int length) {
        if (++paths > MAX_PATHS) {
            return false;
        }
        // each path is found from both ends: hash it once, from the end with the lower index
        if (length == 1 || path[0] < path[length - 1]) {
            hash(length);
        }
        if (length == MAX_PATH_ATOMS) {
            return true;
        }
        int last = path[length - 1];
        for (int k = 0; k < neighbours[last].length; k++) {
            int next = neighbours[last][k];
            if (!onPath[next]) {
                label[2 * length - 1] = bondLabel[last][k];
                path[length] = next;
                onPath[next] = true;
                boolean complete = extend(length + 1);
                onPath[next] = false;
                if (!complete) {
                    return false;
                }
            }
        }
        return true;
    }

    private void hash(int length) {
        int size = 2 * length - 1;
        for (int i = 0; i < length; i++) {
            label[2 * i] = atomLabel[path[i]];
        }
        boolean reverse = false;
        for (int i = 0, j = size - 1; i < j; i++, j--) {
            if (label[i] != label[j]) {
                reverse = label[j] < label[i];
                break;
            }
        }
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < size; i++) {
            h = (h ^ label[reverse ? size - 1 - i : i]) * 0x100000001b3L;
        }
        h ^= size;
        h *= 0x100000001b3L;
        bits.set((int) Long.remainderUnsigned(h ^ (h >>> 29), Fingerprint.SIZE));
    }
}
