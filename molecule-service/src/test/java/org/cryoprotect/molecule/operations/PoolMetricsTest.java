package org.cryoprotect.molecule.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.cryoprotect.common.db.Database;
import org.cryoprotect.common.db.PoolAcquisitionTimeout;
import org.cryoprotect.common.problem.ServiceUnavailableException;
import org.cryoprotect.molecule.Api;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * The pool gauges really move: 16 concurrent searches on the test profile's pool of 4 must show
 * every connection in use, requests waiting, utilization 1.0, and every acquisition timed. And work
 * abandoned midway (a client hung up) still gives its connection back.
 */
@QuarkusTest
class PoolMetricsTest {

    @Inject
    MeterRegistry registry;

    @Inject
    Database database;

    @Test
    void gaugesFollowConcurrentLoad() throws Exception {
        Api service = Api.service();
        long acquisitionsBefore = acquisitions().count();
        double maxActive = 0;
        double maxWaiting = 0;
        double maxUtilization = 0;
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> requests = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                // a substring search: slow enough (trigram scan plus RLS) that requests overlap
                requests.add(clients.submit(() -> service.request().get("/api/molecules?q=ol&limit=200").statusCode()));
            }
            while (requests.stream().anyMatch(f -> !f.isDone())) {
                maxActive = Math.max(maxActive, gauge("cryo.db.pool.active.connections"));
                maxWaiting = Math.max(maxWaiting, gauge("cryo.db.pool.waiting.requests"));
                maxUtilization = Math.max(maxUtilization, gauge("cryo.db.pool.utilization"));
                Thread.sleep(2);
            }
            for (Future<Integer> request : requests) {
                assertEquals(200, request.get(30, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(4.0, maxActive, "all four connections of the pool in use at some point");
        assertTrue(maxWaiting >= 1, "requests waited for a connection, saw " + maxWaiting);
        assertEquals(1.0, maxUtilization, 1e-9);
        assertTrue(acquisitions().count() - acquisitionsBefore >= 200, "every acquisition is timed");
        assertEquals(4.0, gauge("cryo.db.pool.max.connections"));
        awaitIdlePool(); // once the load is gone nothing is left lent out or waiting
        assertTrue(gauge("cryo.db.pool.idle.connections") >= 1, "connections stay open for the next requests");
    }

    @Test
    void cancelledRequestsGiveTheirConnectionsBack() throws Exception {
        // 12 slow statements on 4 connections, abandoned midway as when clients hang up
        List<Cancellable> abandoned = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            abandoned.add(database.read(db -> db.query("select pg_sleep(0.3)").execute())
                    .subscribe().with(rows -> { }, failure -> { }));
        }
        Thread.sleep(100);
        abandoned.forEach(Cancellable::cancel);
        long started = System.nanoTime();
        Integer one = database.read(db -> db.query("select 1").execute().map(rows -> rows.iterator().next().getInteger(0)))
                .await().atMost(Duration.ofSeconds(5));
        assertEquals(1, one);
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(3).toNanos(), "the pool was still usable");
        awaitIdlePool();
    }

    @Test
    void waitsAreBoundedAndThePoolRecoversAtOnce() throws Exception {
        double timeoutsBefore = registry.get("cryo.db.pool.saturation").tag("reason", "timeout").counter().count();
        List<CompletableFuture<Object>> holders = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // every connection busy for 3.5 s
            holders.add(database.read(db -> db.query("select pg_sleep(3.5)").execute().map(rows -> (Object) rows))
                    .subscribeAsCompletionStage());
        }
        Thread.sleep(200);
        long started = System.nanoTime();
        List<CompletableFuture<Integer>> waiters = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waiters.add(database.read(db -> db.query("select 1").execute().map(rows -> 1)).subscribeAsCompletionStage());
        }
        for (CompletableFuture<Integer> waiter : waiters) {
            ExecutionException failed = assertThrows(ExecutionException.class, () -> waiter.get(10, TimeUnit.SECONDS));
            assertInstanceOf(ServiceUnavailableException.class, failed.getCause());
            assertInstanceOf(PoolAcquisitionTimeout.class, failed.getCause().getCause());
        }
        long waitedMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(waitedMs < 3_300, "retry budget (2 s) + one acquisition timeout (1 s), took " + waitedMs + " ms");
        for (CompletableFuture<Object> holder : holders) {
            holder.get(10, TimeUnit.SECONDS);
        }
        long after = System.nanoTime();
        assertEquals(1, database.read(db -> db.query("select 1").execute().map(rows -> 1)).await().atMost(Duration.ofSeconds(5)));
        assertTrue(System.nanoTime() - after < Duration.ofMillis(500).toNanos(), "the pool is usable at once");
        assertTrue(registry.get("cryo.db.pool.saturation").tag("reason", "timeout").counter().count() - timeoutsBefore >= 8);
        awaitIdlePool();
    }

    /** Nothing lent out or waiting; a little patience for background work (the debounced summary refresh). */
    private void awaitIdlePool() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (gauge("cryo.db.pool.active.connections") + gauge("cryo.db.pool.waiting.requests") > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0.0, gauge("cryo.db.pool.active.connections"));
        assertEquals(0.0, gauge("cryo.db.pool.waiting.requests"));
    }

    private Timer acquisitions() {
        return registry.get("cryo.db.pool.acquisition").timer();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }
}
