package org.cryoprotect.importer.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.cryoprotect.importer.ImportConfig;
import org.cryoprotect.importer.client.BatchRecord;
import org.cryoprotect.importer.client.BatchResult;
import org.cryoprotect.importer.client.MoleculeServiceClient;
import org.cryoprotect.importer.metrics.ImportMetrics;
import org.cryoprotect.importer.model.Include;
import org.cryoprotect.importer.model.MeasurementCounts;
import org.cryoprotect.importer.model.Source;
import org.cryoprotect.importer.remote.RemoteRefusedException;
import org.cryoprotect.importer.repository.ChunkRepository;
import org.cryoprotect.importer.repository.ChunkRepository.Chunk;
import org.cryoprotect.importer.repository.ChunkRepository.Done;
import org.cryoprotect.importer.repository.ChunkRepository.Failed;
import org.cryoprotect.importer.repository.ChunkRepository.Item;
import org.cryoprotect.importer.upstream.RecordSource;
import org.cryoprotect.importer.upstream.RecordSource.UnusableRecordException;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.json.JsonObject;

/**
 * One chunk from claim to settlement: the molecules (cached records first, the rest from the
 * upstream, then one batch upsert at molecule-service), then, when the job includes it, the
 * toxicity of the ids written. The chunk's ids are marked done only after molecule-service
 * acknowledged everything included, so a crash at any point leaves them pending for another attempt.
 */
@ApplicationScoped
public class ChunkProcessor {

    private static final Logger LOG = Logger.getLogger(ChunkProcessor.class);

    private final Map<Source, RecordSource> sources = new HashMap<>();
    private final UpstreamCache cache;
    private final ChunkRepository chunks;
    private final MoleculeServiceClient molecules;
    private final ToxicityImport toxicity;
    private final ImportMetrics metrics;
    private final ImportConfig config;

    public ChunkProcessor(Instance<RecordSource> sources, UpstreamCache cache, ChunkRepository chunks,
            MoleculeServiceClient molecules, ToxicityImport toxicity, ImportMetrics metrics, ImportConfig config) {
        sources.forEach(source -> this.sources.put(source.source(), source));
        this.cache = cache;
        this.chunks = chunks;
        this.molecules = molecules;
        this.toxicity = toxicity;
        this.metrics = metrics;
        this.config = config;
    }

    public Uni<Void> process(Chunk chunk) {
        long start = System.nanoTime();
        Cancellable heartbeat = keepLease(chunk);
        Uni<ChunkOutcome> outcome = chunk.include().contains(Include.PROPERTIES) ? molecules(chunk)
                : Uni.createFrom().item(() -> new ChunkOutcome(chunk.items().stream()
                        .map(item -> new Done(item.seq(), null, null, MeasurementCounts.NONE)).toList(), List.of()));
        if (chunk.include().contains(Include.TOXICITY)) {
            outcome = outcome.chain(sofar -> toxicity.apply(chunk, sofar));
        }
        return outcome
                .chain(settled -> settle(chunk, settled))
                .onFailure().recoverWithUni(failure -> giveBack(chunk, failure))
                .eventually(heartbeat::cancel)
                .invoke(() -> LOG.debugf("chunk %d: %d ids in %d ms", chunk.id(), chunk.items().size(),
                        (System.nanoTime() - start) / 1_000_000));
    }

    /** Renews the chunk's lease every third of it while the chunk is being worked on. */
    private Cancellable keepLease(Chunk chunk) {
        return Multi.createFrom().ticks().every(config.lease().dividedBy(3))
                .onItem().transformToUniAndConcatenate(tick -> chunks.renew(chunk, config.lease())
                        .onFailure().recoverWithNull())
                .subscribe().with(ignored -> {
                });
    }

    /** The chunk's molecules, written through molecule-service's batch upsert. */
    private Uni<ChunkOutcome> molecules(Chunk chunk) {
        RecordSource source = sources.get(chunk.source());
        List<String> ids = chunk.items().stream().map(Item::sourceId).toList();
        return cache.records(source.source().id(), ids, source::fetch).chain(records -> {
            List<Failed> failed = new ArrayList<>();
            List<Item> sent = new ArrayList<>();
            List<BatchRecord> batch = new ArrayList<>();
            for (Item item : chunk.items()) {
                JsonObject raw = records.get(item.sourceId());
                if (raw == null) {
                    failed.add(new Failed(item.seq(), source.notFoundReason(), false));
                    continue;
                }
                try {
                    batch.add(source.toRecord(item.sourceId(), raw));
                    sent.add(item);
                } catch (UnusableRecordException e) {
                    failed.add(new Failed(item.seq(), e.getMessage(), false));
                }
            }
            Uni<List<BatchResult>> results = batch.isEmpty() ? Uni.createFrom().item(List.of()) : molecules.upsert(batch);
            return results.map(answers -> {
                List<Done> done = new ArrayList<>();
                for (int i = 0; i < answers.size(); i++) {
                    BatchResult answer = answers.get(i);
                    int seq = sent.get(i).seq();
                    if (answer.rejected()) {
                        failed.add(new Failed(seq, "rejected by molecule-service: " + answer.error(), false));
                    } else {
                        done.add(new Done(seq, answer.id(), answer.status(), MeasurementCounts.NONE));
                    }
                }
                return new ChunkOutcome(done, failed);
            });
        });
    }

    private Uni<Void> settle(Chunk chunk, ChunkOutcome outcome) {
        return chunks.settle(chunk, outcome.done(), outcome.failed()).invoke(settled -> {
            String name = chunk.source().id();
            metrics.records(name, "created", settled.created());
            metrics.records(name, "updated", settled.updated());
            metrics.records(name, "unchanged", settled.unchanged());
            metrics.records(name, "failed", settled.failed());
        }).replaceWithVoid();
    }

    /** Refused requests fail the chunk's ids for good; anything passing gives them back for later. */
    private Uni<Void> giveBack(Chunk chunk, Throwable failure) {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        String upstream = chunk.source().id();
        if (failure instanceof RemoteRefusedException) {
            LOG.warnf("chunk %d of job %s refused: %s", chunk.id(), chunk.jobId(), reason);
            List<Failed> failed = chunk.items().stream().map(item -> new Failed(item.seq(), reason, false)).toList();
            return chunks.settle(chunk, List.of(), failed)
                    .invoke(settled -> metrics.records(upstream, "failed", settled.failed())).replaceWithVoid();
        }
        LOG.warnf("chunk %d of job %s (%d ids) will be tried again: %s", chunk.id(), chunk.jobId(), chunk.items().size(),
                reason);
        return chunks.release(chunk, reason, config.maxAttempts(), config.retryBackoff())
                .invoke(gaveUp -> metrics.records(upstream, "failed", gaveUp))
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.errorf(e, "cannot release chunk %d; its lease will", chunk.id()))
                .onFailure().recoverWithNull();
    }
}
