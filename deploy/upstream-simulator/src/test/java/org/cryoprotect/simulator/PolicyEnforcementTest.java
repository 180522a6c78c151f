package org.cryoprotect.simulator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class PolicyEnforcementTest extends SimulatorTestSupport {

    private static final String URL = "/rest/pug/compound/cid/753/property/MolecularWeight/JSON";

    @AfterEach
    void cleanUp() {
        reset();
    }

    @Test
    void burstAboveFivePerSecondGets503WithRetryAfterAndThrottlingHeader() {
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            responses.add(pubchem().get(URL));
        }
        long ok = responses.stream().filter(r -> r.statusCode() == 200).count();
        assertTrue(ok <= 5, "at most 5 in one second, got " + ok);
        Response rejected = responses.get(6);
        assertEquals(503, rejected.statusCode());
        assertEquals("30", rejected.header("Retry-After"));
        assertEquals("*", rejected.header("Access-Control-Allow-Origin"));
        String header = rejected.header("X-Throttling-Control");
        assertTrue(THROTTLING_HEADER.matcher(header).matches(), header);
        assertTrue(header.startsWith("Request Count status: Black"), header);
        assertTrue(header.endsWith(", too many requests per second or blacklisted"), header);
        String body = rejected.asString();
        assertEquals("{\n  \"Fault\": {\n    \"Code\": \"PUGREST.ServerBusy\",\n"
                + "    \"Message\": \"Too many requests or server too busy\"\n  }\n}\n", body);
        assertEquals(109, body.getBytes(StandardCharsets.UTF_8).length, "the observed 109-byte body");

        JsonNode stats = json(given().get("/admin/stats").asString());
        assertTrue(stats.get("pubchem").get("throttled_by_reason").get("rate_per_second").asLong() >= 2);
        assertTrue(stats.get("clients").get(client).get("rejected").asLong() >= 2);

        // Another client is not affected.
        given().header("X-Client-Id", client + "-other").get(URL).then().statusCode(200);
    }

    @Test
    void repeatedViolationsBlockTheClientForAWhile() {
        admin("policy", "{\"block_duration_ms\": 5000}");
        int rejected = 0;
        for (int i = 0; i < 9; i++) {
            if (pubchem().get(URL).statusCode() == 503) {
                rejected++;
            }
        }
        assertTrue(rejected >= 3, "rejections: " + rejected);
        // the one-second window is empty again, but the block holds
        await().atMost(Duration.ofSeconds(4)).until(() -> clientStats().get("requests_last_second").asInt() == 0);
        Response blocked = pubchem().get(URL);
        assertEquals(503, blocked.statusCode());
        assertTrue(blocked.header("X-Throttling-Control").endsWith("too many requests per second or blacklisted"));
        JsonNode stats = json(given().get("/admin/stats").asString());
        assertTrue(stats.get("blocked_clients").has(client), stats.toString());
        assertTrue(stats.get("pubchem").get("throttled_by_reason").get("blocked").asLong() >= 1);
        assertEquals(1, stats.get("clients").get(client).get("blocks").asInt());
        await().atMost(Duration.ofSeconds(30)).until(() -> !clientStats().get("blocked").asBoolean());
        pubchem().get(URL).then().statusCode(200);
    }

    @Test
    void remainingBlockingTimeVariant() {
        admin("policy", "{\"block_duration_ms\": 60000, \"report_remaining_block_time\": true}");
        for (int i = 0; i < 9; i++) {
            pubchem().get(URL);
        }
        String header = pubchem().get(URL).header("X-Throttling-Control");
        assertTrue(header.matches(".*, Remaining blocking time: 0:0\\d:\\d\\d$"), header);
    }

    @Test
    void perMinuteLimit() {
        admin("policy", "{\"requests_per_second\": 100, \"requests_per_minute\": 6}");
        for (int i = 0; i < 6; i++) {
            pubchem().get(URL).then().statusCode(200);
        }
        Response r = pubchem().get(URL);
        assertEquals(503, r.statusCode());
        assertTrue(r.header("X-Throttling-Control").startsWith("Request Count status: Black (100%)"),
                r.header("X-Throttling-Control"));
        JsonNode stats = json(given().get("/admin/stats").asString());
        assertEquals(1, stats.get("pubchem").get("throttled_by_reason").get("rate_per_minute").asInt());
    }

    @Test
    void serverTimeBudgetPerMinute() {
        admin("policy", "{\"requests_per_second\": 100, \"server_time_base_ms\": 30, \"server_time_per_minute_ms\": 100}");
        for (int i = 0; i < 4; i++) {
            Response ok = pubchem().get(URL);
            assertEquals(200, ok.statusCode());
        }
        Response r = pubchem().get(URL);
        assertEquals(503, r.statusCode());
        assertTrue(r.header("X-Throttling-Control").contains("Request Time status: Black"), r.header("X-Throttling-Control"));
    }

    @Test
    void headerColoursFollowTheUsage() {
        admin("policy", "{\"requests_per_second\": 100, \"requests_per_minute\": 10}");
        List<String> colours = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String h = pubchem().get(URL).header("X-Throttling-Control");
            colours.add(h.substring("Request Count status: ".length(), h.indexOf(" (")));
        }
        // 1..4 of 10: Green; 5..7: Yellow (50-75%); 8, 9: Red.
        assertEquals(List.of("Green", "Green", "Green", "Green", "Yellow", "Yellow", "Yellow", "Red", "Red"), colours);
    }

    @Test
    void policyCanBeSwitchedOff() {
        admin("policy", "{\"enabled\": false}");
        for (int i = 0; i < 12; i++) {
            pubchem().get(URL).then().statusCode(200);
        }
    }

    @Test
    void chemblIsNotThrottled() {
        for (int i = 0; i < 12; i++) {
            given().header("X-Client-Id", client).get("/chembl/api/data/molecule/CHEMBL692.json").then().statusCode(200);
        }
    }
}
