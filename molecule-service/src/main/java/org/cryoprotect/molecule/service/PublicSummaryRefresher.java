package org.cryoprotect.molecule.service;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.db.RlsTransactions;
import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.repository.BatchRepository;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the materialized view public_molecules_summary fresh: on a schedule, and shortly after
 * writes to public molecules (debounced, so an import of many batches costs few refreshes).
 */
@ApplicationScoped
public class PublicSummaryRefresher {

    private static final Logger LOG = Logger.getLogger(PublicSummaryRefresher.class);
    private static final Caller SELF = Caller.internal("molecule-service");

    private final RlsTransactions transactions;
    private final BatchRepository batches;
    private final AtomicBoolean dirty = new AtomicBoolean();

    public PublicSummaryRefresher(RlsTransactions transactions, BatchRepository batches) {
        this.transactions = transactions;
        this.batches = batches;
    }

    public void requestRefresh() {
        dirty.set(true);
    }

    @Scheduled(every = "${cryo.molecule.summary-refresh-debounce:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshIfDirty() {
        return dirty.getAndSet(false) ? refresh() : Uni.createFrom().voidItem();
    }

    @Scheduled(every = "${cryo.molecule.summary-refresh-every:5m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return transactions.write(SELF, batches::refreshPublicSummary)
                .onFailure().invoke(e -> {
                    dirty.set(true);
                    LOG.warnf("Refreshing public_molecules_summary failed, will retry: %s", e.getMessage());
                })
                .onFailure().recoverWithNull();
    }
}
