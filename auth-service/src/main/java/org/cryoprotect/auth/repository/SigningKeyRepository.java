package org.cryoprotect.auth.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class SigningKeyRepository {

    public record StoredKey(String kid, String state, JsonObject publicJwk, byte[] encryptedPrivateKey,
            OffsetDateTime activatedAt, OffsetDateTime retireAfter) {
    }

    /** Keys that are or may soon be in use: next, active, and retired ones still within their grace. */
    public Uni<List<StoredKey>> published(SqlClient db) {
        return db.query("select kid, state, public_jwk, private_key, activated_at, retire_after from auth.signing_keys "
                + "where state in ('next', 'active', 'retired') order by created_at").execute()
                .map(rows -> {
                    List<StoredKey> keys = new ArrayList<>();
                    rows.forEach(row -> {
                        Buffer privateKey = row.getBuffer("private_key");
                        keys.add(new StoredKey(row.getString("kid"), row.getString("state"), (JsonObject) row.getValue("public_jwk"),
                                privateKey == null ? null : privateKey.getBytes(), row.getOffsetDateTime("activated_at"),
                                row.getOffsetDateTime("retire_after")));
                    });
                    return keys;
                });
    }

    public Uni<Void> insert(SqlClient db, String kid, String state, JsonObject publicJwk, byte[] encryptedPrivateKey) {
        return db.preparedQuery("insert into auth.signing_keys (kid, state, public_jwk, private_key, activated_at) "
                + "values ($1, $2, $3, $4, case when $2 = 'active' then now() end)")
                .execute(Tuple.of(kid, state, publicJwk, io.vertx.core.buffer.Buffer.buffer(encryptedPrivateKey))).replaceWithVoid();
    }

    /** active → retired (published until retireAfter), next → active. */
    public Uni<Void> promoteNext(SqlClient db, OffsetDateTime retireAfter) {
        return db.preparedQuery("update auth.signing_keys set state = 'retired', retired_at = now(), retire_after = $1 "
                        + "where state = 'active'").execute(Tuple.of(retireAfter))
                .chain(() -> db.query("update auth.signing_keys set state = 'active', activated_at = now() where state = 'next'")
                        .execute())
                .replaceWithVoid();
    }

    /** Retired keys past their grace leave the JWKS for good; their private half is destroyed. */
    public Uni<Integer> expireRetired(SqlClient db) {
        return db.query("update auth.signing_keys set state = 'expired', private_key = null "
                + "where state = 'retired' and retire_after < now()").execute().map(rows -> rows.rowCount());
    }

    /** Serializes key changes across replicas for the rest of the transaction. */
    public Uni<Void> lock(SqlClient db) {
        return db.query("select pg_advisory_xact_lock(hashtext('cryo.auth.signing_keys'))").execute().replaceWithVoid();
    }
}
