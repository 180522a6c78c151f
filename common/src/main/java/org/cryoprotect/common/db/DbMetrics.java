package org.cryoprotect.common.db;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The pool as an operator needs to see it, measured where {@link Database} acquires connections
 * (Vert.x 4.5's own pool gauges have been seen stuck at 0): acquisition time, connections in use,
 * idle and awaited, utilization, saturation, connection errors, retries and the breaker's state.
 * One set per pool, tagged {@code pool} with the datasource's name ({@code default}, {@code replica}).
 */
public class DbMetrics {

    private final Timer acquisition;
    private final Counter slowAcquisitions;
    private final Counter acquisitionTimeouts;
    private final Counter rejections;
    private final Counter connectionErrors;
    private final MeterRegistry registry;
    private final Tags tags;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger breakerState = new AtomicInteger();
    private final long saturationNanos;

    /** {@code pool} may be null where nothing reads the idle gauge (unit tests). */
    public DbMetrics(MeterRegistry registry, String poolName, Pool pool, DbConfig config, int maxSize) {
        this.registry = registry;
        this.tags = Tags.of("pool", poolName);
        this.saturationNanos = config.pool().saturationThreshold().toNanos();
        this.acquisition = Timer.builder("cryo.db.pool.acquisition")
                .description("Time from asking the pool for a connection to getting one (or giving up)")
                .serviceLevelObjectives(millis(1), millis(2), millis(5), millis(10), millis(25), millis(50),
                        millis(100), millis(250), millis(500), millis(1000), millis(2500))
                .tags(tags).register(registry);
        Gauge.builder("cryo.db.pool.active.connections", active, AtomicInteger::get)
                .description("Connections lent out to requests").tags(tags).register(registry);
        Gauge.builder("cryo.db.pool.waiting.requests", waiting, AtomicInteger::get)
                .description("Requests waiting for a connection").tags(tags).register(registry);
        Gauge.builder("cryo.db.pool.idle.connections", () -> Math.max(0, pool.size() - active.get()))
                .description("Open connections nobody is using").tags(tags).register(registry);
        Gauge.builder("cryo.db.pool.max.connections", () -> maxSize)
                .description("The pool's maximum size (quarkus.datasource[.name].reactive.max-size)").tags(tags).register(registry);
        Gauge.builder("cryo.db.pool.utilization", active, a -> (double) a.get() / maxSize)
                .description("Connections in use divided by the pool's maximum size").tags(tags).register(registry);
        Gauge.builder("cryo.db.circuit.breaker.state", breakerState, AtomicInteger::get)
                .description("0 closed, 1 open, 2 half-open").tags(tags).register(registry);
        this.slowAcquisitions = saturation("slow");
        this.acquisitionTimeouts = saturation("timeout");
        this.rejections = saturation("rejected");
        for (DbFailure failure : DbFailure.values()) {
            if (failure.isTransient()) {
                retries(failure); // registered up front, so dashboards and alerts see 0 rather than nothing
            }
        }
        Counter.builder("cryo.db.circuit.breaker.rejections")
                .description("Attempts refused at once because the database circuit breaker was open").tags(tags).register(registry);
        this.connectionErrors = Counter.builder("cryo.db.connection.errors")
                .description("Attempts that failed because the database was unreachable or dropped the connection")
                .tags(tags).register(registry);
    }

    /** Call when asking the pool for a connection; the returned handle ends the wait. */
    Acquisition startAcquisition() {
        waiting.incrementAndGet();
        return new Acquisition(System.nanoTime());
    }

    void failed(DbFailure failure) {
        switch (failure) {
            case CONNECTION -> connectionErrors.increment();
            case POOL_TIMEOUT -> acquisitionTimeouts.increment();
            case POOL_FULL -> rejections.increment();
            default -> { }
        }
    }

    void retried(DbFailure failure) {
        retries(failure).increment();
    }

    private Counter retries(DbFailure failure) {
        return Counter.builder("cryo.db.retries").description("Attempts repeated after a transient failure")
                .tag("failure", failure.name().toLowerCase()).tags(tags).register(registry);
    }

    void circuitBreakerRejected() {
        registry.counter("cryo.db.circuit.breaker.rejections", tags).increment();
    }

    void circuitBreakerState(int state) {
        breakerState.set(state);
    }

    private Counter saturation(String reason) {
        return Counter.builder("cryo.db.pool.saturation")
                .description("Requests that waited for a connection longer than cryo.db.pool.saturation-threshold (slow), "
                        + "gave up waiting (timeout) or were refused by a full wait queue (rejected)")
                .tag("reason", reason).tags(tags).register(registry);
    }

    private static Duration millis(long ms) {
        return Duration.ofMillis(ms);
    }

    /**
     * One wait for a connection and the use of what it got. Ends once; synchronized because a
     * cancelled request ends it on one thread while the pool may still hand it a connection on another.
     */
    final class Acquisition {
        private final long started;
        private boolean waitingOver;
        private boolean holding;
        private boolean gaveUp;

        private Acquisition(long started) {
            this.started = started;
        }

        /** @return false when the wait was already given up: the connection must go straight back */
        synchronized boolean acquired() {
            if (gaveUp) {
                return false;
            }
            endWait(true);
            holding = true;
            active.incrementAndGet();
            return true;
        }

        /** The wait took too long: true if it really was still waiting (no connection yet). */
        synchronized boolean giveUp() {
            if (holding || waitingOver) {
                return false;
            }
            gaveUp = true;
            endWait(false);
            return true;
        }

        synchronized void released() {
            endWait(false);
            if (holding) {
                holding = false;
                active.decrementAndGet();
            }
        }

        private void endWait(boolean gotOne) {
            if (!waitingOver) {
                waitingOver = true;
                waiting.decrementAndGet();
                long nanos = System.nanoTime() - started;
                acquisition.record(Duration.ofNanos(nanos));
                if (gotOne && nanos > saturationNanos) {
                    slowAcquisitions.increment();
                }
            }
        }
    }
}
