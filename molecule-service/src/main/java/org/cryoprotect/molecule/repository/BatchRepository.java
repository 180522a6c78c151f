package org.cryoprotect.molecule.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.molecule.model.BatchResult;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Set-based writes for batch imports: one statement per table for the whole batch. Public registry
 * entries are keyed by InChIKey, so running the same batch again changes nothing.
 */
@ApplicationScoped
public class BatchRepository {

    /**
     * Inserts new public molecules and fills cross-references of existing ones. The first name a
     * structure was imported under stays its name; later names arrive as synonyms.
     *
     * An existing entry keeps its fingerprints (computed from the same structure, which the key names);
     * entries registered before structure search get theirs from the backfill.
     *
     * @param molecules objects with idx, name, smiles, canonical_smiles, inchi, inchikey, formula, pubchem_cid, chembl_id,
     *                  parent_inchikey, similarity_fp and screen_fp (hex, see MoleculeRepository#hex)
     * @return per input index: the molecule id and created, updated or unchanged
     */
    public Uni<List<BatchResult>> upsertMolecules(SqlClient db, JsonArray molecules) {
        return db.preparedQuery("""
                with input as (
                    select * from jsonb_to_recordset($1::jsonb) as r(idx int, name text, smiles text, canonical_smiles text,
                        inchi text, inchikey text, formula text, pubchem_cid bigint, chembl_id text,
                        parent_inchikey text, similarity_fp text, screen_fp text)),
                upserted as (
                    insert into chem.molecules as m (name, smiles, canonical_smiles, inchi, inchikey, formula,
                                                     pubchem_cid, chembl_id, is_public, created_by,
                                                     parent_inchikey, similarity_fp, similarity_bits, screen_fp)
                    select name, smiles, canonical_smiles, inchi, inchikey, formula, pubchem_cid, chembl_id, true, null,
                           parent_inchikey, fp.similarity, bit_count(fp.similarity), fp.screen
                    from input
                    cross join lateral (select ('x' || similarity_fp)::bit(1024) as similarity,
                                               ('x' || screen_fp)::bit(1024) as screen) fp
                    on conflict (inchikey) where is_public do update set
                        canonical_smiles = coalesce(m.canonical_smiles, excluded.canonical_smiles),
                        inchi = coalesce(m.inchi, excluded.inchi),
                        formula = coalesce(m.formula, excluded.formula),
                        pubchem_cid = coalesce(excluded.pubchem_cid, m.pubchem_cid),
                        chembl_id = coalesce(excluded.chembl_id, m.chembl_id),
                        updated_at = now()
                    where (m.canonical_smiles is null and excluded.canonical_smiles is not null)
                       or (m.inchi is null and excluded.inchi is not null)
                       or (m.formula is null and excluded.formula is not null)
                       or m.pubchem_cid is distinct from coalesce(excluded.pubchem_cid, m.pubchem_cid)
                       or m.chembl_id is distinct from coalesce(excluded.chembl_id, m.chembl_id)
                    returning m.id, m.inchikey, (xmax = 0) as created)
                select i.idx, coalesce(u.id, e.id) as id,
                       case when u.id is null then 'unchanged' when u.created then 'created' else 'updated' end as status
                from input i
                left join upserted u on u.inchikey = i.inchikey
                left join chem.molecules e on e.inchikey = i.inchikey and e.is_public
                order by i.idx""")
                .execute(Tuple.of(molecules))
                .map(BatchRepository::results);
    }

    /**
     * A user's file import: private rows created by the caller as the database knows them
     * ({@code chem_private.uid()}, which the insert policy checks again). A structure that is public, or
     * already the caller's own, is not inserted: its row is returned as existing (the identity rules of
     * POST /molecules). Another team's private row of the structure is invisible here and holds no
     * unique slot of the caller's, so nothing tells the caller it exists.
     *
     * @param molecules objects with idx, name, smiles, canonical_smiles, inchi, inchikey, formula, parent_inchikey,
     *                  similarity_fp and screen_fp (hex, as for {@link #upsertMolecules}); one per InChIKey
     * @return per input index: the molecule id and created or existing (id null when a concurrent
     *         request inserted the same structure in the meantime: see {@link #findVisibleOwnOrPublic})
     */
    public Uni<List<BatchResult>> insertPrivateMolecules(SqlClient db, JsonArray molecules) {
        return db.preparedQuery("""
                with input as (
                    select * from jsonb_to_recordset($1::jsonb) as r(idx int, name text, smiles text, canonical_smiles text,
                        inchi text, inchikey text, formula text, parent_inchikey text, similarity_fp text, screen_fp text)),
                found as (
                    select distinct on (i.idx) i.idx, m.id
                    from input i join chem.molecules m on m.inchikey = i.inchikey
                    where m.is_public or m.created_by = (select chem_private.uid())
                    order by i.idx, m.is_public desc),
                inserted as (
                    insert into chem.molecules as m (name, smiles, canonical_smiles, inchi, inchikey, formula, is_public, created_by,
                                                     parent_inchikey, similarity_fp, similarity_bits, screen_fp)
                    select i.name, i.smiles, i.canonical_smiles, i.inchi, i.inchikey, i.formula, false, (select chem_private.uid()),
                           i.parent_inchikey, fp.similarity, bit_count(fp.similarity), fp.screen
                    from input i
                    cross join lateral (select ('x' || i.similarity_fp)::bit(1024) as similarity,
                                               ('x' || i.screen_fp)::bit(1024) as screen) fp
                    where not exists (select 1 from found f where f.idx = i.idx)
                    on conflict (created_by, inchikey) where not is_public do nothing
                    returning m.id, m.inchikey)
                select i.idx, coalesce(f.id, n.id) as id, case when n.id is not null then 'created' else 'existing' end as status
                from input i
                left join found f on f.idx = i.idx
                left join inserted n on n.inchikey = i.inchikey
                order by i.idx""")
                .execute(Tuple.of(molecules))
                .map(BatchRepository::results);
    }

    /**
     * The SMILES registered under each of {@code inchikeys}: public rows whose identity (parent key and
     * fingerprints) is there. Every write path computes a row's key from its SMILES or checks it against them.
     */
    public Uni<Map<String, String>> registeredSmiles(SqlClient db, List<String> inchikeys) {
        return db.preparedQuery("""
                select m.inchikey, m.smiles from chem.molecules m
                where m.inchikey = any($1) and m.is_public and m.similarity_fp is not null and m.parent_inchikey is not null""")
                .execute(Tuple.of(inchikeys.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, String> smiles = new HashMap<>();
                    rows.forEach(row -> smiles.put(row.getString("inchikey"), row.getString("smiles")));
                    return smiles;
                });
    }

    /** The public row of each InChIKey, else the caller's own: what a private import reuses. */
    public Uni<Map<String, UUID>> findVisibleOwnOrPublic(SqlClient db, List<String> inchikeys) {
        return db.preparedQuery("""
                select distinct on (m.inchikey) m.inchikey, m.id from chem.molecules m
                where m.inchikey = any($1) and (m.is_public or m.created_by = (select chem_private.uid()))
                order by m.inchikey, m.is_public desc""")
                .execute(Tuple.of(inchikeys.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, UUID> ids = new HashMap<>();
                    rows.forEach(row -> ids.put(row.getString("inchikey"), row.getUUID("id")));
                    return ids;
                });
    }

    public Uni<Void> refreshPublicSummary(SqlClient db) {
        return db.query("select chem_private.refresh_public_molecules_summary()").execute().replaceWithVoid();
    }

    private static List<BatchResult> results(RowSet<Row> rows) {
        List<BatchResult> results = new ArrayList<>(rows.size());
        rows.forEach(row -> results.add(new BatchResult(row.getInteger("idx"), row.getUUID("id"), row.getString("status"), null)));
        return results;
    }
}
