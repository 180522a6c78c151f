package org.cryoprotect.molecule.operations;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import jakarta.inject.Inject;

import org.cryoprotect.common.testing.TestDatabase;
import org.cryoprotect.molecule.Api;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The database goes away and comes back, without touching the shared server: the test database is
 * closed to new connections (ALTER DATABASE ... ALLOW_CONNECTIONS false) and the service's backends
 * are terminated, as a restart would. Stale pooled connections are replaced, readiness follows the
 * database, liveness stays UP, and the circuit breaker turns the outage into 503 problems that do not
 * wait for the database (how fast they are is measured by deploy/bench/run-fault-drills.sh).
 */
@QuarkusTest
class DatabaseOutageTest {

    @ConfigProperty(name = "cryo.test.database")
    String database;

    @Inject
    MeterRegistry registry;

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

            // a few more failures open the breaker: from then on the 503 comes without trying the database
            for (int i = 0; i < 4; i++) {
                service.request().get("/api/molecules?limit=1").then().statusCode(503);
            }
            assertEquals(1.0, registry.get("cryo.db.circuit.breaker.state").gauge().value(), "the breaker is open");
            double refusedBefore = breakerRejections();
            // after its delay (1 s in tests) a slow machine may find it half-open: the trial fails and it reopens
            await("a request refused by the open breaker").atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                service.request().get("/api/molecules?limit=1").then().statusCode(503)
                        .body("detail", equalTo("The database is unavailable; retry shortly"));
                assertTrue(breakerRejections() > refusedBefore);
            });

            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            openDatabase();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> service.request().get("/api/molecules?limit=1").statusCode() == 200);
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

    private double breakerRejections() {
        return registry.get("cryo.db.circuit.breaker.rejections").counter().count();
    }
}
