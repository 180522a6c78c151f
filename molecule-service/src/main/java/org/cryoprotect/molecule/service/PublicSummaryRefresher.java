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
 * Keeps the materialized view public_molecules_summary fresh: on a schedule, and after writes to
 * public molecules once they pause for the debounce interval — so a running import does not pay
 * for a refresh after every batch — but never later than the scheduled interval.
 */
@ApplicationScoped
public class PublicSummaryRefresher {

    private static final Logger LOG = Logger.getLogger(PublicSummaryRefresher.class);
    private static final Caller SELF = Caller.internal("molecule-service");

    private final RlsTransactions transactions;
    private final BatchRepository batches;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private volatile long lastWrite;
    private final long debounceMillis;

    public PublicSummaryRefresher(RlsTransactions transactions, BatchRepository batches, MoleculeConfig config) {
        this.transactions = transactions;
        this.batches = batches;
        this.debounceMillis = config.summaryRefreshDebounce().toMillis();
    }

    public void requestRefresh() {
        lastWrite = System.currentTimeMillis();
        dirty.set(true);
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshWhenWritesPause() {
        boolean quiet = System.currentTimeMillis() - lastWrite >= debounceMillis;
        return quiet && dirty.getAndSet(false) ? refresh() : Uni.createFrom().voidItem();
    }

    @Scheduled(every = "${cryo.molecule.summary-refresh-every:5m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        dirty.set(false);
        return transactions.idempotentWrite(SELF, batches::refreshPublicSummary)
                .onFailure().invoke(e -> {
                    dirty.set(true);
                    LOG.warnf("Refreshing public_molecules_summary failed, will retry: %s", e.getMessage());
                })
                .onFailure().recoverWithNull();
    }
}
