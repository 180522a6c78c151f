package org.cryoprotect.importer.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.cryoprotect.importer.ImportConfig;
import org.cryoprotect.importer.upstream.ChunkSizer;
import org.cryoprotect.importer.repository.ChunkRepository;
import org.cryoprotect.importer.repository.ChunkRepository.Chunk;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * The pipeline: a stream of chunks claimed from PostgreSQL, processed at most {@code workers} at a
 * time. A chunk is claimed only when a worker is free (back-pressure), so nothing is fetched that
 * cannot be written, and the concurrency stays below the database pool size.
 */
@ApplicationScoped
public class ImportWorkers {

    private static final Logger LOG = Logger.getLogger(ImportWorkers.class);

    private final ChunkRepository chunks;
    private final ChunkProcessor processor;
    private final ChunkSizer sizer;
    private final ImportConfig config;
    /** Which replica claimed a chunk (importer.chunks.replica): the pod name in Kubernetes. */
    private final String replica = System.getenv().getOrDefault("HOSTNAME", "local") + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private volatile Cancellable pipeline;

    public ImportWorkers(ChunkRepository chunks, ChunkProcessor processor, ChunkSizer sizer, ImportConfig config) {
        this.chunks = chunks;
        this.processor = processor;
        this.sizer = sizer;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        LOG.infof("import workers of replica %s: %d at a time", replica, config.workers());
        pipeline = Multi.createBy().repeating().uni(this::claim).indefinitely()
                .onItem().transformToUni(chunk -> chunk.map(processor::process).orElseGet(this::idle))
                .merge(config.workers())
                .subscribe().with(ignored -> {
                }, failure -> LOG.error("the import pipeline stopped", failure));
    }

    void stop(@Observes ShutdownEvent event) {
        if (pipeline != null) {
            pipeline.cancel();
        }
    }

    /** The next chunk of any running job, sized for its upstream; empty when there is nothing to do. */
    private Uni<Optional<Chunk>> claim() {
        return chunks.claim(replica, source -> sizer.current(source.id()), config.lease())
                .onFailure().invoke(e -> LOG.warnf("cannot claim work: %s", e.getMessage()))
                .onFailure().recoverWithItem(Optional.empty());
    }

    private Uni<Void> idle() {
        return Uni.createFrom().voidItem().onItem().delayIt().by(config.pollInterval());
    }
}
