package org.cryoprotect.auth.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class ClientRepository {

    public record Client(String clientId, String secretHash, List<String> scopes, List<String> audiences, String role,
            boolean enabled, OffsetDateTime createdAt) {
    }

    /** @return false when the client id is taken */
    public Uni<Boolean> insert(SqlClient db, String clientId, String secretHash, List<String> scopes, List<String> audiences) {
        return db.preparedQuery("insert into auth.service_clients (client_id, secret_hash, scopes, audiences) "
                + "values ($1, $2, $3, $4) on conflict do nothing")
                .execute(Tuple.of(clientId, secretHash, scopes.toArray(String[]::new), audiences.toArray(String[]::new)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Bootstrap: configuration is authoritative for the clients it names. */
    public Uni<Void> upsert(SqlClient db, String clientId, String secretHash, List<String> scopes, List<String> audiences) {
        return db.preparedQuery("insert into auth.service_clients (client_id, secret_hash, scopes, audiences) "
                + "values ($1, $2, $3, $4) on conflict (client_id) do update "
                + "set secret_hash = excluded.secret_hash, scopes = excluded.scopes, audiences = excluded.audiences")
                .execute(Tuple.of(clientId, secretHash, scopes.toArray(String[]::new), audiences.toArray(String[]::new)))
                .replaceWithVoid();
    }

    public Uni<Optional<Client>> find(SqlClient db, String clientId) {
        return db.preparedQuery("select * from auth.service_clients where client_id = $1").execute(Tuple.of(clientId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toClient(rows.iterator().next())));
    }

    public Uni<List<Client>> all(SqlClient db) {
        return db.query("select * from auth.service_clients order by client_id").execute().map(rows -> {
            List<Client> clients = new ArrayList<>();
            rows.forEach(row -> clients.add(toClient(row)));
            return clients;
        });
    }

    /** @return false when no such enabled client existed */
    public Uni<Boolean> disable(SqlClient db, String clientId) {
        return db.preparedQuery("update auth.service_clients set enabled = false, disabled_at = now() "
                + "where client_id = $1 and enabled").execute(Tuple.of(clientId)).map(rows -> rows.rowCount() == 1);
    }

    private static Client toClient(Row row) {
        return new Client(row.getString("client_id"), row.getString("secret_hash"),
                Arrays.asList(row.getArrayOfStrings("scopes")), Arrays.asList(row.getArrayOfStrings("audiences")),
                row.getString("role"), row.getBoolean("enabled"), row.getOffsetDateTime("created_at"));
    }
}
