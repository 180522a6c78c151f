package org.cryoprotect.common.db;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Runs an attempt again after a transient failure: exponential backoff with full jitter (the delay
 * before retry n is uniform in [0, min(max-backoff, initial-backoff * 2^(n-1))]), at most
 * {@code max-attempts} in all, and no attempt starts after {@code max-duration}. The delay is a
 * Vert.x timer on the caller's context: no thread is blocked and the attempt stays on its event loop.
 */
public class DbRetry {

    private final DbConfig.Retry config;
    private final Vertx vertx;
    private final DbMetrics metrics;

    public DbRetry(DbConfig config, Vertx vertx, DbMetrics metrics) {
        this.config = config.retry();
        this.vertx = vertx;
        this.metrics = metrics;
    }

    /** {@code retryable} sees each failure; only failures it accepts are retried. */
    public <T> Uni<T> run(Supplier<Uni<T>> attempt, Predicate<Throwable> retryable) {
        return Uni.createFrom().deferred(() -> attempt(attempt, retryable, 1, System.nanoTime()));
    }

    private <T> Uni<T> attempt(Supplier<Uni<T>> attempt, Predicate<Throwable> retryable, int number, long started) {
        return Uni.createFrom().deferred(attempt::get).onFailure().recoverWithUni(failure -> {
            long delayMs = backoffMillis(number);
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            if (number >= config.maxAttempts() || elapsedMs + delayMs > config.maxDuration().toMillis()
                    || !retryable.test(failure)) {
                return Uni.createFrom().failure(failure);
            }
            metrics.retried(DbFailure.of(failure));
            return sleep(delayMs).chain(() -> attempt(attempt, retryable, number + 1, started));
        });
    }

    long backoffMillis(int failedAttempts) {
        long cap = Math.min(config.maxBackoff().toMillis(),
                config.initialBackoff().toMillis() << Math.min(failedAttempts - 1, 20));
        return ThreadLocalRandom.current().nextLong(cap + 1);
    }

    private Uni<Void> sleep(long delayMs) {
        if (delayMs == 0) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(delayMs, id -> emitter.complete(null)));
    }
}
