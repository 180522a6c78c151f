package org.cryoprotect.common.db;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Pool settings Quarkus does not expose, retry discipline and the circuit breaker around the database
 * ({@code cryo.db.*}). Sizes, idle timeout, max lifetime and the pipelining limit stay under
 * {@code quarkus.datasource.reactive.*}. Defaults and how they were chosen: docs/operations.md.
 */
@ConfigMapping(prefix = "cryo.db")
public interface DbConfig {

    Pool pool();

    Retry retry();

    CircuitBreaker circuitBreaker();

    /**
     * statement_timeout of every request transaction, set by {@link RlsTransactions} with the caller's
     * role (a role-level setting does not follow {@code set_config('role', ...)}). 0 turns it off.
     */
    @WithDefault("10s")
    Duration statementTimeout();

    interface Pool {
        /** Requests allowed to wait for a connection; the next one is refused at once (503). */
        @WithDefault("128")
        int maxWaitQueueSize();

        /** Longest wait for a pooled connection before the attempt fails (and may be retried). */
        @WithDefault("1s")
        Duration acquisitionTimeout();

        /** TCP connect timeout of a new connection. */
        @WithDefault("3s")
        Duration connectTimeout();

        /** Prepared statements cached per connection (with quarkus.datasource.reactive.cache-prepared-statements). */
        @WithDefault("256")
        int preparedStatementCacheSize();

        /** How often idle and expired connections are evicted (idle-timeout, max-lifetime). */
        @WithDefault("1s")
        Duration cleanerPeriod();

        /** A wait for a connection longer than this counts as a saturation event. */
        @WithDefault("50ms")
        Duration saturationThreshold();
    }

    interface Retry {
        /** Attempts in all, the first included. */
        @WithDefault("4")
        int maxAttempts();

        /** The cap of the first backoff; each retry doubles it, and the delay is uniform in [0, cap]. */
        @WithDefault("25ms")
        Duration initialBackoff();

        @WithDefault("500ms")
        Duration maxBackoff();

        /** No new attempt starts after this much time since the first one. */
        @WithDefault("2s")
        Duration maxDuration();
    }

    interface CircuitBreaker {
        /** Attempts in the rolling window the failure ratio is computed over. */
        @WithDefault("10")
        int requestVolumeThreshold();

        @WithDefault("0.5")
        double failureRatio();

        /** Time spent open, refusing at once, before trial requests are let through. */
        @WithDefault("2s")
        Duration delay();

        /** Successful trials that close the breaker again. */
        @WithDefault("2")
        int successThreshold();
    }
}
