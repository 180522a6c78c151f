package org.cryoprotect.molecule.chem;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.cryoprotect.common.testing.TestDatabase;
import org.cryoprotect.molecule.Api;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With the size limits raised, a long chain is accepted as input but CDK needs seconds for it (XLogP
 * and the 2D layout grow with the square of the chain): the request gets 422 "too complex" once the
 * time budget is spent, the next requests are served by the other chemistry threads, and the
 * abandoned thread comes back once CDK is done.
 */
@QuarkusTest
@TestProfile(ChemistryTimeBudgetTest.LooseLimits.class)
class ChemistryTimeBudgetTest {

    /**
     * 1000 carbons: 0.3-0.5 s of XLogP and seconds of layout, several times the budget, and still
     * within InChI's 1024 atoms (a longer chain fails InChI's size check instead, a race with the budget).
     */
    private static final String SLOW = "C".repeat(1000);

    public static class LooseLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cryo.chemistry.max-atoms", "5000", "cryo.chemistry.max-bonds", "5000",
                    "cryo.chemistry.time-budget", "100ms", "cryo.chemistry.threads", "3");
        }
    }

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "cryo.test.database")
    String database;

    @Test
    void overBudgetIs422AndTheServiceKeepsAnswering() throws SQLException {
        Api user = Api.user();
        // CDK's classes load in the first calls, which may take longer than the budget: warm up until they fit
        String warm = await().atMost(Duration.ofMinutes(2)).until(() -> created(user, "Warm-up glycerol", "OCC(O)CO"),
                id -> id != null);
        await().atMost(Duration.ofMinutes(2)).until(() -> user.request().accept("image/svg+xml")
                .get("/api/molecules/" + warm + "/depiction.svg").statusCode() == 200);
        double overBefore = counter("cryo.chemistry.over.budget");

        user.request().body(Map.of("name", "long chain", "smiles", SLOW)).post("/api/molecules")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", startsWith("Structure too complex")).body("detail", containsString("100 ms"));
        user.request().body(Map.of("name", "ethanol after the chain", "smiles", "CCO")).post("/api/molecules")
                .then().statusCode(oneOf(200, 201)).body("inchikey", equalTo("LFQSCWFLJHTTHZ-UHFFFAOYSA-N"));

        String chain = insertPublicMolecule("stored long chain", SLOW);
        Api.anonymous().request().accept("image/svg+xml").get("/api/molecules/" + chain + "/depiction.svg")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", startsWith("Structure too complex"));
        user.request().accept("image/svg+xml").get("/api/molecules/" + warm + "/depiction.svg")
                .then().statusCode(200).body(containsString("<svg"));

        assertEquals(overBefore + 2, counter("cryo.chemistry.over.budget"));
        // the abandoned threads finish CDK's work on their own and are free again
        await().atMost(Duration.ofMinutes(3)).until(() -> registry.get("cryo.chemistry.abandoned").gauge().value() == 0);
    }

    /** The new molecule's id, or null when the request ran out of the budget. */
    private static String created(Api user, String name, String smiles) {
        var response = user.request().body(Map.of("name", name, "smiles", smiles)).post("/api/molecules");
        return response.statusCode() == 422 ? null : response.then().statusCode(oneOf(200, 201)).extract().path("id");
    }

    private double counter(String name) {
        return registry.get(name).counter().count();
    }

    /** A row as an import could have left it, before the limits were what they are. */
    private String insertPublicMolecule(String name, String smiles) throws SQLException {
        try (Connection db = TestDatabase.superuser(database); PreparedStatement insert = db.prepareStatement("""
                insert into chem.molecules (name, smiles, inchikey, is_public)
                values (?, ?, 'ZZZZZZZZZZZZZZ-ZZZZZZZZZZ-Z', true) returning id""")) {
            insert.setString(1, name);
            insert.setString(2, smiles);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
