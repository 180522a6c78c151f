package org.cryoprotect.molecule.operations;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** X-Request-Id: a sane one is kept and echoed, a missing or unsafe one is replaced by a UUID. */
@QuarkusTest
class RequestIdTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aCallersIdIsEchoed() {
        String id = given().header("X-Request-Id", "import-7f3a.chunk:12").get("/api/public/molecules?limit=1")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertEquals("import-7f3a.chunk:12", id);
    }

    @Test
    void missingOrUnsafeIdsAreReplaced() {
        String generated = given().get("/q/health/live").then().extract().header("X-Request-Id");
        assertTrue(generated.matches(UUID), generated);
        String unsafe = given().header("X-Request-Id", "a\"b <script>").get("/api/molecules/not-a-uuid")
                .then().extract().header("X-Request-Id");
        assertTrue(unsafe.matches(UUID), unsafe);
        assertNotEquals(generated, unsafe);
    }
}
