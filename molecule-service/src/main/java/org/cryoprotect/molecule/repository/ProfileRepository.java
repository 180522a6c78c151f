package org.cryoprotect.molecule.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.molecule.model.Profile;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** What team-mates see of a user: the name they chose. Users themselves live in auth-service. */
@ApplicationScoped
public class ProfileRepository {

    public Uni<Optional<Profile>> find(SqlClient db, UUID id) {
        return db.preparedQuery("select id, display_name from chem.user_profiles where id = $1").execute(Tuple.of(id))
                .map(rows -> Rows.first(rows).map(row -> new Profile(row.getUUID("id"), row.getString("display_name"))));
    }

    public Uni<Void> save(SqlClient db, UUID id, String displayName) {
        return db.preparedQuery("insert into chem.user_profiles (id, display_name) values ($1, $2) "
                + "on conflict (id) do update set display_name = excluded.display_name")
                .execute(Tuple.of(id, displayName)).replaceWithVoid();
    }
}
