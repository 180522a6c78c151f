package org.cryoprotect.simulator.data;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.cryoprotect.simulator.SimulatorConfig;

/**
 * The simulator serves the demo molecules from start, before the generated compounds exist; lookups
 * that could still find a generated compound answer 503 with Retry-After until the set is complete.
 */
@QuarkusTest
@TestProfile(GenerationOnStartTest.HeldGeneration.class)
class GenerationOnStartTest {

    /** Generation waits for the test; the policy is off so the many quick requests are not throttled. */
    public static class HeldGeneration implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(HeldGenerationRunner.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("simulator.policy.enabled", "false");
        }
    }

    @Inject
    HeldGenerationRunner generation;

    @Inject
    SimulatorConfig config;

    @Test
    void demoMoleculesAtOnceGeneratedCompoundsOnceComputed() {
        long mix = DataStore.mix(config.data().seed());
        long firstCid = DataStore.GENERATED_CID_BASE + Math.floorMod(mix, 13);
        String firstChemblId = "CHEMBL" + (DataStore.GENERATED_CHEMBL_BASE + Math.floorMod(mix >>> 8, 3));
        String cidUrl = "/rest/pug/compound/cid/" + firstCid + "/property/Title/JSON";
        String chemblUrl = "/chembl/api/data/molecule/" + firstChemblId + ".json";

        // Started, and the generation has not even begun: ready, the demo set answers.
        given().get("/q/health/ready").then().statusCode(200).body("checks.find { it.name == 'upstream-data' }.data.generation", equalTo("running"));
        given().get("/q/health/group/generated-data").then().statusCode(503);
        given().get("/rest/pug/compound/cid/753/property/Title/JSON").then().statusCode(200)
                .body("PropertyTable.Properties[0].Title", equalTo("Glycerol"));
        given().get("/chembl/api/data/molecule/CHEMBL692.json").then().statusCode(200);
        given().get("/admin/data?limit=0").then().statusCode(200)
                .body("generation", equalTo("running"), "generated", equalTo(0));

        // What the generated set may still hold is "ask again", not "not found".
        given().get(cidUrl).then().statusCode(503).header("Retry-After", "5")
                .body("Fault.Code", equalTo("PUGREST.ServerBusy"));
        given().get("/rest/pug/compound/name/CRYOSIM-000001/cids/JSON").then().statusCode(503)
                .header("Retry-After", "5");
        given().get(chemblUrl).then().statusCode(503).header("Retry-After", "5");
        given().get("/chembl/api/data/molecule/set/CHEMBL692;" + firstChemblId + ".json").then().statusCode(503);
        given().get("/chembl/api/data/molecule.json?limit=5").then().statusCode(503);
        given().get("/chembl/api/data/molecule.json?pref_name__iexact=glycerol").then().statusCode(200)
                .body("page_meta.total_count", equalTo(1));
        // Toxicity: demo records at once; a CID or ChEMBL id the generated set may hold is "ask again".
        given().get("/rest/pug_view/data/compound/679/JSON?heading=Toxicity").then().statusCode(200)
                .body("Record.RecordNumber", equalTo(679));
        given().get("/rest/pug_view/data/compound/" + firstCid + "/JSON").then().statusCode(503).header("Retry-After", "5");
        given().get("/chembl/api/data/activity.json?molecule_chembl_id=CHEMBL504").then().statusCode(200)
                .body("page_meta.total_count", equalTo(5));
        given().get("/chembl/api/data/activity.json?molecule_chembl_id__in=CHEMBL504," + firstChemblId).then().statusCode(503);
        given().get("/chembl/api/data/activity.json?standard_type=LD50").then().statusCode(503);
        given().get("/admin/stats").then()
                .body("pubchem.service_unavailable_by_reason.data_generating", greaterThanOrEqualTo(3));

        generation.release();
        await().atMost(Duration.ofMinutes(2))
                .until(() -> given().get("/q/health/group/generated-data").statusCode() == 200);

        given().get("/admin/data?limit=0").then().body("generation", equalTo("complete"), "generated", equalTo(300));
        given().get(cidUrl).then().statusCode(200).body("PropertyTable.Properties[0].Title", equalTo("CRYOSIM-000001"));
        given().get("/rest/pug/compound/name/CRYOSIM-000001/cids/JSON").then().statusCode(200)
                .body("IdentifierList.CID[0]", equalTo((int) firstCid));
        given().get(chemblUrl).then().statusCode(200).body(containsString(firstChemblId));
        given().get("/rest/pug_view/data/compound/" + firstCid + "/JSON").then().statusCode(anyOf(equalTo(200), equalTo(404)));
        given().get("/chembl/api/data/activity.json?molecule_chembl_id__in=CHEMBL504," + firstChemblId).then().statusCode(200);
        // Now a miss is a miss.
        given().get("/rest/pug/compound/cid/1/property/Title/JSON").then().statusCode(404);
        given().get("/rest/pug_view/data/compound/1/JSON").then().statusCode(404).body("Fault.Code", equalTo("PUGVIEW.NotFound"));
        given().get("/chembl/api/data/molecule/CHEMBL1.json").then().statusCode(404);
    }
}
