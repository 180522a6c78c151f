package org.cryoprotect.molecule.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.cryoprotect.molecule.chem.ComputedStructure;
import org.cryoprotect.molecule.chem.Fingerprint;
import org.cryoprotect.molecule.chem.PropertyUnits;
import org.cryoprotect.molecule.chem.StructureCalculator;
import org.cryoprotect.molecule.chem.SubstructureQuery;

/**
 * Writes the structure benchmark's registry (deploy/bench/run-structure-bench.sh) as PostgreSQL COPY
 * files: N distinct molecules (distinct InChIKeys) from {@link BenchStructures}, every column the service
 * computes on create (canonical SMILES, InChI, InChIKey, formula, parent key, both fingerprints and the
 * seven descriptors with what they describe), all by the service's own {@link StructureCalculator}. It
 * also answers the benchmark's queries once over the whole registry, by brute force: for each
 * substructure query how many rows pass its screen and how many truly contain it (one bit per query in
 * each row's match mask, so SQL can count them for any caller's visible rows), for the similarity query
 * how many rows lie in its popcount range and how many reach the threshold.
 *
 * <pre>
 *   java -cp ... org.cryoprotect.molecule.bench.StructureRegistryGenerator N OUT_DIR QUERIES_TSV [THREADS]
 * </pre>
 *
 * QUERIES_TSV: label, kind (similarity:THRESHOLD | substructure), query text; tab separated, one a line.
 * Output: molecules.tsv (index, name, smiles, canonical_smiles, inchi, inchikey, formula, parent_inchikey,
 * similarity fingerprint as hex, its popcount, screen fingerprint as hex, category, match mask), properties.tsv
 * (rows of chem.molecule_properties: molecule_id, name, value, unit, source, describes), queries.tsv (label,
 * kind, text, fingerprint as hex, its popcount, bit in the match mask, rows screened, rows matched) and
 * generator.txt (counts, time). The same N and queries give the same files.
 */
public final class StructureRegistryGenerator {

    private static final int BLOCK = 4096;

    private record Query(String label, String kind, double threshold, String text) {
        boolean similarity() {
            return kind.equals("similarity");
        }
    }

    /** A candidate's computed structure, and per query: passed the screen / matched (or in range / hit). */
    private record Row(BenchStructures.Candidate candidate, ComputedStructure structure, boolean[] screened,
            boolean[] matched) {
    }

    private StructureRegistryGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: StructureRegistryGenerator N OUT_DIR QUERIES_TSV [THREADS]");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        List<Query> queries = readQueries(Path.of(args[2]));
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        Files.createDirectories(out);
        long start = System.nanoTime();

        StructureCalculator calculator = new StructureCalculator();
        // Queries are not thread safe: one set per worker thread.
        ThreadLocal<List<SubstructureQuery>> substructures = ThreadLocal.withInitial(() -> parseSubstructures(calculator, queries));
        List<Fingerprint> similarityFps = new ArrayList<>();
        for (Query q : queries) {
            similarityFps.add(q.similarity() ? calculator.similarityQuery(q.text()) : null);
        }
        List<SubstructureQuery> mainQueries = parseSubstructures(calculator, queries);

        long[] screened = new long[queries.size()];
        long[] matched = new long[queries.size()];
        Map<BenchStructures.Category, Integer> categories = new EnumMap<>(BenchStructures.Category.class);
        Set<String> seenSmiles = new HashSet<>();
        Set<String> seenKeys = new HashSet<>();
        long candidates = 0;
        long failed = 0;
        int accepted = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (BufferedWriter molecules = Files.newBufferedWriter(out.resolve("molecules.tsv"), StandardCharsets.UTF_8);
                BufferedWriter properties = Files.newBufferedWriter(out.resolve("properties.tsv"), StandardCharsets.UTF_8)) {
            while (accepted < n) {
                List<BenchStructures.Candidate> block = new ArrayList<>(BLOCK);
                for (int i = 0; i < BLOCK; i++) {
                    BenchStructures.Candidate c = BenchStructures.candidate(candidates++);
                    if (seenSmiles.add(c.smiles())) {
                        block.add(c);
                    }
                }
                List<Future<List<Row>>> parts = new ArrayList<>();
                int per = (block.size() + threads - 1) / threads;
                for (int from = 0; from < block.size(); from += per) {
                    List<BenchStructures.Candidate> slice = block.subList(from, Math.min(block.size(), from + per));
                    parts.add(pool.submit(() -> computeAll(calculator, slice, queries, similarityFps, substructures.get())));
                }
                for (Future<List<Row>> part : parts) {
                    for (Row row : part.get()) {
                        if (row == null) {
                            failed++;
                            continue;
                        }
                        if (accepted == n || !seenKeys.add(row.structure().inchikey())) {
                            continue;
                        }
                        accepted++;
                        categories.merge(row.candidate().category(), 1, Integer::sum);
                        int mask = 0;
                        for (int q = 0; q < queries.size(); q++) {
                            if (row.screened()[q]) {
                                screened[q]++;
                            }
                            if (row.matched()[q]) {
                                matched[q]++;
                                mask |= 1 << q;
                            }
                        }
                        writeRow(molecules, properties, accepted, row, mask);
                    }
                }
                System.err.printf("[generator] %,d / %,d molecules (%,d candidates) %.0f s%n", accepted, n, candidates,
                        (System.nanoTime() - start) / 1e9);
            }
        } finally {
            pool.shutdown();
        }

        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("queries.tsv"), StandardCharsets.UTF_8)) {
            for (int q = 0; q < queries.size(); q++) {
                Query query = queries.get(q);
                Fingerprint fp = query.similarity() ? similarityFps.get(q) : mainQueries.get(q).screen();
                w.write(String.join("\t", query.label(), query.similarity() ? "similarity:" + query.threshold() : query.kind(), query.text(), fp == null ? "\\N" : fp.hex(),
                        fp == null ? "\\N" : Integer.toString(fp.cardinality()), Integer.toString(q),
                        Long.toString(screened[q]), Long.toString(matched[q])));
                w.write('\n');
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> summary = new ArrayList<>();
        summary.add("molecules " + accepted);
        summary.add("generator_version " + BenchStructures.VERSION);
        summary.add("candidates " + candidates);
        summary.add("failed " + failed);
        summary.add("threads " + threads);
        summary.add(String.format("seconds %.1f", seconds));
        categories.forEach((c, count) -> summary.add("category_" + c.name().toLowerCase() + " " + count));
        Files.write(out.resolve("generator.txt"), summary, StandardCharsets.UTF_8);
        System.err.printf("[generator] %,d molecules in %.1f s (%,d candidates, %,d failed, %d threads)%n", accepted,
                seconds, candidates, failed, threads);
    }

    private static List<SubstructureQuery> parseSubstructures(StructureCalculator calculator, List<Query> queries) {
        List<SubstructureQuery> parsed = new ArrayList<>();
        for (Query q : queries) {
            try {
                parsed.add(q.similarity() ? null : calculator.substructureQuery(q.text()));
            } catch (Exception e) {
                throw new IllegalArgumentException("query " + q.label() + ": " + e.getMessage(), e);
            }
        }
        return parsed;
    }

    /** A row per candidate, null for one CDK refuses (counted, never written). */
    private static List<Row> computeAll(StructureCalculator calculator, List<BenchStructures.Candidate> slice,
            List<Query> queries, List<Fingerprint> similarityFps, List<SubstructureQuery> substructures) {
        List<Row> rows = new ArrayList<>(slice.size());
        for (BenchStructures.Candidate c : slice) {
            ComputedStructure s;
            try {
                s = calculator.compute(c.smiles());
            } catch (Exception e) {
                rows.add(null);
                continue;
            }
            boolean[] screened = new boolean[queries.size()];
            boolean[] matched = new boolean[queries.size()];
            for (int q = 0; q < queries.size(); q++) {
                Query query = queries.get(q);
                if (query.similarity()) {
                    Fingerprint fp = similarityFps.get(q);
                    int bits = s.identity().similarity().cardinality();
                    // BitBound: a Tanimoto >= t needs t*|q| <= |row| <= |q|/t
                    screened[q] = bits >= Math.ceil(query.threshold() * fp.cardinality() - 1e-9)
                            && bits <= Math.floor(fp.cardinality() / query.threshold() + 1e-9);
                    matched[q] = fp.tanimoto(s.identity().similarity()) >= query.threshold();
                } else {
                    SubstructureQuery sq = substructures.get(q);
                    screened[q] = sq.screen() == null || s.identity().screen().containsAll(sq.screen());
                    matched[q] = screened[q] && sq.matches(c.smiles());
                }
            }
            rows.add(new Row(c, s, screened, matched));
        }
        return rows;
    }

    private static void writeRow(BufferedWriter molecules, BufferedWriter properties, int index, Row row, int mask)
            throws IOException {
        ComputedStructure s = row.structure();
        String category = row.candidate().category().name().toLowerCase();
        molecules.write(String.join("\t", Integer.toString(index), name(index, category), copy(row.candidate().smiles()),
                copy(s.canonicalSmiles()), copy(s.inchi()), s.inchikey(), copy(s.formula()), s.parentInchikey(),
                s.identity().similarity().hex(), Integer.toString(s.identity().similarity().cardinality()),
                s.identity().screen().hex(), category, Integer.toString(mask)));
        molecules.write('\n');
        for (Map.Entry<String, Double> p : s.properties().entrySet()) {
            if (p.getValue() == null || p.getValue().isNaN() || p.getValue().isInfinite()) {
                continue;
            }
            String unit = PropertyUnits.of(p.getKey());
            properties.write(String.join("\t", moleculeId(index), p.getKey(), Double.toString(p.getValue()),
                    unit == null ? "\\N" : unit, "cdk", s.describes().getOrDefault(p.getKey(), ComputedStructure.MOLECULE)));
            properties.write('\n');
        }
    }

    /** The id seed-structure.sql gives molecule INDEX (pg_temp.uuid_of('e0000000', index)). */
    private static String moleculeId(int index) {
        return String.format("e0000000-0000-4000-8000-%012x", index);
    }

    /** A name that sorts the categories into each other (page order is by name), e.g. "KQZT-0001234 amide". */
    private static String name(int index, String category) {
        long h = index * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            s.append((char) ('A' + Math.floorMod(h, 26)));
            h /= 26;
        }
        return String.format("%s-%07d %s", s, index, category);
    }

    /** COPY text format: backslash (stereo bonds), tab and newline escaped. */
    private static String copy(String value) {
        if (value == null) {
            return "\\N";
        }
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static List<Query> readQueries(Path file) throws IOException {
        List<Query> queries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 3) {
                throw new IllegalArgumentException("queries: label, kind, text separated by tabs: " + line);
            }
            String[] kind = f[1].split(":");
            queries.add(new Query(f[0], kind[0], kind.length > 1 ? Double.parseDouble(kind[1]) : 0, f[2]));
        }
        if (queries.size() > 30) {
            throw new IllegalArgumentException("at most 30 queries (one bit each in the match mask)");
        }
        return queries;
    }
}
