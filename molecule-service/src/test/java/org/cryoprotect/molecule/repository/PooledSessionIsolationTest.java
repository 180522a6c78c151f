package org.cryoprotect.molecule.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.cryoprotect.molecule.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Many interleaved requests of two users on a pool of four connections (the test profile's size):
 * each must see only its own private molecule, and connections go back to the pool clean.
 */
@QuarkusTest
class PooledSessionIsolationTest {

    @Inject
    Pool pool;

    @Test
    void noCallerStateSurvivesOnPooledConnections() throws Exception {
        Api ann = Api.user();
        Api ben = Api.user();
        String annsMolecule = ann.createMolecule("Isolation ann", "CCCCCCCCCCCCCCCCO");
        String bensMolecule = ben.createMolecule("Isolation ben", "CCCCCCCCCCCCCCCCCO");

        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Api who = i % 2 == 0 ? ann : ben;
                String own = who == ann ? annsMolecule : bensMolecule;
                String other = who == ann ? bensMolecule : annsMolecule;
                Callable<Boolean> check = () -> {
                    List<String> ids = who.request().get("/api/molecules?q=Isolation&limit=10")
                            .then().statusCode(200).extract().path("items.id");
                    return ids.contains(own) && !ids.contains(other);
                };
                checks.add(clients.submit(check));
            }
            for (Future<Boolean> check : checks) {
                assertTrue(check.get(), "a request saw another user's molecule or missed its own");
            }
        } finally {
            clients.shutdownNow();
        }

        // Outside any request transaction, every pooled connection is back to the bare login role.
        for (int i = 0; i < 8; i++) {
            Row row = pool.query("select current_user, coalesce(current_setting('request.jwt.claim.sub', true), '') as sub")
                    .execute().map(rows -> rows.iterator().next()).await().atMost(Duration.ofSeconds(10));
            assertEquals("cryo_authenticator", row.getString("current_user"));
            assertEquals("", row.getString("sub"));
        }
    }
}
