package org.cryoprotect.web.session;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** SQL of table web.sessions, nothing else; the caller holds the connection or transaction. */
@ApplicationScoped
public class SessionRepository {

    private static final String COLUMNS = "id_hash, user_id, display_name, access_token, access_expires_at, refresh_token, "
            + "csrf_token, last_seen_at, expires_at";

    public Uni<Void> insert(SqlClient db, WebSession s) {
        return db.preparedQuery("insert into web.sessions (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.tuple().addValue(io.vertx.core.buffer.Buffer.buffer(s.idHash())).addValue(s.userId()).addValue(s.displayName())
                        .addValue(s.accessToken()).addValue(utc(s.accessExpiresAt())).addValue(s.refreshToken())
                        .addValue(s.csrfToken()).addValue(utc(s.lastSeenAt())).addValue(utc(s.expiresAt())))
                .replaceWithVoid();
    }

    /** A live session (within both timeouts), marked as seen now. */
    public Uni<Optional<WebSession>> touch(SqlClient db, byte[] idHash, java.time.Duration idle) {
        return db.preparedQuery("update web.sessions set last_seen_at = now() where id_hash = $1 and expires_at > now() "
                + "and last_seen_at > now() - make_interval(secs => $2) returning " + COLUMNS)
                .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(idHash), (double) idle.toSeconds()))
                .map(SessionRepository::first);
    }

    /** The row, locked for this transaction: one refresh at a time per session. */
    public Uni<Optional<WebSession>> lock(SqlClient db, byte[] idHash) {
        return db.preparedQuery("select " + COLUMNS + " from web.sessions where id_hash = $1 for update")
                .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(idHash))).map(SessionRepository::first);
    }

    public Uni<Void> updateTokens(SqlClient db, WebSession s) {
        return db.preparedQuery("update web.sessions set access_token = $2, access_expires_at = $3, refresh_token = $4 where id_hash = $1")
                .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(s.idHash()), s.accessToken(), utc(s.accessExpiresAt()), s.refreshToken()))
                .replaceWithVoid();
    }

    public Uni<Boolean> delete(SqlClient db, byte[] idHash) {
        return db.preparedQuery("delete from web.sessions where id_hash = $1").execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(idHash)))
                .map(rows -> rows.rowCount() > 0);
    }

    /** Sessions past either timeout. */
    public Uni<Integer> deleteExpired(SqlClient db, java.time.Duration idle) {
        return db.preparedQuery("delete from web.sessions where expires_at <= now() or last_seen_at <= now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) idle.toSeconds())).map(RowSet::rowCount);
    }

    private static Optional<WebSession> first(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Optional.empty();
        }
        Row r = rows.iterator().next();
        return Optional.of(new WebSession(r.getBuffer("id_hash").getBytes(), r.getUUID("user_id"), r.getString("display_name"),
                r.getString("access_token"), r.getOffsetDateTime("access_expires_at").toInstant(), r.getString("refresh_token"),
                r.getString("csrf_token"), r.getOffsetDateTime("last_seen_at").toInstant(),
                r.getOffsetDateTime("expires_at").toInstant()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
