package org.cryoprotect.simulator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.specification.RequestSpecification;

/**
 * Helpers shared by the HTTP tests: a fresh client identity per test, so throttling never leaks between
 * tests, and the whole data set (the generated compounds arrive in the background after start).
 */
public abstract class SimulatorTestSupport {

    /** The header grammar derived from PubChem's documented and observed headers. */
    public static final Pattern THROTTLING_HEADER = Pattern.compile("^Request Count status: (Green|Yellow|Red|Black) "
            + "\\((\\d+)%\\), Request Time status: (Green|Yellow|Red|Black) \\((\\d+)%\\), Service status: "
            + "(Green|Yellow|Red|Black) \\((\\d+)%\\)(?:, (.+))?$");

    protected static final ObjectMapper MAPPER = new ObjectMapper();

    protected String client = "test-" + UUID.randomUUID();

    protected RequestSpecification pubchem() {
        return given().header("X-Client-Id", client);
    }

    protected static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    protected static void admin(String path, String json) {
        given().contentType("application/json").body(json).post("/admin/" + path).then().statusCode(200);
    }

    protected static void reset() {
        given().post("/admin/reset").then().statusCode(200);
    }

    /** The generated compounds are served once /q/health/group/generated-data is UP. */
    @BeforeEach
    void awaitGeneratedSet() {
        await().atMost(Duration.ofMinutes(2))
                .until(() -> given().get("/q/health/group/generated-data").statusCode() == 200);
    }

    /** This client's policy counters in /admin/stats (e.g. requests_last_second, blocked). */
    protected JsonNode clientStats() {
        return json(given().get("/admin/stats").asString()).get("clients").get(client);
    }
}
