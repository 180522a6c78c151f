package org.cryoprotect.auth.repository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.auth.service.RevocationEvent;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class RevocationRepository {

    /** Appends an event; each replica's poller publishes it to the services following the feed. */
    public Uni<RevocationEvent> append(SqlClient db, String type, String value, OffsetDateTime expiresAt,
            OffsetDateTime notBefore, String reason) {
        return db.preparedQuery("""
                with added as (
                    insert into auth.revocations (type, value, expires_at, not_before, reason)
                    values ($1, $2, $3, $4, $5) returning seq, type, value, expires_at, not_before)
                select * from added""")
                .execute(Tuple.of(type, value, expiresAt, notBefore, reason))
                .map(rows -> toEvent(rows.iterator().next()));
    }

    /**
     * Events after {@code since} that can still matter: token revocations until the token expires,
     * not-before marks while a token issued before them could be alive, key changes briefly.
     */
    public Uni<List<RevocationEvent>> since(SqlClient db, long since, Duration longestTokenLifetime) {
        return db.preparedQuery("""
                select seq, type, value, expires_at, not_before from auth.revocations
                where seq > $1
                  and case type when 'token' then expires_at > now()
                                when 'keys' then created_at > now() - interval '10 minutes'
                                else not_before > now() - make_interval(secs => $2) end
                order by seq""")
                .execute(Tuple.of(since, (double) longestTokenLifetime.toSeconds() + 60))
                .map(rows -> {
                    List<RevocationEvent> events = new ArrayList<>();
                    rows.forEach(row -> events.add(toEvent(row)));
                    return events;
                });
    }

    /**
     * What a poller has not seen: events after {@code since}, plus the last few seconds' events,
     * because a transaction that took a lower sequence number may commit after a higher one.
     */
    public Uni<List<RevocationEvent>> recent(SqlClient db, long since) {
        return db.preparedQuery("""
                select seq, type, value, expires_at, not_before from auth.revocations
                where seq > $1 or created_at > now() - interval '5 seconds' order by seq""")
                .execute(Tuple.of(since))
                .map(rows -> {
                    List<RevocationEvent> events = new ArrayList<>();
                    rows.forEach(row -> events.add(toEvent(row)));
                    return events;
                });
    }

    public Uni<Boolean> isTokenRevoked(SqlClient db, String jti) {
        return db.preparedQuery("select exists (select 1 from auth.revocations where type = 'token' and value = $1)")
                .execute(Tuple.of(jti)).map(rows -> rows.iterator().next().getBoolean(0));
    }

    private static RevocationEvent toEvent(Row row) {
        OffsetDateTime expiresAt = row.getOffsetDateTime("expires_at");
        OffsetDateTime notBefore = row.getOffsetDateTime("not_before");
        return new RevocationEvent(row.getLong("seq"), row.getString("type"), row.getString("value"),
                expiresAt == null ? null : expiresAt.toEpochSecond(), notBefore == null ? null : notBefore.toEpochSecond());
    }
}
