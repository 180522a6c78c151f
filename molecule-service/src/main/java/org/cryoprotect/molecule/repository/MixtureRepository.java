package org.cryoprotect.molecule.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.molecule.model.Mixture;
import org.cryoprotect.molecule.model.Page;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class MixtureRepository {

    private static final String COLUMNS = """
            x.id, x.name, x.description, x.reference, x.is_public, x.created_by, x.created_at, x.updated_at,
            coalesce((select json_agg(json_build_object('molecule_id', c.molecule_id, 'molecule_name', m.name,
                        'concentration', c.concentration, 'unit', c.unit,
                        'concentration_mol_per_l', c.concentration_mol_per_l, 'role', c.role) order by m.name)
                      from chem.mixture_components c join chem.molecules m on m.id = c.molecule_id
                      where c.mixture_id = x.id), '[]') as components""";

    public Uni<Page<Mixture>> list(SqlClient db, String text, int limit, Cursor after) {
        Sql sql = new Sql()
                .andIf(text != null, "x.name ilike ?", text == null ? null : Sql.likePattern(text))
                .andIf(after != null, "(x.name, x.id) > (?, ?)", after == null ? null : after.key(), after == null ? null : after.id());
        return db.preparedQuery("select " + COLUMNS + " from chem.mixtures x where " + sql.where()
                + " order by x.name, x.id limit " + sql.param(limit + 1))
                .execute(sql.tuple())
                .map(rows -> Rows.page(rows, limit, MixtureRepository::toMixture, m -> new Cursor(m.name(), m.id())));
    }

    public Uni<Optional<Mixture>> find(SqlClient db, UUID id) {
        return db.preparedQuery("select " + COLUMNS + " from chem.mixtures x where x.id = $1").execute(Tuple.of(id))
                .map(rows -> Rows.first(rows).map(MixtureRepository::toMixture));
    }

    public Uni<UUID> insert(SqlClient db, String name, String description, String reference, boolean isPublic, UUID createdBy) {
        return db.preparedQuery("insert into chem.mixtures (name, description, reference, is_public, created_by) "
                + "values ($1, $2, $3, $4, $5) returning id")
                .execute(Tuple.of(name, description, reference, isPublic, createdBy))
                .map(rows -> rows.iterator().next().getUUID("id"));
    }

    public Uni<Boolean> update(SqlClient db, UUID id, String name, String description, String reference, Boolean isPublic) {
        return db.preparedQuery("""
                update chem.mixtures set name = coalesce($2, name), description = coalesce($3, description),
                    reference = coalesce($4, reference), is_public = coalesce($5, is_public), updated_at = now()
                where id = $1""")
                .execute(Tuple.of(id, name, description, reference, isPublic)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Boolean> delete(SqlClient db, UUID id) {
        return db.preparedQuery("delete from chem.mixtures where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 1);
    }

    /** @param components objects with molecule_id, concentration, unit, concentration_mol_per_l, role */
    public Uni<Void> replaceComponents(SqlClient db, UUID mixtureId, JsonArray components) {
        return db.preparedQuery("delete from chem.mixture_components where mixture_id = $1").execute(Tuple.of(mixtureId))
                .chain(() -> db.preparedQuery("""
                        insert into chem.mixture_components (mixture_id, molecule_id, concentration, unit, concentration_mol_per_l, role)
                        select $1, molecule_id, concentration, unit, concentration_mol_per_l, role
                        from jsonb_to_recordset($2::jsonb) as r(molecule_id uuid, concentration float8, unit text,
                             concentration_mol_per_l float8, role text)""")
                        .execute(Tuple.of(mixtureId, components)))
                .replaceWithVoid();
    }

    private static Mixture toMixture(Row row) {
        List<Mixture.Component> components = new ArrayList<>();
        ((JsonArray) row.getValue("components")).forEach(item -> {
            JsonObject c = (JsonObject) item;
            components.add(new Mixture.Component(UUID.fromString(c.getString("molecule_id")), c.getString("molecule_name"),
                    c.getDouble("concentration"), c.getString("unit"), c.getDouble("concentration_mol_per_l"),
                    c.getString("role")));
        });
        return new Mixture(row.getUUID("id"), row.getString("name"), row.getString("description"), row.getString("reference"),
                row.getBoolean("is_public"), row.getUUID("created_by"), components, row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"));
    }
}
