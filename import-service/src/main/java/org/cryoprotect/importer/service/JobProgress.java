package org.cryoprotect.importer.service;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.importer.ImportConfig;
import org.cryoprotect.importer.metrics.ImportMetrics;
import org.cryoprotect.importer.model.ImportJob;
import org.cryoprotect.importer.repository.JobRepository;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Progress of watched jobs. Each watched job has one poller, shared by all its watchers: one read
 * per {@code cryo.import.progress-interval}, however many streams are open, and none once the last
 * watcher has left or the job has finished.
 */
@Startup // its gauge is exported before the first stream
@ApplicationScoped
public class JobProgress {

    private final JobRepository jobs;
    private final ImportMetrics metrics;
    private final ImportConfig config;
    private final Map<UUID, Multi<ImportJob>> pollers = new ConcurrentHashMap<>();
    private final AtomicInteger polling = new AtomicInteger();

    public JobProgress(JobRepository jobs, ImportMetrics metrics, ImportConfig config) {
        this.jobs = jobs;
        this.metrics = metrics;
        this.config = config;
        metrics.watch("cryo.import.progress.pollers", "Jobs whose progress is being read for event streams (this replica)",
                polling::get);
    }

    /** The job as given, then each time its progress changes, ending with its final state. */
    public Multi<ImportJob> watch(ImportJob first) {
        if (first.finished()) {
            return Multi.createFrom().item(first);
        }
        AtomicReference<ImportJob> latest = new AtomicReference<>(first);
        Multi<ImportJob> changes = Multi.createFrom().deferred(() -> poller(first.id()))
                .select().where(job -> !progress(job).equals(progress(latest.get())))
                .invoke(latest::set)
                // the poller can end between this watcher's first read and its joining: read the end once more
                .onCompletion().switchTo(() -> latest.get().finished() ? Multi.createFrom().empty()
                        : read(first.id()).toMulti().select().where(job -> job.isPresent()
                                && !progress(job.get()).equals(progress(latest.get()))).map(Optional::get));
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(first), changes);
    }

    private Multi<ImportJob> poller(UUID id) {
        return pollers.computeIfAbsent(id, key -> {
            AtomicReference<Multi<ImportJob>> self = new AtomicReference<>();
            Multi<ImportJob> shared = Multi.createBy().repeating().uni(() -> read(key)).withDelay(config.progressInterval())
                    .whilst(job -> job.isPresent() && !job.get().finished())
                    .select().where(Optional::isPresent).map(Optional::get)
                    .onSubscription().invoke(polling::incrementAndGet)
                    .onTermination().invoke(() -> {
                        polling.decrementAndGet();
                        pollers.remove(key, self.get());
                    })
                    .broadcast().withCancellationAfterLastSubscriberDeparture().toAllSubscribers();
            self.set(shared);
            return shared;
        });
    }

    /** The job as it is now; empty once it no longer exists, which ends the watch too. */
    private Uni<Optional<ImportJob>> read(UUID id) {
        return jobs.find(id, null, true).invoke(metrics::progressPoll);
    }

    private static String progress(ImportJob job) {
        return job.status() + "/" + job.succeeded() + "/" + job.failed();
    }
}
