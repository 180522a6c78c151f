package org.cryoprotect.simulator;

import static io.restassured.RestAssured.given;

import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.specification.RequestSpecification;

/** Helpers shared by the HTTP tests: a fresh client identity per test, so throttling never leaks between tests. */
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

    /** Waits until the client's one-second window is empty again. */
    protected static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
