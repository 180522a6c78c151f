package org.cryoprotect.molecule.operations;

import static org.awaitility.Awaitility.await;
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
import java.util.concurrent.atomic.DoubleAccumulator;

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
        DoubleAccumulator maxActive = new DoubleAccumulator(Math::max, 0);
        DoubleAccumulator maxWaiting = new DoubleAccumulator(Math::max, 0);
        DoubleAccumulator maxUtilization = new DoubleAccumulator(Math::max, 0);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> requests = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                // a substring search: slow enough (trigram scan plus RLS) that requests overlap
                requests.add(clients.submit(() -> service.request().get("/api/molecules?q=ol&limit=200").statusCode()));
            }
            // sample the gauges until every request is answered
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(2)).until(() -> {
                maxActive.accumulate(gauge("cryo.db.pool.active.connections"));
                maxWaiting.accumulate(gauge("cryo.db.pool.waiting.requests"));
                maxUtilization.accumulate(gauge("cryo.db.pool.utilization"));
                return requests.stream().allMatch(Future::isDone);
            });
            for (Future<Integer> request : requests) {
                assertEquals(200, request.get(30, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(4.0, maxActive.get(), "all four connections of the pool in use at some point");
        assertTrue(maxWaiting.get() >= 1, "requests waited for a connection, saw " + maxWaiting.get());
        assertEquals(1.0, maxUtilization.get(), 1e-9);
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
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .until(() -> gauge("cryo.db.pool.active.connections") == 4.0); // midway: all four busy
        abandoned.forEach(Cancellable::cancel);
        Integer one = database.read(db -> db.query("select 1").execute().map(rows -> rows.iterator().next().getInteger(0)))
                .await().atMost(Duration.ofSeconds(5));
        assertEquals(1, one);
        awaitIdlePool();
    }

    @Test
    void waitsAreBoundedAndThePoolRecoversAtOnce() throws Exception {
        double timeoutsBefore = registry.get("cryo.db.pool.saturation").tag("reason", "timeout").counter().count();
        List<CompletableFuture<Object>> holders = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // every connection busy for 5 s, well past a waiter's 3 s
            holders.add(database.read(db -> db.query("select pg_sleep(5)").execute().map(rows -> (Object) rows))
                    .subscribeAsCompletionStage());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> gauge("cryo.db.pool.active.connections") == 4.0);
        List<CompletableFuture<Integer>> waiters = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waiters.add(database.read(db -> db.query("select 1").execute().map(rows -> 1)).subscribeAsCompletionStage());
        }
        for (CompletableFuture<Integer> waiter : waiters) {
            ExecutionException failed = assertThrows(ExecutionException.class, () -> waiter.get(10, TimeUnit.SECONDS));
            assertInstanceOf(ServiceUnavailableException.class, failed.getCause());
            assertInstanceOf(PoolAcquisitionTimeout.class, failed.getCause().getCause());
        }
        // retry budget (2 s) + one acquisition timeout (1 s): they gave up while every connection was still busy
        assertTrue(holders.stream().noneMatch(CompletableFuture::isDone), "the waiters gave up before the holders finished");
        for (CompletableFuture<Object> holder : holders) {
            holder.get(10, TimeUnit.SECONDS);
        }
        // the pool is usable at once (nothing to wait out; deploy/bench's pool-exhaustion drill measures how fast)
        assertEquals(1, database.read(db -> db.query("select 1").execute().map(rows -> 1)).await().atMost(Duration.ofSeconds(5)));
        assertTrue(registry.get("cryo.db.pool.saturation").tag("reason", "timeout").counter().count() - timeoutsBefore >= 8);
        awaitIdlePool();
    }

    /** Nothing lent out or waiting; a little patience for background work (the debounced summary refresh). */
    private void awaitIdlePool() {
        await().atMost(Duration.ofSeconds(5)).until(() -> gauge("cryo.db.pool.active.connections") == 0.0
                && gauge("cryo.db.pool.waiting.requests") == 0.0);
    }

    private Timer acquisitions() {
        return registry.get("cryo.db.pool.acquisition").timer();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }
}
