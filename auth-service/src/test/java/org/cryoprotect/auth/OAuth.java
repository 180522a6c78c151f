package org.cryoprotect.auth;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Test helpers for talking OAuth to auth-service. */
public final class OAuth {

    public static final String IMPORT_CLIENT = "import-service";
    public static final String IMPORT_SECRET = "import-service-test-secret";
    public static final String MOLECULE_CLIENT = "molecule-service";
    public static final String MOLECULE_SECRET = "molecule-service-test-secret";
    public static final String ADMIN_EMAIL = "admin@cryoprotect.test";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private OAuth() {
    }

    public static String serviceToken(String clientId, String secret) {
        return given().auth().preemptive().basic(clientId, secret).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().statusCode(200).extract().path("access_token");
    }

    /** A token for one audience only (RFC 8707-style narrowing). */
    public static String serviceToken(String clientId, String secret, String audience) {
        return given().auth().preemptive().basic(clientId, secret).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("audience", audience)
                .post("/oauth/token").then().statusCode(200).extract().path("access_token");
    }

    /** What molecule-service follows the revocation feed with. */
    public static String feedToken() {
        return serviceToken(MOLECULE_CLIENT, MOLECULE_SECRET);
    }

    public static JsonPath login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/auth/login").then().statusCode(200).extract().jsonPath();
    }

    /** A fresh user; returns [id, email, password]. */
    public static String[] newUser() {
        String email = "researcher-" + UUID.randomUUID() + "@lab.example";
        String password = "correct horse battery staple";
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "display_name", "Test Researcher"))
                .post("/api/auth/signup").then().statusCode(201).extract().path("id");
        return new String[] {id, email, password};
    }

    public static String adminToken() {
        return login(ADMIN_EMAIL, ADMIN_PASSWORD).getString("access_token");
    }

    public static JsonPath header(String jwt) {
        return new JsonPath(decode(jwt.split("\\.")[0]));
    }

    public static JsonPath claims(String jwt) {
        return new JsonPath(decode(jwt.split("\\.")[1]));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
