package org.cryoprotect.importer.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** A 5,000-id job under PubChem's enforced policy is never throttled for its own behaviour. */
class PolicyIT {

    @Test
    void fiveThousandIdsWithoutASingleThrottlingRejection() {
        String token = Calls.researcherToken();
        List<Long> cids = Calls.cids(Calls.compounds(100, 5000));
        Calls.resetSimulator();

        String job = Calls.start(ImportStack.IMPORTER, token, "pubchem", cids);
        JsonPath done = Calls.awaitFinished(ImportStack.IMPORTER, token, job, Duration.ofMinutes(5));

        JsonPath stats = Calls.simulatorStats();
        System.out.printf("[policy] %d ids in %d PubChem requests, %.1f records/s, peak %s requests/s, stats %s%n",
                cids.size(), stats.getLong("pubchem.requests"), done.getDouble("records_per_second"),
                stats.getString("pubchem.clients"), stats.getString("pubchem"));
        assertEquals("completed", done.getString("status"));
        assertEquals(cids.size(), done.getInt("succeeded"));
        assertEquals(0, done.getInt("failed"));
        assertEquals(0, stats.getLong("pubchem.throttled"), "throttling rejections caused by import-service");
        assertTrue(stats.getLong("pubchem.requests") < cids.size() / 10, "ids travel in chunks, not one by one");

        Map<Long, Integer> rows = Calls.moleculeRowsByCid(cids);
        assertEquals(cids.size(), rows.size(), "every id is in molecule-service");
        assertTrue(rows.values().stream().allMatch(n -> n == 1), "no id twice");
    }
}
