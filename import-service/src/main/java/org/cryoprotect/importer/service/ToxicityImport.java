package org.cryoprotect.importer.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.cryoprotect.importer.client.BatchResult;
import org.cryoprotect.importer.client.MoleculeServiceClient;
import org.cryoprotect.importer.client.ToxicityMeasurement;
import org.cryoprotect.importer.model.MeasurementCounts;
import org.cryoprotect.importer.model.Source;
import org.cryoprotect.importer.repository.ChunkRepository.Chunk;
import org.cryoprotect.importer.repository.ChunkRepository.Done;
import org.cryoprotect.importer.repository.ChunkRepository.Failed;
import org.cryoprotect.importer.upstream.ToxicitySource;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * The toxicity step of a chunk: the measurements of the ids done so far, from the cache or the
 * upstream, written through molecule-service's toxicity batch. An id stays done only when every
 * one of its measurements was acknowledged; one molecule-service rejects (no such public molecule,
 * say) fails the id with that reason.
 */
@ApplicationScoped
public class ToxicityImport {

    private final Map<Source, ToxicitySource> sources = new HashMap<>();
    private final UpstreamCache cache;
    private final MoleculeServiceClient molecules;

    public ToxicityImport(Instance<ToxicitySource> sources, UpstreamCache cache, MoleculeServiceClient molecules) {
        sources.forEach(source -> this.sources.put(source.source(), source));
        this.cache = cache;
        this.molecules = molecules;
    }

    public Uni<ChunkOutcome> apply(Chunk chunk, ChunkOutcome sofar) {
        ToxicitySource source = sources.get(chunk.source());
        Map<Integer, String> ids = new HashMap<>();
        chunk.items().forEach(item -> ids.put(item.seq(), item.sourceId()));
        List<String> wanted = sofar.done().stream().map(done -> ids.get(done.seq())).toList();
        if (wanted.isEmpty()) {
            return Uni.createFrom().item(sofar);
        }
        return cache.records(source.cacheKey(), wanted, source::fetch).chain(records -> {
            List<ToxicityMeasurement> measurements = new ArrayList<>();
            List<Integer> owners = new ArrayList<>(); // per measurement: its id's place in sofar.done()
            for (int i = 0; i < wanted.size(); i++) {
                String id = wanted.get(i);
                for (ToxicityMeasurement measurement : source.measurements(id, records.getOrDefault(id, new JsonObject()))) {
                    measurements.add(measurement);
                    owners.add(i);
                }
            }
            Uni<List<BatchResult>> results = measurements.isEmpty() ? Uni.createFrom().item(List.of())
                    : molecules.writeToxicity(measurements);
            return results.map(answers -> settle(sofar, measurements, owners, answers));
        });
    }

    private static ChunkOutcome settle(ChunkOutcome sofar, List<ToxicityMeasurement> measurements, List<Integer> owners,
            List<BatchResult> answers) {
        int ids = sofar.done().size();
        MeasurementCounts[] counts = new MeasurementCounts[ids];
        String[] rejected = new String[ids];
        Arrays.fill(counts, MeasurementCounts.NONE);
        for (int m = 0; m < answers.size(); m++) {
            int owner = owners.get(m);
            BatchResult answer = answers.get(m);
            if (answer.rejected()) {
                rejected[owner] = rejected[owner] != null ? rejected[owner] : answer.error();
            } else {
                counts[owner] = counts[owner].plus(answer.status(), measurements.get(m).unparsed());
            }
        }
        List<Done> done = new ArrayList<>();
        List<Failed> failed = new ArrayList<>(sofar.failed());
        for (int i = 0; i < ids; i++) {
            Done before = sofar.done().get(i);
            if (rejected[i] != null) {
                failed.add(new Failed(before.seq(), "rejected by molecule-service: " + rejected[i], false));
            } else {
                done.add(new Done(before.seq(), before.moleculeId(),
                        before.outcome() != null ? before.outcome() : counts[i].outcome(), counts[i]));
            }
        }
        return new ChunkOutcome(done, failed);
    }
}
