package org.cryoprotect.importer.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * Upstream trouble of every kind at once: 503 bursts with Retry-After, load balancers' HTML 503s,
 * requests that hang past the timeout, truncated and malformed JSON, missing throttling headers,
 * the 2025 SMILES renames, and ids PubChem does not know. Every valid id arrives once; every
 * invalid id is reported; nothing is retried that should not be.
 */
class FaultMixIT {

    @AfterEach
    void clearFaults() {
        Calls.simulator().delete("/admin/faults").then().statusCode(200);
    }

    @Test
    void everyValidIdImportedEveryInvalidIdReported() {
        String token = Calls.researcherToken();
        List<Long> valid = new ArrayList<>(Calls.cids(Calls.compounds(5100, 600)));
        List<Long> vanished = valid.subList(0, 4);           // known to the data set, "unknown" by fault
        List<Long> neverExisted = List.of(987_654_321L, 987_654_322L, 987_654_323L);
        List<Object> ids = new ArrayList<>(valid);
        ids.addAll(neverExisted);

        Calls.resetSimulator();
        Calls.simulator().body(Map.of(
                "targets", List.of("pubchem"),
                // each kind once at the start (bursts), then at random
                "timeout", Map.of("burst", 1, "probability", 0.02, "hold_ms", 3000),
                "error", Map.of("burst", 2, "probability", 0.04, "status", 503),
                "html_503", Map.of("burst", 1, "probability", 0.03),
                "truncated_json", Map.of("burst", 1, "probability", 0.03),
                "malformed_json", Map.of("burst", 1, "probability", 0.03),
                "unknown_ids", Map.of("cids", vanished),
                "omit_throttling_header", Map.of("probability", 0.2),
                "legacy_smiles", "alias",
                "seed", 11)).post("/admin/faults").then().statusCode(200);

        String job = Calls.start(ImportStack.IMPORTER, token, "pubchem", ids);
        JsonPath done = Calls.awaitFinished(ImportStack.IMPORTER, token, job, Duration.ofMinutes(5));
        JsonPath stats = Calls.simulatorStats();
        System.out.printf("[faults] %s; faults injected %s%n", done.prettify().replace('\n', ' '),
                stats.getString("faults_injected"));

        Set<Long> invalid = new HashSet<>(vanished);
        invalid.addAll(neverExisted);
        assertEquals("completed", done.getString("status"));
        assertEquals(valid.size() - vanished.size(), done.getInt("succeeded"));
        assertEquals(invalid.size(), done.getInt("failed"));

        List<Map<String, Object>> failures = Calls.failures(ImportStack.IMPORTER, token, job);
        assertEquals(invalid.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet()),
                new HashSet<>(Calls.sourceIds(failures)));
        assertTrue(failures.stream().allMatch(f -> "not found in PubChem".equals(f.get("reason"))
                && ((Number) f.get("attempts")).intValue() == 1), "unknown ids are failures, not retries: " + failures);

        Map<Long, Integer> rows = Calls.moleculeRowsByCid(valid);
        assertEquals(valid.size() - vanished.size(), rows.size());
        assertTrue(rows.values().stream().allMatch(n -> n == 1), "no duplicates");
        vanished.forEach(cid -> assertTrue(!rows.containsKey(cid), "CID " + cid + " was unknown upstream"));

        Map<String, Object> injected = stats.getMap("faults_injected");
        assertTrue(injected.keySet().containsAll(List.of("timeout", "error", "html_503", "unknown_id",
                "omit_throttling_header")), "the mix really happened: " + injected);
        assertTrue(injected.containsKey("truncated_json") || injected.containsKey("malformed_json"),
                "garbled JSON happened: " + injected);
        assertEquals(0, stats.getLong("pubchem.throttled"), "retries stay within PubChem's policy");
    }
}
