package org.cryoprotect.molecule.repository;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.molecule.model.ToxicityBatchResult;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Set-based writes of imported measurements: one statement resolves the molecules, one upserts the
 * measurements, keyed by (molecule, source, source record), so the same batch twice changes nothing.
 */
@ApplicationScoped
public class ToxicityBatchRepository {

    /** A public registry molecule and its molecular weight (null when it has none). */
    public record RegistryMolecule(UUID id, Double molecularWeight) {
    }

    /**
     * The public registry molecule (public, no creator) with each PubChem CID or ChEMBL id.
     *
     * @param wanted objects with idx and pubchem_cid or chembl_id
     * @return per idx the molecule found; absent when there is none
     */
    public Uni<Map<Integer, RegistryMolecule>> resolve(SqlClient db, JsonArray wanted) {
        return db.preparedQuery("""
                select w.idx, coalesce(by_cid.id, by_chembl.id) as id,
                       (select p.value from chem.molecule_properties p
                        where p.molecule_id = coalesce(by_cid.id, by_chembl.id) and p.name = 'molecular_weight') as mw
                from jsonb_to_recordset($1::jsonb) as w(idx int, pubchem_cid bigint, chembl_id text)
                left join lateral (select m.id from chem.molecules m
                                   where w.pubchem_cid is not null and m.pubchem_cid = w.pubchem_cid
                                     and m.is_public and m.created_by is null
                                   order by m.created_at, m.id limit 1) by_cid on true
                left join lateral (select m.id from chem.molecules m
                                   where w.pubchem_cid is null and m.chembl_id = w.chembl_id
                                     and m.is_public and m.created_by is null
                                   order by m.created_at, m.id limit 1) by_chembl on true""")
                .execute(Tuple.of(wanted))
                .map(rows -> {
                    Map<Integer, RegistryMolecule> found = new HashMap<>();
                    rows.forEach(row -> {
                        if (row.getUUID("id") != null) {
                            found.put(row.getInteger("idx"), new RegistryMolecule(row.getUUID("id"), row.getDouble("mw")));
                        }
                    });
                    return found;
                });
    }

    /**
     * Inserts new measurements and rewrites those whose source record now says something else.
     *
     * @param measurements objects with idx, molecule_id, source, source_record, original_text, reference,
     *                     unparsed_reason, details and the measurement columns
     * @return per idx: created, updated or unchanged, with the measurement's id
     */
    public Uni<Map<Integer, ToxicityBatchResult>> upsert(SqlClient db, JsonArray measurements) {
        String columns = ToxicityRepository.MEASUREMENT
                + ", original_text, reference, unparsed_reason, details";
        String changed = columns.replace(", ", ", excluded.").replaceFirst("^", "excluded.");
        return db.preparedQuery("""
                with input as (
                    select (e.item ->> 'idx')::int as idx, t.*
                    from jsonb_array_elements($1::jsonb) as e(item)
                    cross join lateral jsonb_populate_record(null::chem.toxicity, e.item) as t),
                upserted as (
                    insert into chem.toxicity as t (molecule_id, source, source_record, %1$s)
                    select molecule_id, source, source_record, %1$s from input
                    on conflict (molecule_id, source, source_record) where source_record is not null do update
                        set (%1$s) = (%2$s)
                    where (%3$s) is distinct from (%2$s)
                    returning t.id, t.molecule_id, t.source, t.source_record, (xmax = 0) as created)
                select i.idx, coalesce(u.id, e.id) as id,
                       case when u.id is null then 'unchanged' when u.created then 'created' else 'updated' end as status
                from input i
                left join upserted u on u.molecule_id = i.molecule_id and u.source = i.source and u.source_record = i.source_record
                left join chem.toxicity e on e.molecule_id = i.molecule_id and e.source = i.source
                                         and e.source_record = i.source_record""".formatted(columns, changed,
                        "t." + columns.replace(", ", ", t.")))
                .execute(Tuple.of(measurements))
                .map(rows -> {
                    Map<Integer, ToxicityBatchResult> results = new HashMap<>();
                    rows.forEach(row -> results.put(row.getInteger("idx"),
                            new ToxicityBatchResult(row.getString("status"), row.getUUID("id"), null)));
                    return results;
                });
    }
}
