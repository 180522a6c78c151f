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
 * One token bucket per upstream, kept in PostgreSQL so that every worker of every replica draws
 * from the same one. Each request reserves the next free slot (GCRA: slots are spaced by the
 * interval, no bursts) and sleeps until it; throttling signals scale the rate down and pause
 * everyone, healthy responses bring it back step by step.
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
    private static final String PAUSED_FOR = """
            select greatest(0, extract(epoch from paused_until - clock_timestamp()) * 1000)
              from importer.rate_limits where upstream = $1""";
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
                // a pause (Retry-After) may have begun while we waited for our slot
                .chain(() -> pool.preparedQuery(PAUSED_FOR).execute(Tuple.of(upstream)))
                .chain(rows -> rows.iterator().next().getDouble(0) > 0 ? reserveAndWait(upstream) : Uni.createFrom().voidItem());
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
