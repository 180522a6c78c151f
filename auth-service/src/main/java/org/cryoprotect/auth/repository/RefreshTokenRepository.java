package org.cryoprotect.auth.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Refresh tokens are stored as digests, grouped in families that rotate together. */
@ApplicationScoped
public class RefreshTokenRepository {

    public record Presented(UUID familyId, UUID userId, String clientId, boolean used, boolean familyRevoked,
            boolean expired) {
    }

    public record LiveAccessToken(String jti, OffsetDateTime expiresAt) {
    }

    public Uni<UUID> newFamily(SqlClient db, UUID userId, String clientId, OffsetDateTime expiresAt) {
        return db.preparedQuery("insert into auth.refresh_token_families (user_id, client_id, expires_at) values ($1, $2, $3) returning id")
                .execute(Tuple.of(userId, clientId, expiresAt)).map(rows -> rows.iterator().next().getUUID("id"));
    }

    public Uni<Void> insert(SqlClient db, String tokenHash, UUID familyId, String accessJti, OffsetDateTime accessExpiresAt) {
        return db.preparedQuery("insert into auth.refresh_tokens (token_hash, family_id, access_jti, access_expires_at) "
                + "values ($1, $2, $3, $4)").execute(Tuple.of(tokenHash, familyId, accessJti, accessExpiresAt)).replaceWithVoid();
    }

    /** Locks the presented token's row: two concurrent uses of one token cannot both succeed. */
    public Uni<Optional<Presented>> lockPresented(SqlClient db, String tokenHash) {
        return db.preparedQuery("""
                select f.id as family_id, f.user_id, f.client_id, t.used_at is not null as used,
                       f.revoked_at is not null as family_revoked, f.expires_at < now() as expired
                from auth.refresh_tokens t join auth.refresh_token_families f on f.id = t.family_id
                where t.token_hash = $1 for update of t, f""")
                .execute(Tuple.of(tokenHash))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toPresented(rows.iterator().next())));
    }

    public Uni<Void> markUsed(SqlClient db, String tokenHash) {
        return db.preparedQuery("update auth.refresh_tokens set used_at = now() where token_hash = $1")
                .execute(Tuple.of(tokenHash)).replaceWithVoid();
    }

    /** Revokes the family and returns the access tokens it issued that have not expired yet. */
    public Uni<List<LiveAccessToken>> revokeFamily(SqlClient db, UUID familyId) {
        return db.preparedQuery("update auth.refresh_token_families set revoked_at = coalesce(revoked_at, now()) where id = $1")
                .execute(Tuple.of(familyId))
                .chain(() -> db.preparedQuery("select access_jti, access_expires_at from auth.refresh_tokens "
                        + "where family_id = $1 and access_expires_at > now()").execute(Tuple.of(familyId)))
                .map(rows -> {
                    List<LiveAccessToken> live = new ArrayList<>();
                    rows.forEach(row -> live.add(new LiveAccessToken(row.getString("access_jti"),
                            row.getOffsetDateTime("access_expires_at"))));
                    return live;
                });
    }

    /** Ends every refresh-token family of the user. */
    public Uni<Void> revokeFamiliesOf(SqlClient db, UUID userId) {
        return db.preparedQuery("update auth.refresh_token_families set revoked_at = now() where user_id = $1 and revoked_at is null")
                .execute(Tuple.of(userId)).replaceWithVoid();
    }

    private static Presented toPresented(Row row) {
        return new Presented(row.getUUID("family_id"), row.getUUID("user_id"), row.getString("client_id"),
                row.getBoolean("used"), row.getBoolean("family_revoked"), row.getBoolean("expired"));
    }
}
