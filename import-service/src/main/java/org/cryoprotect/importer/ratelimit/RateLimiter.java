package org.cryoprotect.importer.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.importer.ImportConfig;
import org.cryoprotect.importer.metrics.ImportMetrics;
import org.jboss.logging.Logger;

import org.cryoprotect.common.db.Database;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One rate limiter per upstream, kept in PostgreSQL so that every worker of every replica draws
 * from the same one. PubChem judges "5 requests per second" by arrivals: a request is refused when
 * five others arrived within the second before it. So a request first reserves the next slot of
 * an even grid (GCRA, no bursts) and sleeps until it; then the window admits it only while fewer
 * than five earlier requests may have arrived within the last second. An earlier request may,
 * until one second after it has surely arrived. One still on its way counts until answered; an
 * answered one arrived by its answer less the quickest answer ever seen for its endpoint and size
 * ({@link LatencyFloors}), which bounds how late it got there by the measured latencies rather
 * than by a guess (the first of its endpoint and size counts until answered). Admissions are
 * serialised on the upstream's row, so the window holds across workers and replicas. The grid's
 * spacing follows the measured arrival lag, so the window seldom holds a request back, and
 * releases it the moment it has room. Throttling signals scale the rate down and pause everyone;
 * healthy responses bring it back step by step.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    /** The rate never drops below this share of the configured one. */
    private static final double MIN_FACTOR = 0.05;
    /** Seconds that make "until answered" the only bound (a flight older than 60 s stops counting anyway). */
    private static final double UNTIL_ANSWERED = 3600;
    /** Re-check of a window held full by a request still on its way. */
    private static final long IN_FLIGHT_POLL_MS = 20;
    /** Weight of one request's arrival lag in the estimate behind the grid's spacing. */
    private static final double LAG_WEIGHT = 0.1;

    private static final String RESERVE = """
            update importer.rate_limits
               set next_slot = greatest(next_slot, clock_timestamp(), paused_until) + make_interval(secs => $2 / factor),
                   updated_at = now()
             where upstream = $1
            returning extract(epoch from next_slot - make_interval(secs => $2 / factor) - clock_timestamp()) * 1000, factor""";
    /**
     * Admissions are serialised on the upstream's row. Taken in its own statement, so that the
     * window's statement, whose snapshot starts after the lock, sees every admission before it.
     */
    private static final String LOCK = "select 1 from importer.rate_limits where upstream = $1 for update";
    /**
     * Admits the request (its flight id) when fewer than $2 earlier flights may have arrived within
     * the last second, else says how long until the window has room (null: a flight on its way
     * holds it) and whether a pause holds everyone.
     */
    private static final String DEPART = """
            with counted as (select f.arrived_by from importer.rate_limit_flights f
                              where f.upstream = $1 and f.departed_at > clock_timestamp() - interval '60 seconds'
                                and (f.landed_at is null or f.arrived_by > clock_timestamp() - interval '1 second')),
                 admitted as (insert into importer.rate_limit_flights (upstream)
                              select $1 from importer.rate_limits l
                               where l.upstream = $1 and l.paused_until <= clock_timestamp()
                                 and (select count(*) from counted) < $2
                              returning id)
            select (select id from admitted),
                   case when l.paused_until > clock_timestamp()
                        then extract(epoch from l.paused_until - clock_timestamp()) * 1000
                        else (select extract(epoch from c.arrived_by + interval '1 second' - clock_timestamp()) * 1000
                                from counted c order by c.arrived_by desc nulls first offset $2 - 1 limit 1) end,
                   l.paused_until > clock_timestamp()
              from importer.rate_limits l where l.upstream = $1""";
    /** Answered: it has surely arrived, by now and by $2 seconds after its departure. */
    private static final String LANDED = """
            update importer.rate_limit_flights
               set landed_at = clock_timestamp(),
                   arrived_by = least(clock_timestamp(), departed_at + make_interval(secs => $2))
             where id = $1""";
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
    /** Per upstream, the moving average of the arrival lag in seconds (from the window check to the surest arrival). */
    private final Map<String, Double> arrivalLags = new ConcurrentHashMap<>();
    private final LatencyFloors floors = new LatencyFloors();

    public RateLimiter(Database db, ImportConfig config, ImportMetrics metrics) {
        this.db = db;
        this.config = config;
        this.metrics = metrics;
    }

    /** An admitted request: its flight and when its window check began. */
    private record Flight(long id, long checkedNanos) {
    }

    /**
     * Sends {@code request} (to the upstream's {@code endpoint}, for {@code size} ids or records)
     * once the limiter lets it leave, and tells the limiter when it was answered.
     */
    public <T> Uni<T> limited(String upstream, String endpoint, int size, Supplier<Uni<T>> request) {
        long start = System.nanoTime();
        return depart(upstream)
                .invoke(() -> metrics.rateLimiterWait(upstream, System.nanoTime() - start))
                .chain(flight -> {
                    long[] sentAt = {0};
                    return Uni.createFrom().<T>deferred(request::get)
                            .onSubscription().invoke(() -> sentAt[0] = System.nanoTime())
                            .onTermination().call((item, failure, cancelled) -> landed(upstream, upstream + "/" + endpoint,
                                    size, flight, Math.max(sentAt[0], flight.checkedNanos()), System.nanoTime(),
                                    failure == null && !cancelled));
                });
    }

    /** Takes the next slot of the grid, sleeps until it, then passes the window. */
    private Uni<Flight> depart(String upstream) {
        // Repeating a reservation after a lost commit only costs a slot.
        return db.idempotentTransaction(tx -> tx.preparedQuery(RESERVE).execute(Tuple.of(upstream, intervalSeconds(upstream))))
                .map(rows -> rows.iterator().next())
                .invoke(row -> factors.put(upstream, row.getDouble(1)))
                .chain(row -> sleep(row.getDouble(0)))
                .chain(() -> enter(upstream));
    }

    private Uni<Flight> enter(String upstream) {
        long checked = System.nanoTime();
        return db.transaction(tx -> tx.preparedQuery(LOCK).execute(Tuple.of(upstream))
                        .chain(() -> tx.preparedQuery(DEPART).execute(Tuple.of(upstream, perSecond(upstream)))))
                .map(rows -> rows.iterator().next())
                .chain(row -> {
                    Long id = row.getLong(0);
                    if (id != null) {
                        return Uni.createFrom().item(new Flight(id, checked));
                    }
                    return refused(upstream, row);
                });
    }

    /** Window full: wait until it has room and try again; a pause sends the request back to the grid. */
    private Uni<Flight> refused(String upstream, Row row) {
        Double waitMs = row.getDouble(1);
        boolean paused = Boolean.TRUE.equals(row.getBoolean(2));
        return sleep(waitMs == null ? IN_FLIGHT_POLL_MS : Math.max(1, waitMs))
                .chain(() -> paused ? depart(upstream) : enter(upstream));
    }

    /**
     * A failed or abandoned attempt (a refusal answered at once, a timeout) says nothing about how
     * long the endpoint takes: it counts until answered and leaves the floors alone.
     */
    private Uni<Void> landed(String upstream, String endpoint, int size, Flight flight, long sentNanos, long answeredNanos,
            boolean succeeded) {
        double arrivedWithin = succeeded ? arrivalLag(upstream, endpoint, size, flight, sentNanos, answeredNanos) : UNTIL_ANSWERED;
        return db.idempotentTransaction(tx -> tx.preparedQuery(LANDED).execute(Tuple.of(flight.id(), arrivedWithin)))
                .onFailure().recoverWithNull().replaceWithVoid(); // a flight never landed stops counting after 60 s
    }

    /** Seconds after its window check by which the request surely arrived; the first of its endpoint and size, never. */
    private double arrivalLag(String upstream, String endpoint, int size, Flight flight, long sentNanos, long answeredNanos) {
        OptionalLong quickest = floors.record(endpoint, size, answeredNanos - sentNanos);
        if (quickest.isEmpty()) {
            return UNTIL_ANSWERED;
        }
        double lag = (answeredNanos - quickest.getAsLong() - flight.checkedNanos()) / 1e9;
        arrivalLags.merge(upstream, lag, (average, latest) -> average + LAG_WEIGHT * (latest - average));
        return lag + allowanceSeconds(upstream);
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

    private double allowanceSeconds(String upstream) {
        return config.upstreams().get(upstream).arrivalAllowance().toNanos() / 1e9;
    }

    /**
     * Seconds between two slots of the grid at full rate: {@code perSecond} requests per second
     * plus the time a request takes to surely arrive (the measured arrival lag and the allowance),
     * which is what the window holds each one back by; never faster than the per-minute limit.
     */
    double intervalSeconds(String upstream) {
        ImportConfig.Upstream limits = config.upstreams().get(upstream);
        double window = 1 + arrivalLags.getOrDefault(upstream, 0.0) + allowanceSeconds(upstream);
        return Math.max(window / perSecond(upstream), 60.0 / limits.requestsPerMinute());
    }

    /** Timers take whole milliseconds (Vert.x refuses delays under 1 ms): a shorter wait is no wait. */
    private static Uni<Void> sleep(double millis) {
        long whole = Math.round(millis);
        return whole < 1 ? Uni.createFrom().voidItem() : Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(whole));
    }
}
