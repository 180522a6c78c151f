package org.cryoprotect.importer.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * Jobs under PubChem's enforced policy are never throttled for their own behaviour: judged by the
 * simulator's own record of arrivals, no request of import-service ever arrived as the sixth
 * within a second, with properties alone and with one PUG-View request per CID for toxicity.
 */
class PolicyIT {

    @Test
    void fiveThousandIdsWithoutASingleThrottlingRejection() {
        String token = Calls.researcherToken();
        List<Long> cids = Calls.cids(Calls.compounds(100, 5000));
        Calls.resetSimulator();

        String job = Calls.start(ImportStack.IMPORTER, token, "pubchem", cids);
        JsonPath done = Calls.awaitFinished(ImportStack.IMPORTER, token, job, Duration.ofMinutes(5));

        JsonPath stats = Calls.simulatorStats();
        System.out.printf("[policy] %d ids in %d PubChem requests, %.1f records/s, clients %s, stats %s%n",
                cids.size(), stats.getLong("pubchem.requests"), done.getDouble("records_per_second"),
                stats.getString("clients"), stats.getString("pubchem"));
        assertWithinThePolicy(stats);
        assertEquals("completed", done.getString("status"));
        assertEquals(0, done.getInt("failed"), () -> "failed: " + Calls.failures(ImportStack.IMPORTER, token, job));
        assertEquals(cids.size(), done.getInt("succeeded"));
        assertTrue(stats.getLong("pubchem.requests") < cids.size() / 10, "ids travel in chunks, not one by one");

        Map<Long, Integer> rows = Calls.moleculeRowsByCid(cids);
        assertEquals(cids.size(), rows.size(), "every id is in molecule-service");
        assertTrue(rows.values().stream().allMatch(n -> n == 1), "no id twice");
    }

    @Test
    void toxicityWithOnePugViewRequestPerCidWithoutASingleThrottlingRejection() {
        String token = Calls.researcherToken();
        List<Long> cids = Calls.cids(Calls.compounds(9000, 150));
        Calls.resetSimulator();

        String job = Calls.importer(ImportStack.IMPORTER, token)
                .body(Map.of("source", "pubchem", "ids", cids, "include", List.of("properties", "toxicity")))
                .post("/api/imports").then().statusCode(202).extract().path("id");
        JsonPath done = Calls.awaitFinished(ImportStack.IMPORTER, token, job, Duration.ofMinutes(5));

        JsonPath stats = Calls.simulatorStats();
        System.out.printf("[policy] toxicity of %d ids in %d PubChem requests, clients %s%n", cids.size(),
                stats.getLong("pubchem.requests"), stats.getString("clients"));
        assertWithinThePolicy(stats);
        assertTrue(stats.getLong("pubchem.requests") > cids.size(), "one PUG-View request per CID, on top of the chunks'");
        assertEquals("completed", done.getString("status"));
        assertEquals(0, done.getInt("failed"), () -> "failed: " + Calls.failures(ImportStack.IMPORTER, token, job));
        assertEquals(cids.size(), done.getInt("succeeded"));
    }

    /** The simulator's record of arrivals: no rejection, never more than five admitted within a second. */
    private static void assertWithinThePolicy(JsonPath stats) {
        assertEquals(0, stats.getLong("pubchem.throttled"), "throttling rejections caused by import-service");
        Map<String, Map<String, Object>> clients = stats.getMap("clients");
        assertFalse(clients.isEmpty());
        clients.forEach((client, arrivals) -> {
            assertEquals(0, ((Number) arrivals.get("rejected")).longValue(), client + " was refused");
            assertTrue(((Number) arrivals.get("peak_requests_per_second")).longValue() <= 5, client + ": " + arrivals);
            Object tightest = arrivals.get("tightest_span_ms");
            assertTrue(tightest == null || ((Number) tightest).longValue() >= 1000, client + ": " + arrivals);
        });
    }
}
