package org.cryoprotect.importer.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.importer.ImportConfig;
import org.cryoprotect.importer.metrics.ImportMetrics;
import org.jboss.logging.Logger;

import org.cryoprotect.common.db.Database;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One rate limiter per upstream, kept in PostgreSQL so that every worker of every replica draws
 * from the same one. A request first reserves the next free slot (GCRA: slots evenly spaced, no
 * bursts) and sleeps until it; then the sliding window admits it only if fewer than the
 * per-second limit are in the last second (plus a margin), counting requests still on their way.
 * The reservation paces; the window guarantees: a request that left late cannot make the next
 * on-time one the sixth in PubChem's one-second window. Throttling signals scale the rate down and
 * pause everyone; healthy responses bring it back step by step.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    /** The rate never drops below this share of the configured one. */
    private static final double MIN_FACTOR = 0.05;

    private static final String RESERVE = """
            update importer.rate_limits
               set next_slot = greatest(next_slot, clock_timestamp(), paused_until) + make_interval(secs => $2 / factor),
                   updated_at = now()
             where upstream = $1
            returning extract(epoch from next_slot - make_interval(secs => $2 / factor) - clock_timestamp()) * 1000, factor""";
    /**
     * Admits the request when fewer than the per-second limit are in the window: left within it,
     * or not answered yet (a request that left earlier may not have arrived: PubChem counts
     * arrivals). A replica's first requests travel cold paths (class loading, new connections), so
     * they count until they were answered plus the window. Nothing is admitted during a pause.
     */
    private static final String DEPART = """
            insert into importer.rate_limit_flights (upstream, cautious)
            select $1, $4 from importer.rate_limits l
             where l.upstream = $1 and l.paused_until <= clock_timestamp()
               and (select count(*) from importer.rate_limit_flights f
                     where f.upstream = $1 and f.departed_at > clock_timestamp() - interval '60 seconds'
                       and (f.departed_at > clock_timestamp() - make_interval(secs => $3) or f.landed_at is null
                            or f.cautious and f.landed_at > clock_timestamp() - make_interval(secs => $3))) < $2
            returning id""";
    private static final String LANDED = "update importer.rate_limit_flights set landed_at = clock_timestamp() where id = $1";
    /** Requests of a replica that count as cold (see DEPART). */
    private static final int COLD_REQUESTS = 10;
    private static final String ADJUST = """
            update importer.rate_limits
               set factor = least(1, greatest($4, factor * $2 + $3)),
                   paused_until = greatest(paused_until, clock_timestamp() + make_interval(secs => $5)),
                   updated_at = now()
             where upstream = $1
            returning factor""";

    private final Database db;
    private final ImportConfig config;
    private final ImportMetrics metrics;
    /** Last factor seen per upstream: healthy responses at full rate need no write. */
    private final Map<String, Double> factors = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();

    public RateLimiter(Database db, ImportConfig config, ImportMetrics metrics) {
        this.db = db;
        this.config = config;
        this.metrics = metrics;
    }

    /** Sends {@code request} once the limiter lets it leave, and tells the limiter when it was answered. */
    public <T> Uni<T> limited(String upstream, Supplier<Uni<T>> request) {
        long start = System.nanoTime();
        return depart(upstream)
                .invoke(() -> metrics.rateLimiterWait(upstream, System.nanoTime() - start))
                .chain(flight -> request.get().onTermination().call(() -> landed(flight)));
    }

    /** The flight id of an admitted request. */
    private Uni<Long> depart(String upstream) {
        // Repeating a reservation after a lost commit only costs a slot.
        return db.idempotentTransaction(tx -> tx.preparedQuery(RESERVE).execute(Tuple.of(upstream, intervalSeconds(upstream))))
                .map(rows -> rows.iterator().next())
                .invoke(row -> factors.put(upstream, row.getDouble(1)))
                .chain(row -> sleep(row.getDouble(0)))
                .chain(() -> db.transaction(tx -> tx.preparedQuery(DEPART).execute(Tuple.of(upstream,
                        perSecond(upstream), windowSeconds(upstream), sent.incrementAndGet() <= COLD_REQUESTS))))
                // not admitted (the window is full, or a Retry-After began meanwhile): take a new slot
                .chain(rows -> rows.rowCount() == 1 ? Uni.createFrom().item(rows.iterator().next().getLong(0))
                        : depart(upstream));
    }

    private Uni<Void> landed(long flight) {
        return db.idempotentTransaction(tx -> tx.preparedQuery(LANDED).execute(Tuple.of(flight)))
                .onFailure().recoverWithNull().replaceWithVoid(); // a flight never landed stops counting after 60 s
    }

    public Uni<Void> adjust(String upstream, RateAdjustment adjustment) {
        if (adjustment.changesNothing()
                || adjustment.multiply() == 1 && adjustment.pause().isZero() && factors.getOrDefault(upstream, 1.0) >= 1) {
            return Uni.createFrom().voidItem();
        }
        // Repeating after a lost commit slows down twice: harmless.
        return db.idempotentTransaction(tx -> tx.preparedQuery(ADJUST)
                .execute(Tuple.of(upstream, adjustment.multiply(), adjustment.add(), MIN_FACTOR)
                        .addDouble(adjustment.pause().toMillis() / 1000.0)))
                .map(rows -> rows.iterator().next().getDouble(0))
                .invoke(factor -> {
                    if (adjustment.slowsDown()) {
                        LOG.infof("%s: slowing down to %.0f%% of the configured rate%s", upstream, factor * 100,
                                adjustment.pause().isZero() ? "" : ", pausing " + adjustment.pause().toMillis() + " ms");
                    }
                    factors.put(upstream, factor);
                    metrics.rateFactor(upstream, factor);
                })
                .replaceWithVoid();
    }

    private int perSecond(String upstream) {
        return Math.max(1, (int) Math.floor(config.upstreams().get(upstream).requestsPerSecond()));
    }

    private double windowSeconds(String upstream) {
        return 1 + config.upstreams().get(upstream).windowMargin().toMillis() / 1000.0;
    }

    /** Seconds between two requests at full rate: the stricter of the per-second and per-minute limits. */
    double intervalSeconds(String upstream) {
        ImportConfig.Upstream limits = config.upstreams().get(upstream);
        double perSecond = Math.min(limits.requestsPerSecond(), limits.requestsPerMinute() / 60.0) * limits.headroom();
        return 1 / perSecond;
    }

    /** Timers take whole milliseconds (Vert.x refuses delays under 1 ms): a shorter wait is no wait. */
    private static Uni<Void> sleep(double millis) {
        long whole = Math.round(millis);
        return whole < 1 ? Uni.createFrom().voidItem() : Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(whole));
    }
}
