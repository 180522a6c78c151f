package org.cryoprotect.auth.e2e;

import static io.restassured.RestAssured.given;

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

    /** Milliseconds until molecule-service answers 401 to the token, or -1 after the timeout. */
    static long millisUntilRefused(String token, long timeoutMillis) {
        long start = System.nanoTime();
        while ((System.nanoTime() - start) / 1_000_000 < timeoutMillis) {
            if (moleculeStatus(token) == 401) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return -1;
    }
}
