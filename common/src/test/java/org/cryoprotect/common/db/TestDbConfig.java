package org.cryoprotect.common.db;

import java.time.Duration;

/** A {@link DbConfig} for unit tests, with the retry settings given and the defaults elsewhere. */
final class TestDbConfig {

    private TestDbConfig() {
    }

    static DbConfig of(int attempts, long initialMs, long maxMs, long budgetMs) {
        DbConfig.Retry retry = new DbConfig.Retry() {
            public int maxAttempts() {
                return attempts;
            }

            public Duration initialBackoff() {
                return Duration.ofMillis(initialMs);
            }

            public Duration maxBackoff() {
                return Duration.ofMillis(maxMs);
            }

            public Duration maxDuration() {
                return Duration.ofMillis(budgetMs);
            }
        };
        DbConfig.Pool pool = new DbConfig.Pool() {
            public int maxWaitQueueSize() {
                return 128;
            }

            public Duration acquisitionTimeout() {
                return Duration.ofSeconds(1);
            }

            public Duration connectTimeout() {
                return Duration.ofSeconds(3);
            }

            public int preparedStatementCacheSize() {
                return 256;
            }

            public Duration cleanerPeriod() {
                return Duration.ofSeconds(1);
            }

            public Duration saturationThreshold() {
                return Duration.ofMillis(50);
            }
        };
        return new DbConfig() {
            public Pool pool() {
                return pool;
            }

            public Retry retry() {
                return retry;
            }

            public CircuitBreaker circuitBreaker() {
                throw new UnsupportedOperationException();
            }

            public Duration statementTimeout() {
                return Duration.ofSeconds(10);
            }
        };
    }
}
