package org.cryoprotect.molecule.operations;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;

import org.cryoprotect.common.testing.MonitoringFiles;
import org.cryoprotect.molecule.Api;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The alert rules, the PrometheusRule and the Grafana dashboard parse, agree with each other, and
 * use only metrics that exist: molecule-service's own and the shared ones are read from its
 * /q/metrics; auth-service checks its own in its MonitoringFilesTest; import-service's come from
 * the list it promises.
 */
@QuarkusTest
class MonitoringFilesTest {

    private final MonitoringFiles files = new MonitoringFiles();

    @Test
    void everyAlertIsComplete() throws Exception {
        JsonNode groups = files.rules().path("groups");
        assertTrue(groups.size() >= 4);
        Set<String> alerts = new TreeSet<>();
        for (JsonNode group : groups) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("alert").asText();
                assertTrue(alerts.add(name), "duplicate alert " + name);
                assertFalse(rule.path("expr").asText().isBlank(), name);
                assertTrue(rule.path("for").asText().matches("\\d+[smh]"), name);
                assertTrue(Set.of("warning", "critical").contains(rule.path("labels").path("severity").asText()), name);
                assertFalse(rule.path("annotations").path("summary").asText().isBlank(), name);
            }
        }
        // the list: pool saturation, acquisition p99, error rate, import throttling, circuit open,
        // revocation feed, p99 latency
        assertTrue(alerts.containsAll(Set.of("CryoDbPoolSaturated", "CryoDbPoolAcquisitionSlow", "CryoHighErrorRate",
                "CryoImportThrottled", "CryoDbCircuitOpen", "CryoRevocationFeedDisconnected", "CryoHighLatencyP99")), alerts.toString());
    }

    @Test
    void prometheusRuleCarriesTheSameGroups() throws Exception {
        JsonNode rule = files.prometheusRule();
        assertEquals("monitoring.coreos.com/v1", rule.path("apiVersion").asText());
        assertEquals("PrometheusRule", rule.path("kind").asText());
        assertEquals(files.rules().path("groups"), rule.path("spec").path("groups"));
    }

    @Test
    void dashboardPanelsQueryPrometheus() throws Exception {
        JsonNode dashboard = files.dashboard();
        assertEquals("cryoprotect", dashboard.path("uid").asText());
        int targets = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            if (!"row".equals(panel.path("type").asText())) {
                assertTrue(panel.path("targets").size() > 0, panel.path("title").asText());
                targets += panel.path("targets").size();
            }
        }
        assertTrue(targets >= 20, "targets: " + targets);
    }

    @Test
    void everyReferencedMetricIsExported() throws Exception {
        Api.service().request().get("/api/molecules?limit=1").then().statusCode(200); // HTTP timers exist after a request
        Set<String> exported = MonitoringFiles.exported(given().get("/q/metrics").then().statusCode(200).extract().asString());
        Set<String> promisedByImport = MonitoringFiles.importServiceMetrics();
        Set<String> missing = new TreeSet<>();
        for (String name : files.referencedMetrics()) {
            boolean found = name.startsWith("cryo_import_") ? promisedByImport.contains(name)
                    // cryo_auth_*: auth-service's test. The feed gauge exists only where a feed is followed,
                    // which the test profile turns off: RevocationFeedGaugeTest (common) covers it.
                    : name.startsWith("cryo_auth_") || name.equals("cryo_token_revocation_feed_connected")
                            || exported.contains(name);
            if (!found) {
                missing.add(name);
            }
        }
        assertTrue(missing.isEmpty(), "referenced but not exported: " + missing);
    }
}
