package org.cryoprotect.importer.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.cryoprotect.common.testing.ServiceProcess;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** Two replicas share a job; one dies hard mid-job; the job still ends with exactly the expected rows. */
class CrashIT {

    @Test
    void aReplicaKilledMidJobLosesAndDuplicatesNothing() {
        String token = Calls.researcherToken();
        List<Long> cids = Calls.cids(Calls.compounds(5700, 2000));
        ServiceProcess second = ImportStack.importer("import-service-b").start();
        try {
            Calls.resetSimulator();
            String job = Calls.start(ImportStack.IMPORTER, token, "pubchem", cids);
            awaitProgress(second, token, job, 300);
            ImportStack.IMPORTER.kill();

            JsonPath done = Calls.awaitFinished(second, token, job, Duration.ofMinutes(4));
            assertEquals(0, Calls.simulatorStats().getLong("pubchem.throttled"), "two replicas share one rate limit");
            assertEquals("completed", done.getString("status"));
            assertEquals(0, done.getInt("failed"), () -> "failed: " + Calls.failures(second, token, job));
            assertEquals(cids.size(), done.getInt("succeeded"));
            Map<Long, Integer> rows = Calls.moleculeRowsByCid(cids);
            assertEquals(cids.size(), rows.size(), "nothing lost");
            assertTrue(rows.values().stream().allMatch(n -> n == 1), "nothing twice");
        } finally {
            second.stop();
            ImportStack.IMPORTER.start(); // the killed replica comes back for the other tests
        }
    }

    private static void awaitProgress(ServiceProcess replica, String token, String job, int succeeded) {
        await("the job made progress").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> Calls.job(replica, token, job).getInt("succeeded") >= succeeded);
    }
}
