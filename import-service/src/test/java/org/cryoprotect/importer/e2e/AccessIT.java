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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cryoprotect.common.testing.MonitoringFiles;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

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
    void progressIsStreamedToEveryWatcherUntilTheJobIsDone() throws Exception {
        String token = Calls.researcherToken();
        List<Long> cids = Calls.cids(Calls.compounds(8000, 300));
        String job = Calls.start(ImportStack.IMPORTER, token, "pubchem", cids);
        double pollsBefore = metric("cryo_import_progress_polls_total");
        ExecutorService watchers = Executors.newFixedThreadPool(3);
        List<Future<List<String>>> streams = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            streams.add(watchers.submit(() -> events(token, job)));
        }
        try {
            for (Future<List<String>> stream : streams) {
                List<String> events = stream.get(5, TimeUnit.MINUTES);
                assertTrue(events.size() >= 2, "progress events: " + events);
                String last = events.get(events.size() - 1);
                assertTrue(last.contains("\"status\":\"completed\"") && last.contains("\"succeeded\":" + cids.size()), last);
            }
        } finally {
            watchers.shutdownNow();
        }
        JsonPath done = Calls.job(ImportStack.IMPORTER, token, job);
        double seconds = Duration.between(OffsetDateTime.parse(done.getString("started_at")),
                OffsetDateTime.parse(done.getString("finished_at"))).toMillis() / 1000.0;
        double polls = metric("cryo_import_progress_polls_total") - pollsBefore;
        System.out.printf("[progress] 3 watchers, %.0f progress reads over a %.1f s job%n", polls, seconds);
        // one shared read every 500 ms (+ the reads at the start and end); three pollers would read three times as often
        assertTrue(polls <= seconds * 2 + 6, polls + " progress reads for a job of " + seconds + " s");
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

    private static List<String> events(String token, String job) throws Exception {
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
        return events;
    }

    private static double metric(String name) {
        String all = given().baseUri(ImportStack.IMPORTER.url()).get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("^" + name + "(?:\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE).matcher(all);
        assertTrue(value.find(), name + " is exported");
        return Double.parseDouble(value.group(1));
    }
}
