package org.cryoprotect.molecule.replica;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import jakarta.inject.Inject;

import org.cryoprotect.common.testing.TestDatabase;
import org.cryoprotect.molecule.Api;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Searches read from the replica datasource when replica reads are on. The replica pool logs in as
 * its own role here, so the test can see which pool answered; Row Level Security holds on it.
 */
@QuarkusTest
@TestProfile(ReplicaReadsTest.ReplicaOn.class)
class ReplicaReadsTest {

    static final String REPLICA_ROLE = "cryo_replica_reader";

    public static class ReplicaOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cryo.molecule.replica-reads", "true",
                    "quarkus.datasource.replica.username", REPLICA_ROLE,
                    "quarkus.datasource.replica.password", TestDatabase.APP_PASSWORD);
        }
    }

    @ConfigProperty(name = "cryo.test.database")
    String database;

    @Inject
    MeterRegistry registry;

    /** A login like cryo_authenticator: NOINHERIT, acting only through the RLS roles (after the migrations). */
    @BeforeAll
    static void replicaRole() throws SQLException {
        try (Connection db = TestDatabase.superuser("postgres"); Statement sql = db.createStatement()) {
            sql.execute("""
                    do $$ begin
                      if not exists (select 1 from pg_roles where rolname = '%1$s') then
                        create role %1$s login noinherit password '%2$s';
                      end if;
                    end $$""".formatted(REPLICA_ROLE, TestDatabase.APP_PASSWORD));
            sql.execute("grant cryo_anon, cryo_authenticated, cryo_service to " + REPLICA_ROLE);
        }
    }

    @Test
    void searchesAreAnsweredByTheReplicaPoolWithRowLevelSecurity() throws SQLException {
        Api owner = Api.user();
        Api stranger = Api.user();
        String id = owner.createMolecule("Replica-read betaine", "C[N+](C)(C)CC(=O)[O-]");
        long replicaAcquisitions = replicaAcquisitions();

        owner.request().get("/api/molecules?q=Replica-read").then().statusCode(200).body("items.id", hasItem(id));
        stranger.request().get("/api/molecules?q=Replica-read").then().statusCode(200).body("items.id", not(hasItem(id)));
        Api.anonymous().request().get("/api/public/molecules?limit=5").then().statusCode(200);

        try (Connection db = TestDatabase.superuser(database); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select count(*) from pg_stat_activity where usename = '"
                        + REPLICA_ROLE + "' and datname = current_database()")) {
            rows.next();
            assertTrue(rows.getInt(1) > 0, "the replica pool holds connections: it answered the searches");
        }
        // through common's Database: every replica read is timed and counted under pool=replica
        assertTrue(replicaAcquisitions() - replicaAcquisitions >= 3, "replica reads show in the pool metrics");
        assertEquals(8.0, registry.get("cryo.db.pool.max.connections").tag("pool", "replica").gauge().value());
        assertEquals(0.0, registry.get("cryo.db.circuit.breaker.state").tag("pool", "replica").gauge().value());
    }

    private long replicaAcquisitions() {
        return registry.get("cryo.db.pool.acquisition").tag("pool", "replica").timer().count();
    }
}
