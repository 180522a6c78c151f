package org.cryoprotect.molecule.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import org.cryoprotect.molecule.chem.ComputedStructure;
import org.cryoprotect.molecule.chem.StructureCalculator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Writes the batch upsert benchmark's records (deploy/bench/run-batch-bench.sh): N PubChem-like
 * records of distinct structures from {@link BenchStructures}, one JSON object a line, each with its
 * own InChIKey, formula and the seven core properties as the service's {@link StructureCalculator}
 * computes them, so the service takes the "properties supplied" path and accepts every record.
 *
 * <pre>
 *   java -cp ... org.cryoprotect.molecule.bench.BatchBenchRecords N OUT_JSONL
 * </pre>
 *
 * The same N gives the same file. Candidates without all seven (no carbon: no XLogP) are skipped.
 */
public final class BatchBenchRecords {

    private static final List<String> CORE = List.of("molecular_weight", "exact_mass", "xlogp", "tpsa", "hbd", "hba",
            "rotatable_bonds");
    private static final int BLOCK = 2048;

    private BatchBenchRecords() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BatchBenchRecords N OUT_JSONL");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        StructureCalculator calculator = new StructureCalculator();
        Set<String> keys = new HashSet<>();
        int written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            for (long from = 0; written < n; from += BLOCK) {
                List<JsonObject> block = LongStream.range(from, from + BLOCK).parallel()
                        .mapToObj(k -> record(calculator, BenchStructures.candidate(k).smiles())).toList();
                for (JsonObject record : block) {
                    if (record != null && written < n && keys.add(record.getString("inchikey"))) {
                        int cid = 90_000_001 + written++;
                        record.put("source", "pubchem").put("source_id", Integer.toString(cid))
                                .put("name", "bench import " + cid).put("synonyms", new JsonArray().add("CID " + cid));
                        out.write(record.encode());
                        out.newLine();
                    }
                }
            }
        }
    }

    private static JsonObject record(StructureCalculator calculator, String smiles) {
        try {
            ComputedStructure s = calculator.compute(smiles);
            if (!s.properties().keySet().containsAll(CORE)) {
                return null;
            }
            JsonObject properties = new JsonObject();
            CORE.forEach(name -> properties.put(name, s.properties().get(name)));
            return new JsonObject().put("smiles", smiles).put("inchikey", s.inchikey()).put("formula", s.formula())
                    .put("properties", properties);
        } catch (Exception e) {
            return null;
        }
    }
}
