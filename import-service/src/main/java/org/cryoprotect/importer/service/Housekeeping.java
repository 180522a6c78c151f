package org.cryoprotect.importer.service;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.cryoprotect.importer.ImportConfig;
import org.cryoprotect.importer.metrics.ImportMetrics;
import org.cryoprotect.importer.upstream.ChunkSizer;
import org.cryoprotect.importer.repository.CacheRepository;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import org.cryoprotect.common.db.Database;

import io.smallrye.mutiny.Uni;

/** Gauges read from the database, and the cache's expiry. */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final Database db;
    private final CacheRepository cache;
    private final ImportMetrics metrics;
    private final ChunkSizer sizer;
    private final ImportConfig config;
    private final AtomicLong runningJobs = new AtomicLong();
    private final AtomicLong pendingIds = new AtomicLong();

    public Housekeeping(Database db, CacheRepository cache, ImportMetrics metrics, ChunkSizer sizer, ImportConfig config) {
        this.db = db;
        this.metrics = metrics;
        this.sizer = sizer;
        this.config = config;
        this.cache = cache;
        metrics.watch("cryo.import.jobs.active", "Import jobs running (all replicas)", runningJobs::get);
        metrics.watch("cryo.import.ids.pending", "Ids of running jobs still to import (all replicas)", pendingIds::get);
    }

    /** The import meters exist from the start, so /q/metrics lists them before the first import. */
    void registerMeters(@Observes StartupEvent event) {
        config.upstreams().keySet().forEach(upstream -> {
            metrics.registerUpstream(upstream);
            sizer.current(upstream);
        });
    }

    @Scheduled(every = "5s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> readProgress() {
        return db.read(c -> c.query("""
                select count(*), coalesce(sum(total - succeeded - failed), 0)
                  from importer.jobs where status = 'running'""").execute())
                .invoke(rows -> {
                    var row = rows.iterator().next();
                    runningJobs.set(row.getLong(0));
                    pendingIds.set(row.getLong(1));
                })
                .onFailure().invoke(e -> LOG.debugf("cannot read import progress: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Expired upstream records, and flights a crashed replica never landed. */
    @Scheduled(every = "1h", delayed = "1m")
    Uni<Void> purge() {
        return cache.purgeExpired().invoke(n -> LOG.debugf("purged %d expired upstream records", n))
                .chain(() -> db.idempotentTransaction(tx -> tx.query(
                        "delete from importer.rate_limit_flights where departed_at < now() - interval '1 hour'").execute()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
