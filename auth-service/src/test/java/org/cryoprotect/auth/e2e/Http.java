package org.cryoprotect.auth.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Calls to the two service processes. */
final class Http {

    private Http() {
    }

    static RequestSpecification auth() {
        return given().baseUri(Services.AUTH.url());
    }

    static RequestSpecification molecules(String token) {
        RequestSpecification spec = given().baseUri(Services.MOLECULES.url()).contentType(ContentType.JSON);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    static String serviceToken(String clientId, String secret) {
        return auth().auth().preemptive().basic(clientId, secret).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/oauth/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static String importServiceToken() {
        return serviceToken("import-service", Services.IMPORT_SECRET);
    }

    static Map<String, String> userSession() {
        String email = "e2e-" + UUID.randomUUID() + "@lab.example";
        String password = "a long enough password";
        auth().contentType(ContentType.JSON).body(Map.of("email", email, "password", password)).post("/api/auth/signup")
                .then().statusCode(201);
        var login = auth().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/auth/login").then().statusCode(200).extract();
        return Map.of("access_token", login.path("access_token"), "refresh_token", login.path("refresh_token"));
    }

    static String adminToken() {
        return auth().contentType(ContentType.JSON)
                .body(Map.of("email", Services.ADMIN_EMAIL, "password", Services.ADMIN_PASSWORD))
                .post("/api/auth/login").then().statusCode(200).extract().path("access_token");
    }

    /** A new client; returns its secret. */
    static String createClient(String clientId, List<String> scopes, List<String> audiences) {
        return auth().header("Authorization", "Bearer " + adminToken()).contentType(ContentType.JSON)
                .body(Map.of("client_id", clientId, "scopes", scopes, "audiences", audiences))
                .post("/api/admin/clients").then().statusCode(201).extract().path("client_secret");
    }

    static int moleculeStatus(String token) {
        return molecules(token).get("/api/molecules?limit=1").statusCode();
    }

    /**
     * Waits until molecule-service answers 401 to the token. {@code within} is only a failure deadline:
     * how fast a revocation arrives is measured by deploy/bench/run-auth-bench.sh, not asserted here.
     */
    static void awaitRefused(String token, Duration within, String what) {
        await(what).atMost(within).pollInterval(Duration.ofMillis(10)).until(() -> moleculeStatus(token) == 401);
    }
}
