package org.cryoprotect.molecule.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.db.RlsTransactions;
import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.chem.StructureTooComplexException;
import org.cryoprotect.molecule.model.BatchRecord;
import org.cryoprotect.molecule.model.BatchResult;
import org.cryoprotect.molecule.repository.BatchRepository;
import org.cryoprotect.molecule.repository.MoleculeRepository;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Batch upsert of imported registry records. Each record is checked and completed with CDK on its
 * own (a bad record is rejected with its reason, the others go in); the database work is a handful
 * of set-based statements in one transaction, idempotent by InChIKey.
 */
@ApplicationScoped
public class BatchUpsertService {

    private final RlsTransactions transactions;
    private final BatchRepository batches;
    private final MoleculeRepository molecules;
    private final BatchRecordPreparer preparer;
    private final PublicSummaryRefresher summary;
    private final Chemistry chemistry;
    private final StructureBackfill backfill;
    private final int parallelism;

    public BatchUpsertService(RlsTransactions transactions, BatchRepository batches, MoleculeRepository molecules,
            BatchRecordPreparer preparer, PublicSummaryRefresher summary, Chemistry chemistry, ChemistryWorkers workers,
            StructureBackfill backfill) {
        this.transactions = transactions;
        this.backfill = backfill;
        this.chemistry = chemistry;
        this.parallelism = workers.threads();
        this.batches = batches;
        this.molecules = molecules;
        this.preparer = preparer;
        this.summary = summary;
    }

    public Uni<List<BatchResult>> upsert(Caller caller, List<BatchRecord> records) {
        if (!caller.isService()) {
            return Uni.createFrom().failure(ProblemException.forbidden("Batch upsert is for service clients"));
        }
        return registeredSmiles(caller, records)
                .chain(registered -> prepareAll(records, registered))
                // Keyed by InChIKey and "on conflict": applying a batch twice changes nothing, so it is retried.
                .chain(prepared -> transactions.idempotentWrite(caller, db -> write(db, prepared))
                        .invoke(results -> backfillCreatedWithoutIdentity(prepared, results)))
                .invoke(results -> {
                    if (results.stream().anyMatch(r -> !"unchanged".equals(r.status()) && !"rejected".equals(r.status()))) {
                        summary.requestRefresh();
                    }
                });
    }

    /**
     * The registry's SMILES of the records' InChIKeys: records already registered under their SMILES skip
     * CDK (re-imports, retried chunks), the costly part of a batch whose properties are supplied.
     */
    private Uni<Map<String, String>> registeredSmiles(Caller caller, List<BatchRecord> records) {
        List<String> keys = records.stream().map(BatchRecord::inchikey).filter(k -> k != null && !k.isBlank())
                .map(String::trim).distinct().toList();
        return keys.isEmpty() ? Uni.createFrom().item(Map.of())
                : transactions.read(caller, db -> batches.registeredSmiles(db, keys));
    }

    /**
     * A record sent without identity because its structure was registered, whose row was deleted before the
     * write, was inserted without parent key and fingerprints: the backfill computes them.
     */
    private void backfillCreatedWithoutIdentity(List<PreparedRecord> prepared, List<BatchResult> results) {
        Map<Integer, PreparedRecord> byIndex = new HashMap<>();
        prepared.forEach(r -> byIndex.put(r.index(), r));
        if (results.stream().anyMatch(r -> "created".equals(r.status())
                && byIndex.get(r.index()).moleculeRow().getString("similarity_fp") == null)) {
            backfill.start();
        }
    }

    /**
     * Writes records prepared from an imported file, in one transaction, the one way records are
     * written: registry rows through the batch upsert's write for the service role; for a user, the
     * caller's own private rows (a structure already public or already theirs is returned as existing,
     * and rows that exist are not changed). Row Level Security decides what the caller may insert.
     * Records must be valid and of distinct InChIKeys.
     *
     * @return per record: its id and created or existing
     */
    Uni<List<BatchResult>> writeImported(Caller caller, List<PreparedRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        if (caller.isService()) {
            return transactions.idempotentWrite(caller, db -> write(db, records))
                    .invoke(results -> {
                        if (results.stream().anyMatch(r -> "created".equals(r.status()))) {
                            summary.requestRefresh();
                        }
                    })
                    .map(results -> results.stream().map(r -> "created".equals(r.status()) ? r
                            : new BatchResult(r.index(), r.id(), "existing", null)).toList());
        }
        return transactions.idempotentWrite(caller, db -> writePrivate(db, records));
    }

    private Uni<List<BatchResult>> writePrivate(SqlConnection db, List<PreparedRecord> records) {
        JsonArray rows = new JsonArray();
        records.forEach(r -> rows.add(r.moleculeRow()));
        return batches.insertPrivateMolecules(db, rows).chain(written -> {
            Map<Integer, PreparedRecord> byIndex = new HashMap<>();
            records.forEach(r -> byIndex.put(r.index(), r));
            JsonArray properties = new JsonArray();
            JsonArray synonyms = new JsonArray();
            for (BatchResult result : written) {
                if ("created".equals(result.status())) {
                    PreparedRecord record = byIndex.get(result.index());
                    properties.addAll(MoleculeRepository.propertyRows(result.id(), record.suppliedProperties(), record.source()));
                    properties.addAll(MoleculeRepository.propertyRows(result.id(), record.computedProperties(), "cdk",
                            record.describes()));
                    synonyms.addAll(MoleculeRepository.synonymRows(result.id(), record.synonyms()));
                }
            }
            List<String> raced = written.stream().filter(r -> r.id() == null).map(r -> byIndex.get(r.index()).inchikey()).toList();
            return molecules.upsertProperties(db, properties)
                    .chain(() -> molecules.addSynonyms(db, synonyms))
                    .chain(() -> raced.isEmpty() ? Uni.createFrom().item(Map.<String, UUID>of())
                            : batches.findVisibleOwnOrPublic(db, raced))
                    .map(found -> written.stream().map(r -> r.id() != null ? r
                            : new BatchResult(r.index(), found.get(byIndex.get(r.index()).inchikey()), "existing", null)).toList());
        });
    }

    /**
     * Each record on a chemistry thread of its own, within the time budget: a record too complex to
     * finish is rejected with that reason and the others go in. As many at once as there are threads.
     */
    private Uni<List<PreparedRecord>> prepareAll(List<BatchRecord> records, Map<String, String> registered) {
        return Multi.createFrom().range(0, records.size())
                .onItem().transformToUni(i -> prepare(i, records.get(i), registered))
                .merge(parallelism)
                .collect().asList()
                .map(prepared -> {
                    prepared.sort(Comparator.comparingInt(PreparedRecord::index));
                    return rejectDuplicates(prepared);
                });
    }

    /** On a chemistry thread, within the time budget; CDK is skipped for a record registered as it is. */
    private Uni<PreparedRecord> prepare(int i, BatchRecord record, Map<String, String> registered) {
        String smiles = record.inchikey() == null ? null : registered.get(record.inchikey().trim());
        return chemistry.run(() -> preparer.prepare(i, record, smiles))
                .onFailure(StructureTooComplexException.class)
                .recoverWithItem(e -> PreparedRecord.rejected(i, Chemistry.reason((StructureTooComplexException) e)));
    }

    /** Two records of one structure in one batch would update the same row twice: keep the first. */
    private static List<PreparedRecord> rejectDuplicates(List<PreparedRecord> records) {
        Map<String, Integer> firstIndex = new HashMap<>();
        List<PreparedRecord> checked = new ArrayList<>(records.size());
        for (PreparedRecord record : records) {
            if (record.rejection() == null) {
                Integer first = firstIndex.putIfAbsent(record.inchikey(), record.index());
                if (first != null) {
                    record = PreparedRecord.rejected(record.index(), "Same structure (InChIKey " + record.inchikey()
                            + ") as record " + first + " of this batch");
                }
            }
            checked.add(record);
        }
        return checked;
    }

    private Uni<List<BatchResult>> write(SqlConnection db, List<PreparedRecord> records) {
        List<PreparedRecord> valid = records.stream().filter(r -> r.rejection() == null).toList();
        if (valid.isEmpty()) {
            return Uni.createFrom().item(results(records, Map.of(), Set.of()));
        }
        JsonArray rows = new JsonArray();
        valid.forEach(r -> rows.add(r.moleculeRow()));
        return batches.upsertMolecules(db, rows).chain(upserted -> {
            Map<Integer, BatchResult> byIndex = new HashMap<>();
            upserted.forEach(r -> byIndex.put(r.index(), r));
            JsonArray properties = new JsonArray();
            JsonArray synonyms = new JsonArray();
            for (PreparedRecord record : valid) {
                UUID id = byIndex.get(record.index()).id();
                properties.addAll(MoleculeRepository.propertyRows(id, record.suppliedProperties(), record.source()));
                properties.addAll(MoleculeRepository.propertyRows(id, record.computedProperties(), "cdk", record.describes()));
                synonyms.addAll(MoleculeRepository.synonymRows(id, record.synonyms()));
            }
            Set<UUID> changed = new HashSet<>();
            return molecules.upsertProperties(db, properties).invoke(changed::addAll)
                    .chain(() -> molecules.addSynonyms(db, synonyms)).invoke(changed::addAll)
                    .map(ignored -> results(records, byIndex, changed));
        });
    }

    private static List<BatchResult> results(List<PreparedRecord> records, Map<Integer, BatchResult> upserted, Set<UUID> changed) {
        List<BatchResult> results = new ArrayList<>(records.size());
        for (PreparedRecord record : records) {
            if (record.rejection() != null) {
                results.add(BatchResult.rejected(record.index(), record.rejection()));
                continue;
            }
            BatchResult row = upserted.get(record.index());
            boolean childrenChanged = "unchanged".equals(row.status()) && changed.contains(row.id());
            results.add(childrenChanged ? new BatchResult(row.index(), row.id(), "updated", null) : row);
        }
        return results;
    }
}
