package org.cryoprotect.molecule.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.cryoprotect.common.db.RlsTransactions;
import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.chem.ComputedStructure;
import org.cryoprotect.molecule.chem.InvalidStructureException;
import org.cryoprotect.molecule.chem.StructureCalculator;
import org.cryoprotect.molecule.chem.StructureIdentity;
import org.cryoprotect.molecule.repository.MoleculeRepository;
import org.cryoprotect.molecule.repository.StructureRepository;
import org.cryoprotect.molecule.repository.StructureRepository.Unfingerprinted;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Gives rows registered before structure search their parent key and fingerprints, and a salt's or
 * mixture's computed descriptors their parent's values. Resumable by construction: it works on
 * "where similarity_fp is null", in batches (one read and one write transaction each, as the service
 * role), so a restart continues where the last run stopped. CDK runs per row on the chemistry workers,
 * beside requests; a row CDK cannot handle is logged and left for the next run.
 */
@ApplicationScoped
public class StructureBackfill {

    private static final Logger LOG = Logger.getLogger(StructureBackfill.class);
    private static final Caller SELF = Caller.internal("molecule-service");

    private final RlsTransactions transactions;
    private final StructureRepository structures;
    private final StructureCalculator calculator;
    private final Chemistry chemistry;
    private final PublicSummaryRefresher summary;
    private final MoleculeConfig.Backfill config;
    private final int parallelism;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    public StructureBackfill(RlsTransactions transactions, StructureRepository structures, StructureCalculator calculator,
            Chemistry chemistry, PublicSummaryRefresher summary, MoleculeConfig config, ChemistryWorkers workers) {
        this.transactions = transactions;
        this.structures = structures;
        this.calculator = calculator;
        this.chemistry = chemistry;
        this.summary = summary;
        this.config = config.backfill();
        // by default half the chemistry threads: requests keep the other half
        this.parallelism = this.config.parallelism().orElse(Math.max(1, workers.threads() / 2));
    }

    /** What one run did; failed rows keep null fingerprints until a later run. */
    public record Progress(int filled, int failed, int propertiesRecomputed) {
        Progress plus(Progress other) {
            return new Progress(filled + other.filled, failed + other.failed, propertiesRecomputed + other.propertiesRecomputed);
        }
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    @Scheduled(every = "${cryo.molecule.backfill.every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void again() {
        start();
    }

    /**
     * Starts a run in the background unless the backfill is switched off; never blocks. Asked while a run
     * is under way, it runs once more afterwards (the current run may already be past new rows' ids).
     */
    public void start() {
        if (!config.enabled()) {
            return;
        }
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            runWhileRequested();
        }
    }

    private void runWhileRequested() {
        requested.set(false);
        run().subscribe().with(progress -> {
            if (progress.filled() + progress.failed() > 0) {
                LOG.infof("Structure backfill finished: %d rows filled, %d failed (retried at the next run), "
                        + "%d salts' descriptors recomputed on their parents", progress.filled(), progress.failed(),
                        progress.propertiesRecomputed());
            }
            finished();
        }, failure -> {
            LOG.warnf("Structure backfill stopped, the next run continues where it stopped: %s", failure.getMessage());
            finished();
        });
    }

    private void finished() {
        running.set(false);
        if (requested.get() && running.compareAndSet(false, true)) {
            runWhileRequested();
        }
    }

    /** Whether a run is under way. */
    public boolean isRunning() {
        return running.get();
    }

    Uni<Progress> run() {
        return batchesAfter(null, new Progress(0, 0, 0));
    }

    /** Batch by batch in id order: rows that failed are passed over in this run instead of read forever. */
    private Uni<Progress> batchesAfter(UUID after, Progress done) {
        return transactions.read(SELF, db -> structures.unfingerprinted(db, after, config.batchSize()))
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(done);
                    }
                    UUID last = rows.get(rows.size() - 1).id();
                    return batch(rows).map(done::plus).invoke(progress -> LOG.infof(
                            "Structure backfill: %d rows filled, %d failed so far (up to id %s)",
                            progress.filled(), progress.failed(), last))
                            .chain(progress -> batchesAfter(last, progress));
                });
    }

    private Uni<Progress> batch(List<Unfingerprinted> rows) {
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUni(row -> chemistry.run(() -> computed(row))
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("Structure backfill cannot compute molecule %s (%s): %s", row.id(), row.smiles(),
                                    failure.getMessage());
                            return Computed.failed(row.id());
                        }))
                .merge(parallelism)
                .collect().asList()
                .chain(this::write);
    }

    /** Identity first (cheap); the descriptors are recomputed only where the parent is not the molecule itself. */
    private Computed computed(Unfingerprinted row) throws InvalidStructureException {
        StructureIdentity identity = calculator.identity(row.smiles());
        if (identity.similarity() == null) {
            return Computed.failed(row.id());
        }
        ComputedStructure structure = identity.parentInchikey().equals(identity.inchikey()) ? null
                : calculator.compute(row.smiles());
        return new Computed(row.id(), identity, structure);
    }

    private Uni<Progress> write(List<Computed> computed) {
        JsonArray identities = new JsonArray();
        JsonArray values = new JsonArray();
        JsonArray removed = new JsonArray();
        int failed = 0;
        for (Computed row : computed) {
            if (row.identity() == null) {
                failed++;
                continue;
            }
            identities.add(new JsonObject().put("id", row.id().toString())
                    .put("parent_inchikey", row.identity().parentInchikey())
                    .put("similarity_fp", MoleculeRepository.hex(row.identity().similarity()))
                    .put("screen_fp", MoleculeRepository.hex(row.identity().screen())));
            if (row.structure() != null) {
                Map<String, Double> properties = row.structure().properties();
                Map<String, String> describes = row.structure().describes();
                Map<String, Double> ofParent = new LinkedHashMap<>();
                properties.forEach((name, value) -> {
                    if (ComputedStructure.PARENT.equals(describes.get(name))) {
                        ofParent.put(name, value);
                    }
                });
                values.addAll(MoleculeRepository.propertyRows(row.id(), ofParent, "cdk", describes));
                BatchRecordPreparer.CORE_PROPERTIES.stream().filter(name -> !properties.containsKey(name))
                        .forEach(name -> removed.add(new JsonObject().put("molecule_id", row.id().toString()).put("name", name)));
            }
        }
        int failures = failed;
        if (identities.isEmpty()) {
            return Uni.createFrom().item(new Progress(0, failures, 0));
        }
        // Applying it twice changes nothing (only rows still without fingerprints are filled).
        return transactions.idempotentWrite(SELF, db -> structures.fill(db, identities)
                        .chain(filled -> structures.recomputeProperties(db, values, removed)
                                .map(changed -> new Progress(filled, failures, changed.size()))))
                .invoke(progress -> {
                    if (progress.propertiesRecomputed() > 0) {
                        summary.requestRefresh();
                    }
                });
    }

    private record Computed(UUID id, StructureIdentity identity, ComputedStructure structure) {
        static Computed failed(UUID id) {
            return new Computed(id, null, null);
        }
    }
}
