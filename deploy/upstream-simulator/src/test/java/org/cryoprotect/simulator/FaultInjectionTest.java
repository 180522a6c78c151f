package org.cryoprotect.simulator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class FaultInjectionTest extends SimulatorTestSupport {

    private static final String URL = "/rest/pug/compound/cid/753,679/property/MolecularWeight,XLogP,SMILES/JSON";

    @TestHTTPResource("/")
    URI base;

    @AfterEach
    void cleanUp() {
        reset();
    }

    @Test
    void latency() {
        admin("faults", "{\"latency\": {\"ms\": 400}}");
        long started = System.nanoTime();
        pubchem().get(URL).then().statusCode(200);
        assertTrue((System.nanoTime() - started) / 1_000_000 >= 400);
        started = System.nanoTime();
        given().get("/chembl/api/data/molecule/CHEMBL692.json").then().statusCode(200);
        assertTrue((System.nanoTime() - started) / 1_000_000 >= 400);
        assertTrue(stats().get("faults_injected").get("latency").asInt() >= 2);
    }

    @Test
    void burstOf5xxThenRecovery() {
        admin("faults", "{\"error\": {\"burst\": 2, \"status\": 500}}");
        for (int i = 0; i < 2; i++) {
            String body = pubchem().get(URL).then().statusCode(500).contentType(startsWith("application/json"))
                    .extract().asString();
            assertEquals("PUGREST.ServerError", json(body).get("Fault").get("Code").asText());
        }
        pubchem().get(URL).then().statusCode(200);
        assertEquals(2, stats().get("faults_injected").get("error").asInt());
    }

    @Test
    void injected503IsCountedApartFromPolicyRejections() {
        admin("faults", "{\"error\": {\"probability\": 1.0, \"status\": 503}}");
        Response r = pubchem().get(URL);
        assertEquals(503, r.statusCode());
        assertEquals("30", r.header("Retry-After"));
        assertEquals("PUGREST.ServerBusy", json(r.asString()).get("Fault").get("Code").asText());
        JsonNode pubchem = stats().get("pubchem");
        assertEquals(0, pubchem.get("throttled").asInt(), "no policy rejection");
        assertEquals(1, pubchem.get("service_unavailable_by_reason").get("fault_error").asInt());
    }

    @Test
    void html503Page() {
        admin("faults", "{\"html_503\": {\"burst\": 1}}");
        Response r = pubchem().get(URL);
        assertEquals(503, r.statusCode());
        assertTrue(r.contentType().startsWith("text/html"));
        assertTrue(r.asString().startsWith("<!DOCTYPE html>"));
        assertNull(r.header("X-Throttling-Control"));
        pubchem().get(URL).then().statusCode(200);
        given().get("/chembl/api/data/molecule/CHEMBL692.json").then().statusCode(200);
        admin("faults", "{\"targets\": [\"chembl\"], \"html_503\": {\"burst\": 1}}");
        Response chembl = given().get("/chembl/api/data/molecule/CHEMBL692.json");
        assertEquals(503, chembl.statusCode());
        assertTrue(chembl.asString().startsWith("<!doctype HTML>"));
    }

    @Test
    void policyRejectionsWithHtmlBodies() {
        admin("faults", "{\"throttle_html\": {\"probability\": 1.0}}");
        Response last = null;
        for (int i = 0; i < 7; i++) {
            last = pubchem().get(URL);
        }
        assertEquals(503, last.statusCode());
        assertTrue(last.contentType().startsWith("text/html"));
        assertEquals("30", last.header("Retry-After"));
        assertTrue(last.header("X-Throttling-Control").startsWith("Request Count status: Black"));
    }

    @Test
    void timeoutNeverAnswersWithinTheClientsTimeout() throws Exception {
        admin("faults", "{\"timeout\": {\"burst\": 1, \"hold_ms\": 1500}}");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(base.resolve(URL.substring(1)))
                .header("X-Client-Id", client).timeout(Duration.ofMillis(500)).GET().build();
        assertThrows(HttpTimeoutException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofString()));
        HttpResponse<String> next = http.send(HttpRequest.newBuilder(base.resolve(URL.substring(1)))
                .header("X-Client-Id", client).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, next.statusCode());
        await("answered 504 after the hold").atMost(Duration.ofSeconds(30))
                .until(() -> stats().get("pubchem").get("by_status").path("504").asInt() == 1);
    }

    @Test
    void truncatedJson() {
        String whole = pubchem().get(URL).then().statusCode(200).extract().asString();
        admin("faults", "{\"truncated_json\": {\"burst\": 1}}");
        String cut = pubchem().get(URL).then().statusCode(200).contentType(startsWith("application/json"))
                .extract().asString();
        assertTrue(cut.length() < whole.length());
        assertTrue(whole.startsWith(cut));
        assertThrows(JsonProcessingException.class, () -> MAPPER.readTree(cut));
    }

    @Test
    void malformedJson() {
        admin("faults", "{\"targets\": [\"pubchem\", \"chembl\"], \"malformed_json\": {\"burst\": 2}}");
        String broken = pubchem().get(URL).then().statusCode(200).extract().asString();
        assertThrows(JsonProcessingException.class, () -> MAPPER.readTree(broken));
        String chembl = given().get("/chembl/api/data/molecule/CHEMBL692.json").then().statusCode(200).extract().asString();
        assertThrows(JsonProcessingException.class, () -> MAPPER.readTree(chembl));
    }

    @Test
    void unknownCids() {
        admin("faults", "{\"unknown_ids\": {\"cids\": [753], \"chembl_ids\": [\"CHEMBL692\"]}}");
        JsonNode rows = json(pubchem().get(URL).then().statusCode(200).extract().asString()).get("PropertyTable").get("Properties");
        assertEquals(1, rows.size());
        assertEquals(679, rows.get(0).get("CID").asInt());
        String body = pubchem().get("/rest/pug/compound/cid/753/property/MolecularWeight/JSON").then().statusCode(404)
                .extract().asString();
        assertEquals("PUGREST.NotFound", json(body).get("Fault").get("Code").asText());
        given().get("/chembl/api/data/molecule/CHEMBL692.json").then().statusCode(404);
    }

    @Test
    void legacySmilesModes() {
        admin("faults", "{\"legacy_smiles\": \"reject\"}");
        String body = pubchem().get("/rest/pug/compound/cid/753/property/CanonicalSMILES/JSON").then().statusCode(400)
                .extract().asString();
        assertEquals("Invalid property", json(body).get("Fault").get("Message").asText());
        pubchem().get("/rest/pug/compound/cid/753/property/SMILES/JSON").then().statusCode(200);

        admin("faults", "{\"legacy_smiles\": \"legacy\"}");
        JsonNode row = json(pubchem().get("/rest/pug/compound/cid/753/property/CanonicalSMILES,IsomericSMILES/JSON")
                .then().statusCode(200).extract().asString()).get("PropertyTable").get("Properties").get(0);
        assertEquals(List.of("CID", "CanonicalSMILES", "IsomericSMILES"), PubChemEndpointsTest.names(row));

        admin("faults", "{\"legacy_smiles\": \"alias\"}");
        row = json(pubchem().get("/rest/pug/compound/cid/753/property/CanonicalSMILES,IsomericSMILES/JSON")
                .then().statusCode(200).extract().asString()).get("PropertyTable").get("Properties").get(0);
        assertEquals(List.of("CID", "ConnectivitySMILES", "SMILES"), PubChemEndpointsTest.names(row));
    }

    @Test
    void missingProperties() {
        admin("faults", "{\"missing_properties\": {\"names\": [\"XLogP\", \"alogp\"]}}");
        JsonNode rows = json(pubchem().get(URL).then().statusCode(200).extract().asString()).get("PropertyTable").get("Properties");
        for (JsonNode row : rows) {
            assertEquals(List.of("CID", "MolecularWeight", "SMILES"), PubChemEndpointsTest.names(row));
        }
        JsonNode m = json(given().get("/chembl/api/data/molecule/CHEMBL692.json").asString());
        assertTrue(m.get("molecule_properties").get("alogp").isNull());
        assertFalse(m.get("molecule_properties").get("psa").isNull());
    }

    @Test
    void omittedThrottlingHeader() {
        admin("faults", "{\"omit_throttling_header\": {\"burst\": 1}}");
        assertNull(pubchem().get(URL).header("X-Throttling-Control"));
        assertTrue(THROTTLING_HEADER.matcher(pubchem().get(URL).header("X-Throttling-Control")).matches());
    }

    @Test
    void chemblErrorBody() {
        admin("faults", "{\"targets\": [\"chembl\"], \"error\": {\"burst\": 1, \"status\": 500}}");
        pubchem().get(URL).then().statusCode(200);
        String body = given().get("/chembl/api/data/molecule/CHEMBL692.json").then().statusCode(500).extract().asString();
        assertEquals("An internal server error occurred. Please contact ChEMBL help.", json(body).get("error_message").asText());
    }

    @Test
    void invalidFaultsAreRejected() {
        given().contentType("application/json").body("{\"legacy_smiles\": \"sometimes\"}").post("/admin/faults")
                .then().statusCode(400);
        given().contentType("application/json").body("{\"no_such_fault\": 1}").post("/admin/faults").then().statusCode(400);
        given().contentType("application/json").body("{\"requests_per_second\": 0}").post("/admin/policy").then().statusCode(400);
    }

    private static JsonNode stats() {
        return json(given().get("/admin/stats").asString());
    }
}
