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
     * @param molecules objects with idx, name, smiles, canonical_smiles, inchi, inchikey, formula, pubchem_cid, chembl_id
     * @return per input index: the molecule id and created, updated or unchanged
     */
    public Uni<List<BatchResult>> upsertMolecules(SqlClient db, JsonArray molecules) {
        return db.preparedQuery("""
                with input as (
                    select * from jsonb_to_recordset($1::jsonb) as r(idx int, name text, smiles text, canonical_smiles text,
                        inchi text, inchikey text, formula text, pubchem_cid bigint, chembl_id text)),
                upserted as (
                    insert into chem.molecules as m (name, smiles, canonical_smiles, inchi, inchikey, formula,
                                                     pubchem_cid, chembl_id, is_public, created_by)
                    select name, smiles, canonical_smiles, inchi, inchikey, formula, pubchem_cid, chembl_id, true, null
                    from input
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

    /**
     * Measurements go onto registry molecules only: the public entry of a structure may be a researcher's
     * published molecule, which she could unpublish with the imported measurements in it.
     *
     * @return the molecules that gained a measurement; a measurement already recorded is skipped
     */
    public Uni<List<UUID>> addToxicity(SqlClient db, JsonArray measurements) {
        return db.preparedQuery("""
                with added as (
                    insert into chem.toxicity (molecule_id, %1$s, source, reference)
                    select t.molecule_id, %1$s, t.source, t.reference
                    from jsonb_array_elements($1::jsonb) as e(item)
                    cross join lateral jsonb_populate_record(null::chem.toxicity, e.item) as t
                    where exists (select 1 from chem.molecules m
                                  where m.id = t.molecule_id and m.is_public and m.created_by is null)
                    on conflict (molecule_id, endpoint, species, species_reported, route, route_reported, relation, value,
                                 unit, source) where source_record is null do nothing
                    returning molecule_id)
                select distinct molecule_id from added""".formatted(ToxicityRepository.MEASUREMENT))
                .execute(Tuple.of(measurements)).map(Rows::ids);
    }

    public Uni<Void> refreshPublicSummary(SqlClient db) {
        return db.query("select chem_private.refresh_public_molecules_summary()").execute().replaceWithVoid();
    }
}
