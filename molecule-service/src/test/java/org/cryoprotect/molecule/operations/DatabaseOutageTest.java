package org.cryoprotect.molecule.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.IntSupplier;

import org.cryoprotect.common.testing.TestDatabase;
import org.cryoprotect.molecule.Api;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The database goes away and comes back, without touching the shared server: the test database is
 * closed to new connections (ALTER DATABASE ... ALLOW_CONNECTIONS false) and the service's backends
 * are terminated, as a restart would. Stale pooled connections are replaced, readiness follows the
 * database, liveness stays UP, and the circuit breaker turns the outage into fast 503 problems.
 */
@QuarkusTest
class DatabaseOutageTest {

    @ConfigProperty(name = "cryo.test.database")
    String database;

    @Test
    void terminatedConnectionsAreReplacedWithoutFailingRequests() throws Exception {
        Api service = Api.service();
        service.request().get("/api/molecules?limit=1").then().statusCode(200);
        assertTrue(terminateBackends() >= 1, "the pool had open connections to terminate");
        for (int i = 0; i < 20; i++) {
            service.request().get("/api/molecules?limit=1").then().statusCode(200);
        }
    }

    @Test
    void outageGivesFast503sAndReadinessFollowsTheDatabase() throws Exception {
        Api service = Api.service();
        given().get("/q/health/ready").then().statusCode(200);
        service.request().get("/api/molecules?limit=1").then().statusCode(200);
        try {
            closeDatabase();

            Response refused = service.request().get("/api/molecules?limit=1");
            assertEquals(503, refused.statusCode());
            assertEquals("application/problem+json", refused.contentType());
            assertEquals(503, refused.jsonPath().getInt("status"));
            assertNotNull(refused.header("Retry-After"));

            // a few more failures open the breaker: from then on the 503 comes at once
            for (int i = 0; i < 4; i++) {
                service.request().get("/api/molecules?limit=1").then().statusCode(503);
            }
            long started = System.nanoTime();
            service.request().get("/api/molecules?limit=1").then().statusCode(503)
                    .body("detail", equalTo("The database is unavailable; retry shortly"));
            long fastMs = (System.nanoTime() - started) / 1_000_000;
            assertTrue(fastMs < 200, "an open breaker answers at once, took " + fastMs + " ms");

            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            openDatabase();
        }
        awaitStatus(() -> given().get("/q/health/ready").statusCode(), 200, Duration.ofSeconds(15));
        awaitStatus(() -> service.request().get("/api/molecules?limit=1").statusCode(), 200, Duration.ofSeconds(15));
        given().get("/q/health/live").then().statusCode(200);
    }

    private void closeDatabase() throws SQLException {
        try (Connection admin = TestDatabase.superuser("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("alter database " + database + " allow_connections false");
        }
        terminateBackends();
    }

    private void openDatabase() throws SQLException {
        try (Connection admin = TestDatabase.superuser("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("alter database " + database + " allow_connections true");
        }
    }

    private int terminateBackends() throws SQLException {
        try (Connection admin = TestDatabase.superuser("postgres"); Statement sql = admin.createStatement();
                var rows = sql.executeQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                        + "where datname = '" + database + "' and pid <> pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void awaitStatus(IntSupplier status, int expected, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = status.getAsInt();
            if (last == expected) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + expected + " within " + within + ", last " + last);
    }
}
