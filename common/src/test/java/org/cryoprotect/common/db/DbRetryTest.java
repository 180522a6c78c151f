package org.cryoprotect.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgException;

/** Backoff bounds, attempt and time budgets, and that only accepted failures are retried. */
class DbRetryTest {

    private final Vertx vertx = Vertx.vertx();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void close() {
        vertx.closeAndAwait();
    }

    @Test
    void fullJitterStaysUnderTheDoublingCap() {
        DbRetry retry = retry(10, 20, 160, 10_000);
        long[] caps = {20, 40, 80, 160, 160, 160};
        for (int attempt = 1; attempt <= caps.length; attempt++) {
            long max = 0;
            long min = Long.MAX_VALUE;
            for (int i = 0; i < 2_000; i++) {
                long delay = retry.backoffMillis(attempt);
                max = Math.max(max, delay);
                min = Math.min(min, delay);
            }
            assertTrue(max <= caps[attempt - 1] && max >= caps[attempt - 1] * 3 / 4, "attempt " + attempt + ": max " + max);
            assertTrue(min <= caps[attempt - 1] / 4, "full jitter reaches down to 0, got min " + min);
        }
    }

    @Test
    void transientFailuresAreRetriedUntilSuccess() {
        AtomicInteger attempts = new AtomicInteger();
        String result = retry(4, 5, 20, 2_000).run(() -> attempts.incrementAndGet() < 3
                ? Uni.createFrom().failure(new PgException("deadlock", "ERROR", "40P01", null))
                : Uni.createFrom().item("done"), failure -> DbFailure.of(failure).isTransient())
                .await().atMost(Duration.ofSeconds(5));
        assertEquals("done", result);
        assertEquals(3, attempts.get());
        assertEquals(2.0, registry.counter("cryo.db.retries", "failure", "contention", "pool", "test").count());
    }

    @Test
    void attemptsAreBounded() {
        AtomicInteger attempts = new AtomicInteger();
        Throwable failure = failureOf(retry(4, 1, 2, 10_000), attempts, "40001");
        assertEquals(4, attempts.get());
        assertEquals("40001", ((PgException) failure).getSqlState());
    }

    @Test
    void timeIsBounded() {
        AtomicInteger attempts = new AtomicInteger();
        // the budget, not the attempt limit, ends it (and the failure comes within failureOf's 5 s)
        failureOf(retry(1_000, 50, 50, 300), attempts, "40001");
        assertTrue(attempts.get() >= 2 && attempts.get() < 1_000, "attempts " + attempts.get());
    }

    @Test
    void otherFailuresFailFast() {
        AtomicInteger attempts = new AtomicInteger();
        failureOf(retry(4, 1, 2, 10_000), attempts, "23505");
        assertEquals(1, attempts.get());
    }

    private static Throwable failureOf(DbRetry retry, AtomicInteger attempts, String state) {
        try {
            retry.run(() -> {
                attempts.incrementAndGet();
                return Uni.createFrom().failure(new PgException("failed", "ERROR", state, null));
            }, failure -> DbFailure.of(failure).isTransient()).await().atMost(Duration.ofSeconds(5));
        } catch (PgException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    private DbRetry retry(int attempts, long initialMs, long maxMs, long budgetMs) {
        DbConfig config = TestDbConfig.of(attempts, initialMs, maxMs, budgetMs);
        return new DbRetry(config, vertx, new DbMetrics(registry, "test", null, config, 4));
    }
}
