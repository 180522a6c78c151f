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

/**
 * One researcher's large import does not starve another's small one: chunks go to the user with
 * the fewest in flight. A replica with 10-id chunks under PubChem's enforced policy makes the large
 * job take long (70 chunks of two requests each); the small one needs one chunk.
 */
class FairnessIT {

    @Test
    void aSmallImportFinishesWhileALargeOneOfAnotherUserIsStillRunning() {
        String alice = Calls.researcherToken();
        String bob = Calls.researcherToken();
        List<Long> large = Calls.cids(Calls.compounds(8300, 700));
        List<Long> small = Calls.cids(Calls.compounds(7700, 10));
        // this replica alone works, so the large job's pace is that of small chunks
        ImportStack.IMPORTER.stop();
        ServiceProcess replica = ImportStack.importer("import-service-fair", Map.of(
                "CRYO_IMPORT_UPSTREAMS_PUBCHEM_MIN_CHUNK", "10",
                "CRYO_IMPORT_UPSTREAMS_PUBCHEM_INITIAL_CHUNK", "10",
                "CRYO_IMPORT_UPSTREAMS_PUBCHEM_MAX_CHUNK", "10")).start();
        try {
            Calls.resetSimulator();
            String largeJob = Calls.start(replica, alice, "pubchem", large);
            // every worker is busy with the large job when the small one arrives
            await().atMost(Duration.ofMinutes(2)).until(() -> Calls.job(replica, alice, largeJob).getInt("succeeded") >= 50);
            String smallJob = Calls.start(replica, bob, "pubchem", small);

            await().atMost(Duration.ofMinutes(2))
                    .until(() -> !"running".equals(Calls.job(replica, bob, smallJob).getString("status")));
            JsonPath largeNow = Calls.job(replica, alice, largeJob);
            JsonPath smallDone = Calls.job(replica, bob, smallJob);
            System.out.printf("[fairness] small job done (%d ids) while the large one has %d of %d%n",
                    smallDone.getInt("succeeded"), largeNow.getInt("succeeded"), large.size());
            assertEquals("completed", smallDone.getString("status"));
            assertEquals(small.size(), smallDone.getInt("succeeded"));
            assertEquals("running", largeNow.getString("status"), "the large job is not finished yet");
            assertTrue(largeNow.getInt("succeeded") < large.size());

            JsonPath largeDone = Calls.awaitFinished(replica, alice, largeJob, Duration.ofMinutes(4));
            assertEquals(large.size(), largeDone.getInt("succeeded"));
            assertEquals(0, Calls.simulatorStats().getLong("pubchem.throttled"), "fairness stays within PubChem's policy");
        } finally {
            replica.stop();
            ImportStack.IMPORTER.start();
        }
    }
}
