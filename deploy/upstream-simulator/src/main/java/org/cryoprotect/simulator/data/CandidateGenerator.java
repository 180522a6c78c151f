package org.cryoprotect.simulator.data;

import java.util.Random;

/**
 * A deterministic stream of candidate SMILES shaped like the small, polar molecules cryobiology
 * screens: polyols and ethers, amides, ureas and sulfoxides, amino acids, sugar-like rings with
 * defined stereocentres and substituted ring scaffolds. Candidates may repeat or be invalid: the
 * caller canonicalises them with CDK and keeps the first valid occurrence of each structure.
 */
public final class CandidateGenerator {

    /** Monovalent substituents; their rings use closure digit 9 so they never clash with a scaffold's. */
    private static final String[] SUBSTITUENTS = {
        "O", "O", "O", "C", "CC", "N", "F", "Cl", "OC", "CO", "CCO", "C(=O)O", "C(N)=O", "OC(C)=O",
        "NC(C)=O", "C#N", "S(C)(=O)=O", "OCCO", "C(C)C", "C(F)(F)F", "CN", "OCC", "C(O)CO", "Br", "CCCC",
        "c9ccccc9", "C9CC9", "OP(=O)(O)O", "S", "C=C", "N(C)C", "NC(N)=O", "OS(C)=O", "CC(=O)O", "OCCOC",
        "C(O)=O", "NCCO", "CCN", "C(C)(C)O", "c9ccncc9",
    };

    private static final String[] SMALL = {"C", "CC", "CCC", "C(C)C", "CCO", "CO", "CCCC", "C(C)(C)C", "CC(C)O",
        "CCOC", "C9CCCCC9", "c9ccccc9", "CCN", "C(F)(F)F", "CC#N", "CCS(C)=O"};

    /** Ring scaffolds as atoms in ring order (aromatic atoms lower case). */
    private static final String[][] RINGS = {
        {"C", "C", "C", "C", "C", "C"}, {"O", "C", "C", "C", "C", "C"}, {"O", "C", "C", "O", "C", "C"},
        {"N", "C", "C", "C", "C", "C"}, {"O", "C", "C", "N", "C", "C"}, {"C", "C", "C", "C", "C"},
        {"O", "C", "C", "C", "C"}, {"N", "C", "C", "C", "C"}, {"c", "c", "c", "c", "c", "c"},
        {"n", "c", "c", "c", "c", "c"}, {"C", "C", "C", "C"}, {"C", "C", "C", "C", "C", "C", "C"},
        {"N", "C", "C", "N", "C", "C"}, {"O", "C", "C", "C"}, {"S", "C", "C", "C", "C"},
        {"n", "c", "c", "n", "c", "c"}, {"o", "c", "c", "c", "c"},
    };

    private final Random random;

    public CandidateGenerator(long seed) {
        this.random = new Random(seed);
    }

    public String next() {
        int family = random.nextInt(100);
        if (family < 34) {
            return chain();
        } else if (family < 60) {
            return ring();
        } else if (family < 76) {
            return sugar();
        } else if (family < 86) {
            return alditol();
        } else {
            return functional();
        }
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Acyclic chains: alcohols, diols, ethers, amines, sulfoxides, ketones, acids. */
    private String chain() {
        int length = 2 + random.nextInt(8);
        StringBuilder s = new StringBuilder();
        boolean previousHetero = true; // no heteroatom first: the chain starts on carbon
        for (int i = 0; i < length; i++) {
            boolean interior = i > 0 && i < length - 1;
            if (interior && !previousHetero && random.nextInt(100) < 22) {
                int kind = random.nextInt(10);
                s.append(kind < 6 ? "O" : kind < 9 ? "N" : "S(=O)");
                previousHetero = true;
                continue;
            }
            previousHetero = false;
            s.append('C');
            int roll = random.nextInt(100);
            if (roll < 12) {
                s.append("(=O)");
            } else if (roll < 55) {
                s.append('(').append(pick(SUBSTITUENTS)).append(')');
                if (!interior && random.nextInt(100) < 20) {
                    s.append('(').append(pick(SUBSTITUENTS)).append(')');
                }
            }
        }
        return s.toString();
    }

    /** Saturated and aromatic rings with one to four substituents. */
    private String ring() {
        String[] ring = RINGS[random.nextInt(RINGS.length)];
        StringBuilder s = new StringBuilder();
        int substituted = 0;
        for (int i = 0; i < ring.length; i++) {
            String atom = ring[i];
            s.append(atom);
            if (i == 0) {
                s.append('1');
            }
            boolean carbon = "C".equals(atom) || "c".equals(atom);
            boolean nitrogen = "N".equals(atom);
            if ((carbon || nitrogen) && substituted < 4 && random.nextInt(100) < (i == 0 ? 70 : 38)) {
                s.append('(').append(nitrogen ? pick(SMALL) : pick(SUBSTITUENTS)).append(')');
                substituted++;
            }
            if (i == ring.length - 1) {
                s.append('1');
            }
        }
        return s.toString();
    }

    private String stereoCarbon() {
        return random.nextBoolean() ? "[C@H]" : "[C@@H]";
    }

    /** Pyranoses and furanoses with defined stereocentres and modified hydroxyls. */
    private String sugar() {
        String[] hydroxylLike = {"O", "O", "O", "O", "OC", "N", "NC(C)=O", "F", "OC(C)=O", "OS(=O)(=O)O", "OCC", "OCCO"};
        int carbons = random.nextInt(3) == 0 ? 4 : 5;
        StringBuilder s = new StringBuilder("O1");
        for (int i = 0; i < carbons; i++) {
            boolean last = i == carbons - 1;
            if (!last && random.nextInt(100) < 8) {
                s.append("C"); // deoxy position
                continue;
            }
            s.append(stereoCarbon());
            if (last) {
                s.append('1');
                s.append(random.nextInt(100) < 70 ? "C" + pick(hydroxylLike) : pick(new String[] {"C", "CC", "C(=O)O"}));
            } else {
                s.append('(').append(pick(hydroxylLike)).append(')');
            }
        }
        return s.toString();
    }

    /** Open-chain polyols (alditols and their ethers) with defined stereocentres. */
    private String alditol() {
        int centres = 2 + random.nextInt(5);
        String[] ends = {"O", "OC", "N", "OCCO", "OC(C)=O", "F", "C(=O)O"};
        StringBuilder s = new StringBuilder(pick(ends)).append('C');
        for (int i = 0; i < centres; i++) {
            s.append(stereoCarbon()).append('(').append(random.nextInt(100) < 80 ? "O" : pick(ends)).append(')');
        }
        return s.append('C').append(pick(ends)).toString();
    }

    /** Amides, ureas, carbamates, esters, sulfoxides and amino acids. */
    private String functional() {
        String a = pick(SMALL);
        String b = pick(SMALL);
        return switch (random.nextInt(9)) {
            case 0 -> a + "C(=O)N" + (random.nextBoolean() ? "" : "(" + b + ")");
            case 1 -> a + "NC(=O)N" + b;
            case 2 -> a + "OC(=O)N" + (random.nextBoolean() ? "" : b);
            case 3 -> a + "C(=O)O" + b;
            case 4 -> a + "S(=O)" + b;
            case 5 -> "N" + stereoCarbon() + "(" + a + ")C(=O)O";
            case 6 -> "NC(" + a + ")(" + b + ")C(=O)O";
            case 7 -> a + "S(=O)(=O)" + b;
            default -> "C[N+](C)(C)C" + (random.nextBoolean() ? "C(=O)[O-]" : "CC(=O)[O-]");
        };
    }
}
