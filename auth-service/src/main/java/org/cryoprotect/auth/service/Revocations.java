package org.cryoprotect.auth.service;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.cryoprotect.common.db.Database;
import org.cryoprotect.auth.AuthConfig;
import org.cryoprotect.auth.repository.RevocationRepository;
import org.cryoprotect.common.security.DenyList;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Writes revocations to the database (the source of truth, so they survive restarts) and
 * publishes them: to this replica's own deny-list and to every service following the feed. Each
 * replica polls the table by sequence number, so a revocation made on any replica reaches the
 * followers of all of them; a write on this replica triggers an immediate poll.
 */
@ApplicationScoped
public class Revocations {

    private static final Logger LOG = Logger.getLogger(Revocations.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private final Database database;
    private final RevocationRepository repository;
    private final DenyList denyList;
    private final AuthConfig config;
    private final Vertx vertx;
    private final BroadcastProcessor<RevocationEvent> live = BroadcastProcessor.create();
    private final AtomicLong lastSeen = new AtomicLong(-1);
    private final AtomicBoolean polling = new AtomicBoolean();
    /** Sequence numbers published in the last half minute, so the poll's look-back repeats nothing. */
    private final Map<Long, Long> published = new ConcurrentHashMap<>();
    private final Counter revoked;
    private long timer = -1;

    public Revocations(Database database, RevocationRepository repository, DenyList denyList, AuthConfig config, Vertx vertx,
            MeterRegistry metrics) {
        this.database = database;
        this.repository = repository;
        this.denyList = denyList;
        this.config = config;
        this.vertx = vertx;
        this.revoked = Counter.builder("cryo.auth.revocations").description("Revocation events written").register(metrics);
    }

    void start(@Observes StartupEvent start) {
        // Everything still relevant goes into this replica's deny-list before the first request.
        database.read(db -> repository.since(db, 0, config.longestTokenLifetime()))
                .invoke(events -> events.forEach(this::applyLocally))
                .invoke(events -> lastSeen.set(events.isEmpty() ? 0 : events.get(events.size() - 1).seq()))
                .chain(() -> database.read(db -> db.query("select coalesce(max(seq), 0) from auth.revocations").execute()))
                .invoke(rows -> lastSeen.accumulateAndGet(rows.iterator().next().getLong(0), Math::max))
                .await().atMost(Duration.ofSeconds(60));
        timer = vertx.setPeriodic(POLL.toMillis(), id -> poll());
    }

    void stop(@Observes ShutdownEvent stop) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        live.onComplete();
    }

    public Uni<RevocationEvent> revokeToken(SqlClient db, String jti, Instant expiresAt, String reason) {
        return append(db, "token", jti, expiresAt, null, reason);
    }

    public Uni<RevocationEvent> revokeClient(SqlClient db, String clientId, String reason) {
        return append(db, "client", clientId, null, Instant.now(), reason);
    }

    public Uni<RevocationEvent> revokeSubject(SqlClient db, String subject, String reason) {
        return append(db, "subject", subject, null, Instant.now(), reason);
    }

    public Uni<Void> keysChanged(SqlClient db) {
        return append(db, "keys", "jwks", null, null, "signing keys changed").replaceWithVoid();
    }

    /** Catch-up from {@code since}, then live events as they happen, with heartbeats in between. */
    public Multi<RevocationEvent> feed(long since) {
        Multi<RevocationEvent> catchUp = database.read(db -> repository.since(db, since, config.longestTokenLifetime()))
                .onItem().transformToMulti(events -> Multi.createFrom().iterable(events));
        Multi<RevocationEvent> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT).map(tick -> RevocationEvent.heartbeat());
        return Multi.createBy().merging().streams(live, catchUp, heartbeats);
    }

    public Uni<List<RevocationEvent>> since(long since) {
        return database.read(db -> repository.since(db, since, config.longestTokenLifetime()));
    }

    private Uni<RevocationEvent> append(SqlClient db, String type, String value, Instant expiresAt, Instant notBefore,
            String reason) {
        return repository.append(db, type, value, utc(expiresAt), utc(notBefore), reason)
                .invoke(event -> {
                    revoked.increment();
                    applyLocally(event);
                    // after the transaction commits, the poll picks it up for the followers
                    vertx.setTimer(1, id -> poll());
                    vertx.setTimer(50, id -> poll());
                });
    }

    private void poll() {
        if (lastSeen.get() < 0 || !polling.compareAndSet(false, true)) {
            return;
        }
        database.read(db -> repository.recent(db, lastSeen.get()))
                .subscribe().with(events -> {
                    long now = System.currentTimeMillis();
                    published.values().removeIf(at -> now - at > 30_000);
                    for (RevocationEvent event : events) {
                        if (published.putIfAbsent(event.seq(), now) == null) {
                            applyLocally(event);
                            live.onNext(event);
                        }
                        lastSeen.accumulateAndGet(event.seq(), Math::max);
                    }
                    polling.set(false);
                }, failure -> {
                    polling.set(false);
                    LOG.debugf("Polling revocations failed: %s", failure.getMessage());
                });
    }

    private void applyLocally(RevocationEvent event) {
        denyList.apply(event.type(), event.value(), event.expiresAt(), event.notBefore());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
