package org.cryoprotect.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;

import org.cryoprotect.common.testing.MonitoringFiles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** auth-service exports its own metrics the dashboard uses, and the shared pool and HTTP ones. */
@QuarkusTest
class MonitoringFilesTest {

    @Test
    void authAndSharedMetricsAreExported() throws Exception {
        OAuth.serviceToken(OAuth.IMPORT_CLIENT, OAuth.IMPORT_SECRET); // tokens issued, HTTP timers
        Set<String> exported = MonitoringFiles.exported(given().get("/q/metrics").then().statusCode(200).extract().asString());
        Set<String> missing = new TreeSet<>();
        for (String name : new MonitoringFiles().referencedMetrics()) {
            // auth-service follows no revocation feed: it is the feed
            boolean mine = !name.startsWith("cryo_import_") && !name.equals("cryo_token_revocation_feed_connected");
            if (mine && !exported.contains(name)) {
                missing.add(name);
            }
        }
        assertTrue(missing.isEmpty(), "referenced but not exported by auth-service: " + missing);
    }
}
