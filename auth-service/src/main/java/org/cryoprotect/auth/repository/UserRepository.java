package org.cryoprotect.auth.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class UserRepository {

    public record User(UUID id, String email, String passwordHash, String displayName, String role, boolean disabled) {
    }

    /** @return the new id, or empty when the email is taken (case-insensitively) */
    public Uni<Optional<UUID>> insert(SqlClient db, String email, String passwordHash, String displayName, String role) {
        return db.preparedQuery("insert into auth.users (email, password_hash, display_name, role) values ($1, $2, $3, $4) "
                + "on conflict (lower(email)) do nothing returning id")
                .execute(Tuple.of(email, passwordHash, displayName, role))
                .map(rows -> rows.size() == 0 ? Optional.<UUID>empty() : Optional.of(rows.iterator().next().getUUID("id")));
    }

    public Uni<Optional<User>> byEmail(SqlClient db, String email) {
        return db.preparedQuery("select * from auth.users where lower(email) = lower($1)").execute(Tuple.of(email))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toUser(rows.iterator().next())));
    }

    public Uni<Optional<User>> byId(SqlClient db, UUID id) {
        return db.preparedQuery("select * from auth.users where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toUser(rows.iterator().next())));
    }

    /** @return false when no such enabled user existed */
    public Uni<Boolean> disable(SqlClient db, UUID id) {
        return db.preparedQuery("update auth.users set disabled = true where id = $1 and not disabled")
                .execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    private static User toUser(Row row) {
        return new User(row.getUUID("id"), row.getString("email"), row.getString("password_hash"),
                row.getString("display_name"), row.getString("role"), row.getBoolean("disabled"));
    }
}
