package org.cryoprotect.molecule.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.cryoprotect.molecule.Api;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The pool gauges really move: 32 concurrent searches on the test profile's pool of 4 must show
 * every connection in use, requests waiting, utilization 1.0, and every acquisition timed.
 */
@QuarkusTest
class PoolMetricsTest {

    @Inject
    MeterRegistry registry;

    @Test
    void gaugesFollowConcurrentLoad() throws Exception {
        Api service = Api.service();
        long acquisitionsBefore = acquisitions().count();
        double maxActive = 0;
        double maxWaiting = 0;
        double maxUtilization = 0;
        ExecutorService clients = Executors.newFixedThreadPool(32);
        try {
            List<Future<Integer>> requests = new ArrayList<>();
            for (int i = 0; i < 320; i++) {
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
        assertTrue(acquisitions().count() - acquisitionsBefore >= 320, "every acquisition is timed");
        assertEquals(4.0, gauge("cryo.db.pool.max.connections"));
        // once the load is gone nothing is left lent out or waiting
        assertEquals(0.0, gauge("cryo.db.pool.active.connections"));
        assertEquals(0.0, gauge("cryo.db.pool.waiting.requests"));
        assertTrue(gauge("cryo.db.pool.idle.connections") >= 1, "connections stay open for the next requests");
    }

    private Timer acquisitions() {
        return registry.get("cryo.db.pool.acquisition").timer();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }
}
