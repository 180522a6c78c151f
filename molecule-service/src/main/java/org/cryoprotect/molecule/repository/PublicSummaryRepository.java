package org.cryoprotect.molecule.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.molecule.model.Page;
import org.cryoprotect.molecule.model.PublicMolecule;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;

/** The materialized view public_molecules_summary: precomputed, refreshed concurrently. */
@ApplicationScoped
public class PublicSummaryRepository {

    public Uni<Page<PublicMolecule>> list(SqlClient db, String text, int limit, Cursor after) {
        Sql sql = new Sql()
                .andIf(text != null, "s.name ilike ?", text == null ? null : Sql.likePattern(text))
                .andIf(after != null, "(s.name, s.id) > (?, ?)", after == null ? null : after.key(), after == null ? null : after.id());
        return db.preparedQuery("select s.id, s.name, s.formula, s.inchikey, s.pubchem_cid, s.chembl_id, s.molecular_weight, "
                + "s.xlogp, s.tpsa from chem.public_molecules_summary s where " + sql.where()
                + " order by s.name, s.id limit " + sql.param(limit + 1))
                .execute(sql.tuple())
                .map(rows -> Rows.page(rows, limit, PublicSummaryRepository::toPublic, m -> new Cursor(m.name(), m.id())));
    }

    private static PublicMolecule toPublic(Row row) {
        return new PublicMolecule(row.getUUID("id"), row.getString("name"), row.getString("formula"), row.getString("inchikey"),
                row.getLong("pubchem_cid"), row.getString("chembl_id"), row.getDouble("molecular_weight"),
                row.getDouble("xlogp"), row.getDouble("tpsa"));
    }
}
