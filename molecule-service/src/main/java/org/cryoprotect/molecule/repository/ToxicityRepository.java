package org.cryoprotect.molecule.repository;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.molecule.model.Page;
import org.cryoprotect.molecule.model.Toxicity;
import org.cryoprotect.molecule.model.ToxicitySearch;
import org.cryoprotect.molecule.model.ToxicitySummary;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Toxicity measurements and their statistics. Every call runs inside the caller's RLS transaction. */
@ApplicationScoped
public class ToxicityRepository {

    private static final String COLUMNS = "t.id, t.molecule_id, t.endpoint, t.relation, t.value, t.unit, t.normalized_value, "
            + "t.normalized_unit, t.normalization_note, t.species, t.species_reported, t.route, t.route_reported, t.exposure, "
            + "t.exposure_hours, t.original_text, t.source, t.source_record, t.reference, t.unparsed_reason, t.details, "
            + "t.created_by, t.created_at";
    /** The columns a measurement's content fills (MeasurementColumns), in table order. */
    static final String MEASUREMENT = "endpoint, relation, value, unit, normalized_value, normalized_unit, normalization_note, "
            + "species, species_reported, route, route_reported, exposure, exposure_hours";

    public Uni<Page<Toxicity>> search(SqlClient db, ToxicitySearch search, int limit, Cursor after) {
        Sql sql = new Sql()
                .andIf(search.moleculeId() != null, "t.molecule_id = ?", search.moleculeId())
                .andIf(search.endpoint() != null, "t.endpoint = ?", search.endpoint())
                .andIf(search.species() != null, "t.species = ?", search.species())
                .andIf(search.route() != null, "t.route = ?", search.route())
                .andIf(search.maxValue() != null, "t.normalized_value <= ?", search.maxValue())
                .andIf(search.source() != null, "t.source = ?", search.source())
                .andIf(search.parsed() != null, search.parsed() == Boolean.TRUE ? "t.unparsed_reason is null"
                        : "t.unparsed_reason is not null")
                .andIf(after != null, "t.id > ?", after == null ? null : after.id());
        String query = "select " + COLUMNS + " from chem.toxicity t where " + sql.where()
                + " order by t.id limit " + sql.param(limit + 1);
        return db.preparedQuery(query).execute(sql.tuple())
                .map(rows -> Rows.page(rows, limit, ToxicityRepository::toToxicity, t -> new Cursor("", t.id())));
    }

    /** Empty when the molecule is not visible. */
    public Uni<Optional<ToxicitySummary>> summary(SqlClient db, UUID moleculeId) {
        return db.preparedQuery("select m.id, " + ToxicityStatsJson.COUNTS + ", " + ToxicityStatsJson.groups(null)
                        + "::text as groups from chem.molecules m where m.id = $1")
                .execute(Tuple.of(moleculeId))
                .map(rows -> Rows.first(rows).map(row -> new ToxicitySummary(row.getUUID("id"), row.getLong("measurements"),
                        row.getLong("unparsed"), ToxicityStatsJson.decodeGroups(row.getString("groups")))));
    }

    /**
     * A measurement recorded by hand or from the literature.
     *
     * @param measurement the {@link #MEASUREMENT} columns
     */
    public Uni<Toxicity> insert(SqlClient db, UUID moleculeId, JsonObject measurement, String source, String reference,
            UUID createdBy) {
        return db.preparedQuery("insert into chem.toxicity as t (molecule_id, " + MEASUREMENT + ", source, reference, created_by) "
                        + "select $1, " + MEASUREMENT + ", $3, $4, $5 from jsonb_populate_record(null::chem.toxicity, $2::jsonb) "
                        + "returning " + COLUMNS)
                .execute(Tuple.of(moleculeId, measurement, source, reference, createdBy))
                .map(rows -> toToxicity(rows.iterator().next()));
    }

    public Uni<Optional<Toxicity>> find(SqlClient db, UUID id) {
        return db.preparedQuery("select " + COLUMNS + " from chem.toxicity t where t.id = $1").execute(Tuple.of(id))
                .map(rows -> Rows.first(rows).map(ToxicityRepository::toToxicity));
    }

    /**
     * Rewrites a measurement's content (never its provenance).
     *
     * @return whether the row was visible and changeable for the caller
     */
    public Uni<Boolean> update(SqlClient db, UUID id, JsonObject measurement, String reference) {
        return db.preparedQuery("update chem.toxicity t set (" + MEASUREMENT + ", reference) = (select " + MEASUREMENT
                        + ", $3 from jsonb_populate_record(null::chem.toxicity, $2::jsonb)) where t.id = $1")
                .execute(Tuple.of(id, measurement, reference))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Boolean> delete(SqlClient db, UUID id) {
        return db.preparedQuery("delete from chem.toxicity where id = $1").execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    static Toxicity toToxicity(Row row) {
        Object details = row.getValue("details");
        Map<String, Object> detailMap = details instanceof JsonObject json ? json.getMap() : null;
        return new Toxicity(row.getUUID("id"), row.getUUID("molecule_id"), row.getString("endpoint"), row.getString("relation"),
                row.getDouble("value"), row.getString("unit"), row.getDouble("normalized_value"), row.getString("normalized_unit"),
                row.getString("normalization_note"), row.getString("species"), row.getString("species_reported"),
                row.getString("route"), row.getString("route_reported"), row.getString("exposure"),
                row.getDouble("exposure_hours"), row.getString("original_text"), row.getString("source"),
                row.getString("source_record"), row.getString("reference"), row.getString("unparsed_reason"), detailMap,
                row.getUUID("created_by"), row.getOffsetDateTime("created_at"));
    }
}
