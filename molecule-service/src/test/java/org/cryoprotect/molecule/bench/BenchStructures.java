package org.cryoprotect.molecule.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The structure benchmark's molecules (deploy/bench/run-structure-bench.sh): candidate number k always
 * gives the same SMILES, so the registry is the same in every run and every N is a prefix of a larger N.
 * A mix of what a cryoprotection registry holds (chains, PEG-like ethers, polyols and glycerol
 * derivatives, sugars, amides, small zwitterions, salts) and what a drug-like screening set holds
 * (substituted aromatics, heteroaromatics, saturated heterocycles). One scaffold, benzothiazole, is
 * rare on purpose (the "rare" query), and boron never occurs (the "no hit" query).
 */
final class BenchStructures {

    /** Bump when any list or rule below changes: the cached registries are keyed by it. */
    static final int VERSION = 1;

    private static final long SEED = 0x5eed_c0ffee_12L;

    enum Category { CHAIN, PEG, POLYOL, GLYCEROL, SUGAR, AMIDE, AROMATIC, HETEROCYCLE, SALT, SMALL, RARE }

    record Candidate(String smiles, Category category) {
    }

    // Substituents: SMILES starting with the atom bonded to the attachment point.
    private static final List<String> ALKYL = List.of("C", "CC", "CCC", "C(C)C", "CCCC", "CC(C)C", "C(C)(C)C",
            "CCCCC", "CCCCCC", "CCCCCCCC");
    private static final List<String> SMALL = List.of("C", "CC", "C(C)C", "O", "OC", "OCC", "N", "NC", "N(C)C",
            "C(=O)O", "C(=O)OC", "C(=O)N", "C(=O)NC", "C(=O)C", "NC(C)=O", "S(C)(=O)=O", "S(N)(=O)=O", "C#N",
            "[N+](=O)[O-]", "F", "Cl", "Br", "C(F)(F)F", "OC(F)(F)F", "CO", "CCO", "CN", "CCN", "CC(=O)O", "OCCO",
            "SC", "OC(C)=O", "C=C", "C#C");
    private static final List<String> LINKERS = List.of("", "", "C", "CC", "O", "OC", "N", "NC", "C(=O)N", "NC(=O)",
            "C(=O)", "S(=O)(=O)N", "NS(=O)(=O)", "C=C", "OCCO", "C(=O)O", "CN(C)C");
    // Rings used as substituents: the first atom is the attachment point, {} a free position, %a %b closures.
    private static final List<String> ARYL = List.of(
            "c%ac{}c{}c{}c{}c%a{}",                 // phenyl
            "c%ac{}c{}c{}c{}c%a{}",                 // phenyl again: the most common ring
            "c%ac{}c{}c%bc{}c{}c{}c{}c%bc%a{}");    // 2-naphthyl
    private static final List<String> HETEROARYL = List.of(
            "c%anc{}c{}c{}c%a{}",                   // 2-pyridyl
            "c%ac{}nc{}c{}c%a{}",                   // 3-pyridyl
            "c%ac{}c{}nc{}c%a{}",                   // 4-pyridyl
            "c%anc{}c{}c{}n%a",                     // 2-pyrimidinyl
            "c%ac{}nc{}c{}n%a",                     // pyrazinyl
            "c%ac{}c{}c{}s%a",                      // 2-thienyl
            "c%ac{}c{}c{}o%a",                      // 2-furyl
            "c%anc{}c{}s%a",                        // 2-thiazolyl
            "c%anc{}c{}o%a",                        // 2-oxazolyl
            "n%ac{}c{}nc%a{}",                      // 1-imidazolyl
            "n%ac{}c{}c{}n%a",                      // 1-pyrazolyl
            "c%ac{}[nH]c%bc{}c{}c{}c{}c%b%a",       // 3-indolyl
            "c%ac{}c{}c%bc{}c{}c{}c{}c%bn%a",       // 2-quinolyl
            "c%anc%bc{}c{}c{}c{}c%b[nH]%a",         // 2-benzimidazolyl
            "c%anc%bc{}c{}c{}c{}c%bo%a",            // 2-benzoxazolyl
            "c%ann[nH]n%a",                         // 5-tetrazolyl
            "c%anc{}c{}[nH]%a");                    // 2-imidazolyl
    private static final List<String> SATURATED = List.of(
            "C%aCC{}CC{}C%a",                       // cyclohexyl
            "C%aCCCC%a",                            // cyclopentyl
            "C%aCC%a",                              // cyclopropyl
            "N%aCCC{}CC%a",                         // piperidin-1-yl
            "N%aCCN{}CC%a",                         // piperazin-1-yl
            "N%aCCOCC%a",                           // morpholino
            "N%aCCC{}C%a",                          // pyrrolidin-1-yl
            "C%aCCN{}CC%a",                         // piperidin-4-yl
            "C%aCCCO%a",                            // tetrahydrofuran-2-yl
            "C%aCCOCC%a");                          // tetrahydropyran-4-yl
    private static final String BENZOTHIAZOLYL = "c%anc%bc{}c{}c{}c{}c%bs%a";
    private static final List<String> ANIONS = List.of("C(=O)[O-]", "C(=O)[O-]", "S(=O)(=O)[O-]");
    private static final List<String> CATIONS = List.of(".[Na+]", ".[Na+]", ".[K+]");
    private static final List<String> COUNTER_ANIONS = List.of(".Cl", ".[Cl-]", ".Br", ".OS(=O)(=O)C");
    private static final List<String> SMALL_POLAR = List.of(
            "CS(C)=O", "CS(=O)CC", "CCS(=O)CC", "NC=O", "CNC=O", "CN(C)C=O", "CC(N)=O", "CNC(C)=O", "NC(N)=O",
            "CNC(N)=O", "CNC(=O)NC", "NCC(=O)O", "CC(N)C(=O)O", "CC(C)C(N)C(=O)O", "OCC(N)C(=O)O", "CC(O)C(N)C(=O)O",
            "C[N+](C)(C)CC(=O)[O-]", "C[N+](C)(C)CCC(=O)[O-]", "CC1=NCCC(N1)C(=O)O", "OC1CC(NC1)C(=O)O",
            "C[N+](C)(C)CC(O)CC(=O)[O-]", "NCCS(=O)(=O)O", "CNCC(=O)O", "O=C1CCC(N1)C(=O)O", "OCCN", "OCCN(C)C",
            "C[N+]1(C)CCCC1C(=O)[O-]", "OC(=O)CC(O)(CC(=O)O)C(=O)O", "CC(O)C(=O)O", "OCC(=O)O");

    private BenchStructures() {
    }

    /** Candidate number k (0, 1, 2, ...): the same SMILES every time. */
    static Candidate candidate(long k) {
        SplittableRandom r = new SplittableRandom(SEED ^ (k * 0x9E3779B97F4A7C15L));
        Builder b = new Builder(r);
        int c = r.nextInt(10_000);
        if (c < 2) {
            return new Candidate(b.rare(), Category.RARE);
        }
        if (c < 1_200) {
            return new Candidate(b.chain(), Category.CHAIN);
        }
        if (c < 1_600) {
            return new Candidate(b.peg(), Category.PEG);
        }
        if (c < 1_900) {
            return new Candidate(b.polyol(), Category.POLYOL);
        }
        if (c < 2_300) {
            return new Candidate(b.glycerol(), Category.GLYCEROL);
        }
        if (c < 2_700) {
            return new Candidate(b.sugar(), Category.SUGAR);
        }
        if (c < 4_300) {
            return new Candidate(b.amide(), Category.AMIDE);
        }
        if (c < 6_600) {
            return new Candidate(b.aromatic(), Category.AROMATIC);
        }
        if (c < 9_100) {
            return new Candidate(b.heterocycle(), Category.HETEROCYCLE);
        }
        if (c < 9_400) {
            return new Candidate(b.salt(), Category.SALT);
        }
        return new Candidate(b.small(), Category.SMALL);
    }

    /** One molecule's SMILES under construction: a random source and fresh ring-closure numbers. */
    private static final class Builder {
        private final SplittableRandom r;
        private int closure = 10;

        Builder(SplittableRandom r) {
            this.r = r;
        }

        private String pick(List<String> list) {
            return list.get(r.nextInt(list.size()));
        }

        private boolean chance(double p) {
            return r.nextDouble() < p;
        }

        /** A ring template with fresh closure numbers; each free position gets a small group with probability p. */
        private String ring(String template, double p) {
            return ring(template, p, "", true);
        }

        /**
         * As {@link #ring(String, double)}, with TAIL (a substituent, or empty) as a branch on the attachment
         * atom: the ring starts the molecule. Rings attached through an aromatic N always get one then
         * (an unsubstituted "n" there would be pyridine-like and the ring could not be kekulized).
         */
        private String ring(String template, double p, String tail) {
            return ring(template, p, tail, false);
        }

        private String ring(String template, double p, String tail, boolean attached) {
            String a = "%" + closure++;
            String b = "%" + closure++;
            if (tail.isEmpty() && !attached && template.startsWith("n")) {
                tail = pick(ALKYL);
            }
            int first = template.indexOf("%a") + 2;
            String t = (template.substring(0, first) + (tail.isEmpty() ? "" : "(" + tail + ")") + template.substring(first))
                    .replace("%a", a).replace("%b", b);
            StringBuilder out = new StringBuilder();
            int at;
            while ((at = t.indexOf("{}")) >= 0) {
                out.append(t, 0, at);
                if (chance(p)) {
                    out.append('(').append(pick(SMALL)).append(')');
                }
                t = t.substring(at + 2);
            }
            return out.append(t).toString();
        }

        /** Any ring, as a substituent: aryl 45 %, heteroaryl 35 %, saturated 20 %. */
        private String anyRing(double p) {
            return ring(anyTemplate(), p);
        }

        /** Any ring starting the molecule, TAIL on its attachment atom. */
        private String ringOf(double p, String tail) {
            return ring(anyTemplate(), p, tail);
        }

        private String anyTemplate() {
            int c = r.nextInt(100);
            return c < 45 ? pick(ARYL) : c < 80 ? pick(HETEROARYL) : pick(SATURATED);
        }

        /** A carbon chain of n atoms with up to one group per carbon (branching, O, N, =O, halogen). */
        private String carbons(int n, double p) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                s.append('C');
                if (i > 0 && i < n - 1 && chance(p)) {
                    s.append(switch (r.nextInt(9)) {
                        case 0, 1 -> "(C)";
                        case 2, 3 -> "(O)";
                        case 4 -> "(=O)";
                        case 5 -> "(N)";
                        case 6 -> "(F)";
                        case 7 -> "(Cl)";
                        default -> "(CC)";
                    });
                }
            }
            return s.toString();
        }

        String chain() {
            String head = switch (r.nextInt(8)) {
                case 0 -> "O";
                case 1 -> "N";
                case 2 -> "OC(=O)";
                case 3 -> "CC(=O)O";
                case 4 -> "Cl";
                case 5 -> "N#";
                default -> "";
            };
            String tail = switch (r.nextInt(9)) {
                case 0, 1 -> "O";
                case 2 -> "C(=O)O";
                case 3 -> "C(=O)OC";
                case 4 -> "N";
                case 5 -> "OC";
                case 6 -> "SC";
                case 7 -> "Br";
                default -> "";
            };
            String c = carbons(2 + r.nextInt(15), 0.25);
            if (head.equals("N#")) {
                c = "C" + c;   // nitrile: the first carbon takes the triple bond
            }
            return head + c + tail;
        }

        String peg() {
            StringBuilder s = new StringBuilder(chance(0.5) ? "O" : pick(ALKYL) + "O");
            int units = 1 + r.nextInt(12);
            for (int i = 0; i < units; i++) {
                s.append(chance(0.8) ? "CCO" : "CC(C)O");
            }
            return s.append(chance(0.6) ? "" : chance(0.5) ? "C" : "C(=O)C").toString();
        }

        /** Open-chain polyols (glycerol to heptitols), stereo at random: many distinct stereoisomers. */
        String polyol() {
            int n = 3 + r.nextInt(5);
            StringBuilder s = new StringBuilder("OC");
            for (int i = 1; i < n - 1; i++) {
                s.append(n > 3 && chance(0.7) ? (chance(0.5) ? "[C@H]" : "[C@@H]") : "C").append("(O)");
            }
            s.append("C").append(chance(0.7) ? "O" : chance(0.5) ? "OC" : "O" + pick(ALKYL));
            return s.toString();
        }

        /** Glycerol backbone OCC(O)CO with one or two positions esterified or etherified. */
        String glycerol() {
            String start = chance(0.6) ? "OCC(" : chance(0.5) ? "CC(=O)OCC(" : pick(ALKYL) + "NCC(";
            String middle = chance(0.7) ? "O" : chance(0.5) ? "OC(C)=O" : "OC";
            String substituent = switch (r.nextInt(4)) {
                case 0 -> "C(=O)" + carbons(1 + r.nextInt(17), 0.05);   // monoacylglycerol
                case 1 -> carbons(1 + r.nextInt(12), 0.05);              // glycerol ether
                case 2 -> anyRing(0.3);                                  // aryl glycerol ether
                default -> "CC" + anyRing(0.2);
            };
            return start + middle + ")CO" + substituent;
        }

        /** Pyranoses and furanoses with O-substituents, glycosides and disaccharides. */
        String sugar() {
            String a = "%" + closure++;
            String o1 = chance(0.5) ? "O" : "O" + pick(List.of("C", "CC", "C(C)=O", "CCCCCCCC", "Cc1ccccc1", "c1ccccc1"));
            String o2 = chance(0.8) ? "O" : chance(0.5) ? "OC" : "OC(C)=O";
            String o3 = chance(0.8) ? "O" : chance(0.5) ? "OC" : "N";
            String o4 = chance(0.8) ? "O" : chance(0.5) ? "OC" : "NC(C)=O";
            String o6 = chance(0.8) ? "O" : chance(0.5) ? "OC" : "OS(=O)(=O)O";
            String s1 = stereo();
            String s2 = stereo();
            String s3 = stereo();
            String s4 = stereo();
            String s5 = stereo();
            if (chance(0.7)) {   // pyranose: C1(O1)-C2-C3-C4-C5(-C6)-O5
                String sugar = "OC" + s5 + a + "O" + s1 + "(" + o1 + ")" + s2 + "(" + o2 + ")" + s3 + "(" + o3 + ")" + s4 + a + o4;
                if (chance(0.25)) {   // disaccharide: another pyranose at O1 (trehalose- and maltose-like)
                    String b = "%" + closure++;
                    sugar = "OC" + s5 + a + "O" + s1 + "(O" + stereo() + b + "O" + stereo() + "(CO)" + stereo() + "(O)"
                            + stereo() + "(O)" + stereo() + b + "O)" + s2 + "(" + o2 + ")" + s3 + "(" + o3 + ")" + s4 + a + o4;
                }
                return o6.equals("O") ? sugar : o6 + sugar.substring(1);
            }
            // furanose: C1(O1)-C2-C3-C4(-C5)-O4
            return "OC" + s4 + a + "O" + s1 + "(" + o1 + ")" + s2 + "(" + o2 + ")" + s3 + a + o3;
        }

        private String stereo() {
            return switch (r.nextInt(3)) {
                case 0 -> "[C@H]";
                case 1 -> "[C@@H]";
                default -> "C";
            };
        }

        String amide() {
            String acyl = switch (r.nextInt(5)) {
                case 0 -> carbons(1 + r.nextInt(8), 0.2);
                case 1 -> anyRing(0.4);
                case 2 -> "C" + anyRing(0.3);
                case 3 -> "C(N)" + pick(ALKYL);
                default -> "O" + pick(ALKYL);                           // carbamate
            };
            String nitrogen = switch (r.nextInt(6)) {
                case 0 -> "N";
                case 1 -> "N" + pick(ALKYL);
                case 2 -> "N(C)" + pick(ALKYL);
                case 3 -> "N" + anyRing(0.4);
                case 4 -> "NC" + anyRing(0.3);
                default -> "NCC" + (chance(0.5) ? "O" : "N(C)C");
            };
            return "O=C(" + acyl + ")" + nitrogen;
        }

        String aromatic() {
            String tail = chance(0.3) ? "" : chance(0.6) ? pick(SMALL) : pick(LINKERS) + anyRing(0.3);
            return ring(pick(ARYL), 0.45, tail);
        }

        String heterocycle() {
            String tail = chance(0.2) ? pick(ALKYL) : chance(0.5) ? pick(SMALL) : pick(LINKERS) + anyRing(0.3);
            return ring(chance(0.7) ? pick(HETEROARYL) : pick(SATURATED), 0.35, tail);
        }

        String salt() {
            String amine = "CN" + (chance(0.5) ? "" : "(C)C");
            return switch (r.nextInt(4)) {
                case 0 -> (chance(0.5) ? carbons(1 + r.nextInt(10), 0.2) + pick(ANIONS) : ringOf(0.3, pick(ANIONS))) + pick(CATIONS);
                case 1 -> (chance(0.5) ? ringOf(0.4, amine) : carbons(2 + r.nextInt(8), 0.2) + amine) + pick(COUNTER_ANIONS);
                case 2 -> "C[N+](C)(C)" + carbons(1 + r.nextInt(8), 0.3) + (chance(0.5) ? "O" : "")
                        + (chance(0.5) ? ".[Cl-]" : ".[Br-]");
                default -> ringOf(0.4, "N" + pick(ALKYL)) + ".Cl";
            };
        }

        String small() {
            String s = pick(SMALL_POLAR);
            return chance(0.4) || s.startsWith("O=") ? s : pick(ALKYL) + s;
        }

        /** The rare scaffold: a 2-substituted benzothiazole. */
        String rare() {
            return ring(BENZOTHIAZOLYL, 0.3, chance(0.5) ? pick(SMALL) : pick(LINKERS) + anyRing(0.3));
        }
    }
}
