package org.cryoprotect.molecule.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.molecule.model.Page;
import org.cryoprotect.molecule.model.Toxicity;
import org.cryoprotect.molecule.model.ToxicitySearch;
import org.cryoprotect.molecule.model.ToxicitySummary;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class ToxicityRepository {

    private static final String COLUMNS = "t.id, t.molecule_id, t.endpoint, t.species, t.route, t.value, t.unit, "
            + "t.normalized_value, t.normalized_unit, t.source, t.reference, t.created_by, t.created_at";

    public Uni<Page<Toxicity>> search(SqlClient db, ToxicitySearch search, int limit, Cursor after) {
        Sql sql = new Sql()
                .andIf(search.moleculeId() != null, "t.molecule_id = ?", search.moleculeId())
                .andIf(search.endpoint() != null, "t.endpoint = ?", search.endpoint())
                .andIf(search.species() != null, "t.species = ?", search.species())
                .andIf(search.route() != null, "t.route = ?", search.route())
                .andIf(search.maxValue() != null, "t.normalized_value <= ?", search.maxValue())
                .andIf(after != null, "t.id > ?", after == null ? null : after.id());
        String query = "select " + COLUMNS + " from chem.toxicity t where " + sql.where()
                + " order by t.id limit " + sql.param(limit + 1);
        return db.preparedQuery(query).execute(sql.tuple())
                .map(rows -> Rows.page(rows, limit, ToxicityRepository::toToxicity, t -> new Cursor("", t.id())));
    }

    public Uni<List<ToxicitySummary>> summary(SqlClient db, UUID moleculeId) {
        return db.preparedQuery("""
                select endpoint, species, route, coalesce(normalized_unit, unit) as unit, count(*) as n,
                       min(coalesce(normalized_value, value)) as min, max(coalesce(normalized_value, value)) as max,
                       percentile_cont(0.5) within group (order by coalesce(normalized_value, value)) as median
                from chem.toxicity where molecule_id = $1
                group by endpoint, species, route, coalesce(normalized_unit, unit)
                order by endpoint, species nulls first, route nulls first""")
                .execute(Tuple.of(moleculeId))
                .map(rows -> {
                    List<ToxicitySummary> summary = new ArrayList<>();
                    rows.forEach(row -> summary.add(new ToxicitySummary(row.getString("endpoint"), row.getString("species"),
                            row.getString("route"), row.getString("unit"), row.getLong("n"), row.getDouble("min"),
                            row.getDouble("max"), row.getDouble("median"))));
                    return summary;
                });
    }

    public Uni<Toxicity> insert(SqlClient db, UUID moleculeId, String endpoint, String species, String route, double value,
            String unit, Double normalizedValue, String normalizedUnit, String source, String reference, UUID createdBy) {
        return db.preparedQuery("insert into chem.toxicity as t (molecule_id, endpoint, species, route, value, unit, "
                + "normalized_value, normalized_unit, source, reference, created_by) "
                + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {moleculeId, endpoint, species, route, value, unit, normalizedValue,
                        normalizedUnit, source, reference, createdBy}))
                .map(rows -> toToxicity(rows.iterator().next()));
    }

    public Uni<Optional<Toxicity>> find(SqlClient db, UUID id) {
        return db.preparedQuery("select " + COLUMNS + " from chem.toxicity t where t.id = $1").execute(Tuple.of(id))
                .map(rows -> Rows.first(rows).map(ToxicityRepository::toToxicity));
    }

    /** @return whether the row was visible and changeable for the caller */
    public Uni<Boolean> update(SqlClient db, Toxicity t) {
        return db.preparedQuery("""
                update chem.toxicity set endpoint = $2, species = $3, route = $4, value = $5, unit = $6,
                    normalized_value = $7, normalized_unit = $8, reference = $9
                where id = $1""")
                .execute(Tuple.from(new Object[] {t.id(), t.endpoint(), t.species(), t.route(), t.value(), t.unit(),
                        t.normalizedValue(), t.normalizedUnit(), t.reference()}))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Boolean> delete(SqlClient db, UUID id) {
        return db.preparedQuery("delete from chem.toxicity where id = $1").execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    static Toxicity toToxicity(Row row) {
        return new Toxicity(row.getUUID("id"), row.getUUID("molecule_id"), row.getString("endpoint"),
                row.getString("species"), row.getString("route"), row.getDouble("value"), row.getString("unit"),
                row.getDouble("normalized_value"), row.getString("normalized_unit"), row.getString("source"),
                row.getString("reference"), row.getUUID("created_by"), row.getOffsetDateTime("created_at"));
    }
}
