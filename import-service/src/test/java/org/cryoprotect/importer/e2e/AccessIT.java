package org.cryoprotect.importer.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.cryoprotect.common.testing.MonitoringFiles;
import org.junit.jupiter.api.Test;

/** Researchers' tokens from auth-service, revocation, and the progress stream. */
class AccessIT {

    @Test
    void aRevokedTokenIsRefused() {
        String token = Calls.researcherToken();
        Calls.importer(ImportStack.IMPORTER, token).get("/api/imports").then().statusCode(200);
        given().baseUri(ImportStack.AUTH.url()).header("Authorization", "Bearer " + token).formParam("token", token)
                .post("/oauth/revoke").then().statusCode(200);
        // the 1 s target is measured by deploy/bench/run-auth-bench.sh; here the state, with a generous deadline
        await("import-service refuses the revoked token").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> Calls.importer(ImportStack.IMPORTER, token).get("/api/imports").statusCode() == 401);
    }

    @Test
    void progressIsStreamedUntilTheJobIsDone() throws Exception {
        String token = Calls.researcherToken();
        List<Long> cids = Calls.cids(Calls.compounds(8000, 300));
        String job = Calls.start(ImportStack.IMPORTER, token, "pubchem", cids);
        List<String> events = new ArrayList<>();
        try (InputStream stream = Calls.importer(ImportStack.IMPORTER, token).accept("text/event-stream")
                .get("/api/imports/" + job + "/events").then().statusCode(200).extract().asInputStream();
                BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    events.add(line);
                }
            }
        }
        assertTrue(events.size() >= 2, "progress events: " + events);
        String last = events.get(events.size() - 1);
        assertTrue(last.contains("\"status\":\"completed\"") && last.contains("\"succeeded\":" + cids.size()), last);
        assertEquals(0, Calls.simulatorStats().getLong("pubchem.throttled"));

        // everything the alert rules and the dashboard use, except auth-service's own meters
        String metrics = given().baseUri(ImportStack.IMPORTER.url()).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        Set<String> exported = MonitoringFiles.exported(metrics);
        Set<String> missing = new TreeSet<>();
        for (String name : new MonitoringFiles().referencedMetrics()) {
            if (!name.startsWith("cryo_auth_") && !exported.contains(name)) {
                missing.add(name);
            }
        }
        assertTrue(missing.isEmpty(), "referenced by deploy/monitoring but not exported by import-service: " + missing);
        assertTrue(metrics.contains("outcome=\"created\""), "records are counted by outcome");
    }
}
