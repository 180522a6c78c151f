package org.cryoprotect.molecule.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The structure backfill's reads and writes; run as the service role (it reaches every row). */
@ApplicationScoped
public class StructureRepository {

    /** A registered structure still without fingerprints. */
    public record Unfingerprinted(UUID id, String smiles) {
    }

    /** Rows without fingerprints after {@code after} (null: from the start), in id order. */
    public Uni<List<Unfingerprinted>> unfingerprinted(SqlClient db, UUID after, int limit) {
        return db.preparedQuery("""
                select m.id, m.smiles from chem.molecules m
                where m.similarity_fp is null and ($1::uuid is null or m.id > $1)
                order by m.id limit $2""")
                .execute(Tuple.of(after, limit))
                .map(rows -> {
                    List<Unfingerprinted> found = new ArrayList<>(rows.size());
                    rows.forEach(row -> found.add(new Unfingerprinted(row.getUUID("id"), row.getString("smiles"))));
                    return found;
                });
    }

    /**
     * Stores parent keys and fingerprints of rows that still have none: a row written meanwhile by
     * the API already has its own, computed from the same structure.
     *
     * @param identities objects with id, parent_inchikey, similarity_fp and screen_fp (hex)
     * @return how many rows were filled
     */
    public Uni<Integer> fill(SqlClient db, JsonArray identities) {
        return db.preparedQuery("""
                update chem.molecules m
                set parent_inchikey = i.parent_inchikey, similarity_fp = fp.similarity,
                    similarity_bits = bit_count(fp.similarity), screen_fp = fp.screen
                from jsonb_to_recordset($1::jsonb) as i(id uuid, parent_inchikey text, similarity_fp text, screen_fp text)
                cross join lateral (select ('x' || i.similarity_fp)::bit(1024) as similarity,
                                           ('x' || i.screen_fp)::bit(1024) as screen) fp
                where m.id = i.id and m.similarity_fp is null""")
                .execute(Tuple.of(identities)).map(rows -> rows.rowCount());
    }

    /**
     * Replaces values CDK computed on the whole of a salt or mixture by the values of its parent:
     * only rows whose source is still 'cdk' (a curated or imported value stays), and removes computed
     * values the parent does not have (no XLogP without carbon).
     *
     * @param values  objects with molecule_id, name, value, unit, describes
     * @param removed objects with molecule_id, name
     * @return the molecules whose properties changed
     */
    public Uni<List<UUID>> recomputeProperties(SqlClient db, JsonArray values, JsonArray removed) {
        return db.preparedQuery("""
                with updated as (
                    update chem.molecule_properties p
                    set value = i.value, unit = i.unit, describes = i.describes, updated_at = now()
                    from jsonb_to_recordset($1::jsonb) as i(molecule_id uuid, name text, value float8, unit text, describes text)
                    where p.molecule_id = i.molecule_id and p.name = i.name and p.source = 'cdk'
                      and (p.value, p.unit, p.describes) is distinct from (i.value, i.unit, i.describes)
                    returning p.molecule_id),
                deleted as (
                    delete from chem.molecule_properties p
                    using jsonb_to_recordset($2::jsonb) as r(molecule_id uuid, name text)
                    where p.molecule_id = r.molecule_id and p.name = r.name and p.source = 'cdk'
                    returning p.molecule_id)
                select molecule_id from updated union select molecule_id from deleted""")
                .execute(Tuple.of(values, removed)).map(Rows::ids);
    }
}
