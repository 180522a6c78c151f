package org.cryoprotect.molecule.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.db.RlsTransactions;
import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.model.ToxicityBatchItem;
import org.cryoprotect.molecule.model.ToxicityBatchResult;
import org.cryoprotect.molecule.repository.ToxicityBatchRepository;
import org.cryoprotect.molecule.repository.ToxicityBatchRepository.RegistryMolecule;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Imported measurements (POST /api/toxicity/batch), for service clients only. Each item is checked on
 * its own (a bad one is rejected with its reason); the database work is two set-based statements in
 * one transaction, idempotent by (molecule, source, source record), so it is retried like a read.
 */
@ApplicationScoped
public class ToxicityBatchService {

    private final RlsTransactions transactions;
    private final ToxicityBatchRepository batches;

    public ToxicityBatchService(RlsTransactions transactions, ToxicityBatchRepository batches) {
        this.transactions = transactions;
        this.batches = batches;
    }

    public Uni<List<ToxicityBatchResult>> upsert(Caller caller, List<ToxicityBatchItem> items) {
        if (!caller.isService()) {
            return Uni.createFrom().failure(ProblemException.forbidden("Toxicity batches are for service clients"));
        }
        Map<Integer, String> rejected = new HashMap<>();
        JsonArray wanted = new JsonArray();
        for (int i = 0; i < items.size(); i++) {
            String problem = BatchItemCheck.problem(items.get(i));
            if (problem != null) {
                rejected.put(i, problem);
            } else {
                wanted.add(new JsonObject().put("idx", i).put("pubchem_cid", items.get(i).pubchemCid())
                        .put("chembl_id", items.get(i).pubchemCid() == null ? items.get(i).chemblId().trim() : null));
            }
        }
        if (wanted.isEmpty()) {
            return Uni.createFrom().item(results(items.size(), rejected, Map.of()));
        }
        return transactions.idempotentWrite(caller, db -> write(db, items, wanted, new HashMap<>(rejected)));
    }

    private Uni<List<ToxicityBatchResult>> write(SqlConnection db, List<ToxicityBatchItem> items, JsonArray wanted,
            Map<Integer, String> rejected) {
        return batches.resolve(db, wanted).chain(molecules -> {
            JsonArray rows = new JsonArray();
            Map<String, Integer> firstOfRecord = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                if (rejected.containsKey(i)) {
                    continue;
                }
                ToxicityBatchItem item = items.get(i);
                RegistryMolecule molecule = molecules.get(i);
                if (molecule == null) {
                    rejected.put(i, item.pubchemCid() != null ? "no public molecule with PubChem CID " + item.pubchemCid()
                            : "no public molecule with ChEMBL id " + item.chemblId().trim());
                    continue;
                }
                String record = item.record().trim();
                Integer first = firstOfRecord.putIfAbsent(molecule.id() + "\n" + item.source() + "\n" + record, i);
                if (first != null) {
                    rejected.put(i, "same source record as measurement " + first + " of this batch");
                    continue;
                }
                rows.add(row(i, item, molecule));
            }
            if (rows.isEmpty()) {
                return Uni.createFrom().item(results(items.size(), rejected, Map.of()));
            }
            return batches.upsert(db, rows).map(written -> results(items.size(), rejected, written));
        });
    }

    private static JsonObject row(int index, ToxicityBatchItem item, RegistryMolecule molecule) {
        MeasurementColumns measurement = MeasurementColumns.of(item.endpoint(), BatchItemCheck.relation(item.relation()),
                item.value(), item.unit(), item.species(), item.route(), item.exposure(), molecule.molecularWeight());
        JsonObject row = measurement.toRow();
        String unparsed = blankToNull(item.unparsedReason());
        if (unparsed != null) {
            // text that did not parse yields no statistic, whatever fragments came with it
            row.putNull("normalized_value").putNull("normalized_unit").putNull("normalization_note");
        }
        return row.put("idx", index).put("molecule_id", molecule.id().toString())
                .put("source", item.source()).put("source_record", item.record().trim())
                .put("original_text", blankToNull(item.text())).put("reference", blankToNull(item.reference()))
                .put("unparsed_reason", unparsed)
                .put("details", item.details() == null ? null : new JsonObject(item.details()));
    }

    private static List<ToxicityBatchResult> results(int size, Map<Integer, String> rejected,
            Map<Integer, ToxicityBatchResult> written) {
        List<ToxicityBatchResult> results = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            results.add(rejected.containsKey(i) ? ToxicityBatchResult.rejected(rejected.get(i)) : written.get(i));
        }
        return results;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
