package org.cryoprotect.simulator.data;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.cryoprotect.simulator.SimulatorConfig;

/**
 * The data set both upstreams serve: the demo molecules plus a deterministic generated set, with
 * the lookups the endpoints need. The demo molecules are served from start; the generated set is
 * computed with CDK (or read from the cache) in the background and then swapped in as a whole.
 * Each index is read-only, so request threads share it without locks.
 */
@ApplicationScoped
public class DataStore {

    private static final Logger LOG = Logger.getLogger(DataStore.class);

    /** Bump when the generator or the calculator changes, so stale caches are not reused. */
    static final int GENERATOR_VERSION = 1;

    static final long GENERATED_CID_BASE = 100_000_000L;
    static final long DEMO_CID_BASE = 99_000_000L;
    static final int GENERATED_CHEMBL_BASE = 6_000_000;
    static final int DEMO_CHEMBL_BASE = 5_900_000;

    /** Retry-After of a lookup answered 503 because the generated set is not complete yet. */
    public static final int GROWING_RETRY_AFTER_SECONDS = 5;

    private final SimulatorConfig config;
    private final GenerationRunner generationRunner;
    private final ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private volatile Index index;
    private volatile Generation generation = Generation.RUNNING;

    /** Whether the generated compounds are still being computed (or read from the cache), are served, or failed. */
    public enum Generation {
        RUNNING, COMPLETE, FAILED
    }

    public DataStore(SimulatorConfig config, GenerationRunner generationRunner) {
        this.config = config;
        this.generationRunner = generationRunner;
    }

    /**
     * Serves the demo molecules at once and adds the generated compounds in the background, so the
     * simulator is ready in seconds even when the cache is cold (computing 50,000 takes minutes on a
     * busy machine). Called once at start.
     */
    public synchronized void load() {
        if (index != null) {
            return;
        }
        long started = System.nanoTime();
        List<Compound> demo = loadDemo();
        index = new Index(demo, 0);
        LOG.infof("Serving %d demo compounds after %d ms; generating %d more in the background", demo.size(),
                (System.nanoTime() - started) / 1_000_000, config.data().generatedCount());
        generationRunner.start(() -> addGenerated(demo));
    }

    private void addGenerated(List<Compound> demo) {
        long started = System.nanoTime();
        try {
            Set<String> demoKeys = new HashSet<>();
            demo.forEach(c -> demoKeys.add(c.inchiKey()));
            Set<Long> demoCids = new HashSet<>();
            demo.forEach(c -> demoCids.add(c.cid()));

            int wanted = config.data().generatedCount();
            List<Compound.Structure> structures = generatedStructures(wanted);
            List<Compound> all = new ArrayList<>(demo.size() + wanted);
            all.addAll(demo);
            int i = 0;
            for (Compound.Structure s : structures) {
                if (i >= wanted) {
                    break;
                }
                if (demoKeys.contains(s.inchiKey())) {
                    continue;
                }
                long mix = mix(config.data().seed() + i);
                long cid = GENERATED_CID_BASE + 13L * i + Math.floorMod(mix, 13);
                if (demoCids.contains(cid)) {
                    continue;
                }
                String chemblId = "CHEMBL" + (GENERATED_CHEMBL_BASE + 3L * i + Math.floorMod(mix >>> 8, 3));
                String title = String.format(Locale.ROOT, "CRYOSIM-%06d", i + 1);
                all.add(Compound.of(cid, chemblId, title, null, List.of(title, chemblId, "SIM" + cid), "generated", s));
                i++;
            }
            if (i < wanted) {
                LOG.warnf("Only %d of %d generated compounds are available", i, wanted);
            }
            index = new Index(all, i);
            generation = Generation.COMPLETE;
            LOG.infof("Upstream data set complete: %d compounds (%d demo, %d generated) in %d ms", all.size(),
                    demo.size(), i, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException | Error e) {
            generation = Generation.FAILED;
            LOG.error("Generating the compounds failed; serving the demo molecules only", e);
        }
    }

    private Index index() {
        Index current = index;
        if (current == null) {
            load();
            current = index;
        }
        return current;
    }

    public Generation generation() {
        return generation;
    }

    /**
     * True while generated compounds may still appear: a lookup that finds nothing now may find
     * something later, so it must not be answered "not found" yet.
     */
    public boolean growing() {
        return generation == Generation.RUNNING;
    }

    /** Generated compounds served now. */
    public int generatedCount() {
        return index().generated;
    }

    public Compound byCid(long cid) {
        return index().byCid.get(cid);
    }

    public Compound byChemblId(String chemblId) {
        return chemblId == null ? null : index().byChembl.get(chemblId.toUpperCase(Locale.ROOT));
    }

    /** CIDs whose title or a synonym equals the name, ignoring case (PubChem's {@code name_type=complete}). */
    public List<Long> cidsByName(String name) {
        return name == null ? List.of() : index().byName.getOrDefault(name.trim().toLowerCase(Locale.ROOT), List.of());
    }

    public List<Long> cidsByInchiKey(String key) {
        return key == null ? List.of() : index().byInchiKey.getOrDefault(key.trim().toUpperCase(Locale.ROOT), List.of());
    }

    public List<Long> cidsBySmiles(String smiles) {
        return smiles == null ? List.of() : index().bySmiles.getOrDefault(smiles.trim(), List.of());
    }

    public List<Compound> byChemblName(String name) {
        return name == null ? List.of() : index().byChemblName.getOrDefault(name.toUpperCase(Locale.ROOT), List.of());
    }

    /** The compound's place in ChEMBL's default order (its primary key), or -1. */
    public int position(Compound c) {
        Integer p = index().positions.get(c.chemblId());
        return p == null ? -1 : p;
    }

    /** All compounds in ChEMBL's default order (primary key). */
    public List<Compound> all() {
        return index().all;
    }

    public int size() {
        return index().all.size();
    }

    // ---------------------------------------------------------------------------------------------

    private List<Compound> loadDemo() {
        List<DemoMolecule> entries;
        try (InputStream in = demoStream()) {
            entries = mapper.readValue(in, new TypeReference<List<DemoMolecule>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo molecules", e);
        }
        CompoundCalculator calculator = new CompoundCalculator();
        Map<String, Compound> byKey = new java.util.LinkedHashMap<>();
        List<Compound> result = new ArrayList<>();
        Set<String> usedChembl = new HashSet<>();
        entries.stream().filter(e -> "chembl".equals(e.source)).forEach(e -> usedChembl.add(e.source_id));
        int demoIndex = 0;
        // PubChem entries first: they own the CIDs; a ChEMBL entry of the same structure joins them.
        for (DemoMolecule e : entries) {
            demoIndex++;
            if (!"pubchem".equals(e.source)) {
                continue;
            }
            Compound.Structure s = calculator.compute(e.smiles);
            if (s == null) {
                LOG.warnf("Demo molecule %s (%s) is not valid for CDK; skipped", e.source_id, e.smiles);
                continue;
            }
            long number = DEMO_CHEMBL_BASE + demoIndex;
            while (usedChembl.contains("CHEMBL" + number)) {
                number += 1000;
            }
            String chemblId = "CHEMBL" + number;
            usedChembl.add(chemblId);
            Compound c = Compound.of(Long.parseLong(e.source_id), chemblId, e.name, e.name.toUpperCase(Locale.ROOT),
                    names(e.name, e.synonyms), "demo", s);
            byKey.putIfAbsent(s.inchiKey(), c);
            result.add(c);
        }
        Set<Long> mergedCids = new HashSet<>();
        demoIndex = 0;
        for (DemoMolecule e : entries) {
            demoIndex++;
            if (!"chembl".equals(e.source)) {
                continue;
            }
            Compound.Structure s = calculator.compute(e.smiles);
            if (s == null) {
                LOG.warnf("Demo molecule %s (%s) is not valid for CDK; skipped", e.source_id, e.smiles);
                continue;
            }
            Compound twin = byKey.get(s.inchiKey());
            if (twin != null && mergedCids.add(twin.cid())) {
                List<String> names = new ArrayList<>(twin.synonyms());
                names.addAll(names(e.name, e.synonyms));
                names.add(e.source_id);
                Compound merged = Compound.of(twin.cid(), e.source_id, twin.title(), e.name.toUpperCase(Locale.ROOT),
                        dedupe(names), "demo", structureOf(twin));
                result.set(result.indexOf(twin), merged);
                byKey.put(s.inchiKey(), merged);
            } else {
                List<String> names = new ArrayList<>(names(e.name, e.synonyms));
                names.add(e.source_id);
                result.add(Compound.of(DEMO_CID_BASE + demoIndex, e.source_id, e.name, e.name.toUpperCase(Locale.ROOT),
                        dedupe(names), "demo", s));
            }
        }
        // A PubChem molecule without a ChEMBL twin keeps its placeholder id; list it among its synonyms too.
        result.replaceAll(c -> c.synonyms().contains(c.chemblId()) ? c
                : Compound.of(c.cid(), c.chemblId(), c.title(), c.chemblName(),
                        dedupe(concat(c.synonyms(), c.chemblId())), c.origin(), structureOf(c)));
        return result;
    }

    private InputStream demoStream() throws IOException {
        if (config.data().demoFile().isPresent()) {
            return Files.newInputStream(Path.of(config.data().demoFile().get()));
        }
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("demo/molecules.json");
        if (in == null) {
            throw new IOException("demo/molecules.json is not on the classpath");
        }
        return in;
    }

    private static Compound.Structure structureOf(Compound c) {
        return new Compound.Structure(c.smiles(), c.connectivitySmiles(), c.inchi(), c.inchiKey(), c.formula(),
                c.molecularWeight(), c.exactMass(), c.xlogp(), c.tpsa(), c.hbondDonors(), c.hbondAcceptors(),
                c.rotatableBonds(), c.heavyAtoms(), c.charge(), c.complexity(), c.isotopeAtoms(), c.atomStereo(),
                c.definedAtomStereo(), c.bondStereo(), c.definedBondStereo(), c.covalentUnits(), c.aromaticRings(),
                c.lipinskiAcceptors(), c.lipinskiDonors(), c.largestFragmentWeight());
    }

    private static List<String> names(String name, List<String> synonyms) {
        List<String> names = new ArrayList<>();
        names.add(name);
        if (synonyms != null) {
            names.addAll(synonyms);
        }
        return dedupe(names);
    }

    private static List<String> concat(List<String> list, String value) {
        List<String> copy = new ArrayList<>(list);
        copy.add(value);
        return copy;
    }

    private static List<String> dedupe(List<String> names) {
        Set<String> seen = new HashSet<>();
        List<String> result = new ArrayList<>();
        for (String n : names) {
            if (n != null && !n.isBlank() && seen.add(n.toLowerCase(Locale.ROOT))) {
                result.add(n);
            }
        }
        return result;
    }

    /** Generated structures (a few spare ones so demo duplicates can be skipped), from the cache or computed. */
    private List<Compound.Structure> generatedStructures(int wanted) {
        if (wanted <= 0) {
            return List.of();
        }
        int total = wanted + Math.max(50, wanted / 100);
        long seed = config.data().seed();
        Path cache = Path.of(config.data().cacheDir())
                .resolve("generated-v" + GENERATOR_VERSION + "-seed" + seed + "-n" + total + ".jsonl.gz");
        if (Files.isRegularFile(cache)) {
            try {
                List<Compound.Structure> cached = readCache(cache);
                if (cached.size() == total) {
                    LOG.infof("Read %d generated compounds from %s", cached.size(), cache);
                    return cached;
                }
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Ignoring unreadable cache %s: %s", cache, e.getMessage());
            }
        }
        LOG.infof("Computing %d generated compounds with CDK (cached afterwards in %s)", total, cache);
        List<Compound.Structure> computed = compute(seed, total, Math.max(1, config.data().generationThreads()));
        try {
            writeCache(cache, computed);
        } catch (IOException e) {
            LOG.warnf("Cannot write the cache %s: %s", cache, e.getMessage());
        }
        return computed;
    }

    static List<Compound.Structure> compute(long seed, int total, int threads) {
        CandidateGenerator generator = new CandidateGenerator(seed);
        ThreadLocal<CompoundCalculator> calculators = ThreadLocal.withInitial(CompoundCalculator::new);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "simulator-data");
            t.setDaemon(true);
            return t;
        });
        List<Compound.Structure> result = new ArrayList<>(total);
        Set<String> seen = new HashSet<>();
        long started = System.nanoTime();
        int candidates = 0;
        int nextLog = 10_000;
        try {
            while (result.size() < total) {
                if (candidates > 40L * total + 10_000) {
                    throw new IllegalStateException("The generator ran out of new structures at " + result.size());
                }
                int batch = Math.min(4096, Math.max(256, (total - result.size()) * 5 / 4));
                List<Future<Compound.Structure>> futures = new ArrayList<>(batch);
                for (int k = 0; k < batch; k++) {
                    String smiles = generator.next();
                    futures.add(pool.submit(() -> calculators.get().compute(smiles)));
                }
                candidates += batch;
                for (Future<Compound.Structure> f : futures) {
                    Compound.Structure s = f.get();
                    if (s != null && s.heavyAtoms() <= 60 && seen.add(s.inchiKey()) && result.size() < total) {
                        result.add(s);
                    }
                }
                if (result.size() >= nextLog) {
                    LOG.infof("  %d compounds from %d candidates in %d s", result.size(), candidates,
                            (System.nanoTime() - started) / 1_000_000_000);
                    nextLog += 10_000;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return result;
    }

    private List<Compound.Structure> readCache(Path cache) throws IOException {
        List<Compound.Structure> result = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(cache), 1 << 16), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    result.add(mapper.readValue(line, Compound.Structure.class));
                }
            }
        }
        return result;
    }

    private void writeCache(Path cache, List<Compound.Structure> structures) throws IOException {
        Files.createDirectories(cache.getParent());
        Path tmp = Files.createTempFile(cache.getParent(), "generated", ".tmp");
        try (BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16), StandardCharsets.UTF_8))) {
            for (Compound.Structure s : structures) {
                writer.write(mapper.writeValueAsString(s));
                writer.write('\n');
            }
        }
        Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** One entry of deploy/local/demo/molecules.json. */
    static final class DemoMolecule {
        public String source;
        public String source_id;
        public String name;
        public String smiles;
        public List<String> synonyms;
    }

    /** Read-only lookups over one data set. */
    private static final class Index {
        final List<Compound> all;
        final int generated;
        final Map<Long, Compound> byCid = new HashMap<>();
        final Map<String, Compound> byChembl = new HashMap<>();
        final Map<String, List<Long>> byName = new HashMap<>();
        final Map<String, List<Long>> byInchiKey = new HashMap<>();
        final Map<String, List<Long>> bySmiles = new HashMap<>();
        final Map<String, List<Compound>> byChemblName = new HashMap<>();
        final Map<String, Integer> positions = new HashMap<>();

        Index(List<Compound> compounds, int generated) {
            this.all = Collections.unmodifiableList(new ArrayList<>(compounds));
            this.generated = generated;
            for (Compound c : compounds) {
                positions.put(c.chemblId(), positions.size());
                if (byCid.putIfAbsent(c.cid(), c) != null) {
                    throw new IllegalStateException("Duplicate CID " + c.cid());
                }
                if (byChembl.putIfAbsent(c.chemblId(), c) != null) {
                    throw new IllegalStateException("Duplicate ChEMBL id " + c.chemblId());
                }
                Set<String> names = new LinkedHashSet<>();
                names.add(c.title().toLowerCase(Locale.ROOT));
                c.synonyms().forEach(s -> names.add(s.toLowerCase(Locale.ROOT)));
                names.forEach(n -> add(byName, n, c.cid()));
                add(byInchiKey, c.inchiKey(), c.cid());
                add(bySmiles, c.smiles(), c.cid());
                if (!c.connectivitySmiles().equals(c.smiles())) {
                    add(bySmiles, c.connectivitySmiles(), c.cid());
                }
                if (c.chemblName() != null) {
                    byChemblName.computeIfAbsent(c.chemblName(), k -> new ArrayList<>(1)).add(c);
                }
            }
        }

        private static void add(Map<String, List<Long>> map, String key, long cid) {
            List<Long> list = map.computeIfAbsent(key, k -> new ArrayList<>(1));
            if (!list.contains(cid)) {
                list.add(cid);
            }
        }
    }
}
