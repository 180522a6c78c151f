package org.cryoprotect.importer.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.importer.ImportConfig;
import org.cryoprotect.importer.service.ImportMetrics;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One rate limiter per upstream, kept in PostgreSQL so that every worker of every replica draws
 * from the same one. A request first reserves the next free slot (GCRA: slots evenly spaced, no
 * bursts) and sleeps until it; then it records its departure in the upstream's sliding window,
 * which admits it only if fewer than the per-second limit left in the last second (plus a margin).
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
    /** Admits the request into the sliding window, or nothing when the window is full or a pause began. */
    private static final String DEPART = """
            update importer.rate_limits
               set recent = (recent || clock_timestamp())[greatest(1, cardinality(recent) + 2 - $2):]
             where upstream = $1
               and paused_until <= clock_timestamp()
               and (cardinality(recent) < $2
                    or recent[cardinality(recent) + 1 - $2] <= clock_timestamp() - make_interval(secs => $3))""";
    private static final String ADJUST = """
            update importer.rate_limits
               set factor = least(1, greatest($4, factor * $2 + $3)),
                   paused_until = greatest(paused_until, clock_timestamp() + make_interval(secs => $5)),
                   updated_at = now()
             where upstream = $1
            returning factor""";

    private final Pool pool;
    private final ImportConfig config;
    private final ImportMetrics metrics;
    /** Last factor seen per upstream: healthy responses at full rate need no write. */
    private final Map<String, Double> factors = new ConcurrentHashMap<>();

    public RateLimiter(Pool pool, ImportConfig config, ImportMetrics metrics) {
        this.pool = pool;
        this.config = config;
        this.metrics = metrics;
    }

    /** Completes when this request may leave. */
    public Uni<Void> acquire(String upstream) {
        long start = System.nanoTime();
        return reserveAndWait(upstream).invoke(() -> metrics.rateLimiterWait(upstream, System.nanoTime() - start));
    }

    private Uni<Void> reserveAndWait(String upstream) {
        return pool.preparedQuery(RESERVE).execute(Tuple.of(upstream, intervalSeconds(upstream)))
                .map(rows -> rows.iterator().next())
                .invoke(row -> factors.put(upstream, row.getDouble(1)))
                .chain(row -> sleep(row.getDouble(0)))
                .chain(() -> pool.preparedQuery(DEPART).execute(Tuple.of(upstream, perSecond(upstream), windowSeconds(upstream))))
                // not admitted (a late request ahead of us, or a Retry-After began meanwhile): take a new slot
                .chain(rows -> rows.rowCount() == 1 ? Uni.createFrom().voidItem() : reserveAndWait(upstream));
    }

    public Uni<Void> adjust(String upstream, RateAdjustment adjustment) {
        if (adjustment.changesNothing()
                || adjustment.multiply() == 1 && adjustment.pause().isZero() && factors.getOrDefault(upstream, 1.0) >= 1) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(ADJUST)
                .execute(Tuple.of(upstream, adjustment.multiply(), adjustment.add(), MIN_FACTOR)
                        .addDouble(adjustment.pause().toMillis() / 1000.0))
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

    private static Uni<Void> sleep(double millis) {
        return millis <= 0 ? Uni.createFrom().voidItem()
                : Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofNanos((long) (millis * 1_000_000)));
    }
}
