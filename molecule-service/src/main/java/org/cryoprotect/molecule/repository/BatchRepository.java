package org.cryoprotect.molecule.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.molecule.model.BatchResult;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
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
                .map(rows -> {
                    List<BatchResult> results = new ArrayList<>(rows.size());
                    rows.forEach(row -> results.add(new BatchResult(row.getInteger("idx"), row.getUUID("id"),
                            row.getString("status"), null)));
                    return results;
                });
    }

    public Uni<Void> refreshPublicSummary(SqlClient db) {
        return db.query("select chem_private.refresh_public_molecules_summary()").execute().replaceWithVoid();
    }
}
