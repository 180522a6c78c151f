package org.cryoprotect.auth.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.http.ContentType;

/** Tokens from the real auth-service, used against the real molecule-service, over HTTP. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenLifecycleIT {

    @Test
    @Order(1)
    void serviceAndUserTokensWorkAcrossServices() {
        String service = Http.importServiceToken();
        Http.molecules(service).body(Map.of("records", List.of(Map.of("source", "pubchem", "source_id", "702",
                        "name", "Ethanol", "smiles", "CCO"))))
                .post("/api/molecules/batch").then().statusCode(200).body("results[0].status", equalTo("created"));
        String user = Http.userSession().get("access_token");
        Http.molecules(user).body(Map.of("name", "E2E octanol", "smiles", "CCCCCCCCO")).post("/api/molecules")
                .then().statusCode(201);
        Http.molecules(user).get("/api/molecules?q=E2E").then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    @Order(2)
    void aRevokedTokenIsRefusedByMoleculeService() {
        for (int i = 0; i < 5; i++) {
            String token = Http.userSession().get("access_token");
            assertEquals(200, Http.moleculeStatus(token));
            Http.auth().header("Authorization", "Bearer " + token).contentType(ContentType.URLENC)
                    .formParam("token", token).post("/oauth/revoke").then().statusCode(200);
            Http.awaitRefused(token, Duration.ofSeconds(10), "the revoked token is refused");
        }
    }

    @Test
    @Order(3)
    void disablingAClientKillsItsLiveTokens() {
        String secret = Http.createClient("e2e-reporter", List.of("molecules:read"), List.of("molecule-service"));
        String token = Http.serviceToken("e2e-reporter", secret);
        assertEquals(200, Http.moleculeStatus(token));
        Http.auth().header("Authorization", "Bearer " + Http.adminToken()).post("/api/admin/clients/e2e-reporter/disable")
                .then().statusCode(204);
        Http.awaitRefused(token, Duration.ofSeconds(10), "a disabled client's token is refused");
    }

    @Test
    @Order(4)
    void reusingARotatedRefreshTokenKillsTheSessionEverywhere() {
        Map<String, String> session = Http.userSession();
        var refreshed = Http.auth().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", session.get("refresh_token")).post("/oauth/token")
                .then().statusCode(200).extract();
        String newAccess = refreshed.path("access_token");
        assertEquals(200, Http.moleculeStatus(newAccess));
        Http.auth().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", session.get("refresh_token")).post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
        Http.awaitRefused(newAccess, Duration.ofSeconds(10), "the family's new access token is refused after reuse");
        Http.awaitRefused(session.get("access_token"), Duration.ofSeconds(10), "the family's first access token is refused after reuse");
    }

    @Test
    @Order(4)
    void disablingAUserKillsHerTokensEverywhere() {
        Map<String, String> session = Http.userSession();
        String token = session.get("access_token");
        assertEquals(200, Http.moleculeStatus(token));
        String userId = new io.restassured.path.json.JsonPath(new String(java.util.Base64.getUrlDecoder()
                .decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8)).getString("sub");
        Http.auth().header("Authorization", "Bearer " + Http.adminToken()).post("/api/admin/users/" + userId + "/disable")
                .then().statusCode(204);
        Http.awaitRefused(token, Duration.ofSeconds(10), "a disabled user's token is refused by molecule-service");
        Http.auth().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", session.get("refresh_token")).post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    @Order(5)
    void theRevocationFeedWantsAServiceToken() {
        Http.auth().get("/api/revocations?since=0").then().statusCode(401);
        Http.auth().header("Authorization", "Bearer " + Http.userSession().get("access_token"))
                .get("/api/revocations?since=0").then().statusCode(403);
        Http.auth().header("Authorization", "Bearer " + Http.serviceToken("molecule-service", Services.MOLECULE_SECRET))
                .get("/api/revocations?since=0").then().statusCode(200);
    }

    @Test
    @Order(5)
    void aTokenForAnotherServiceIsRefused() {
        String secret = Http.createClient("e2e-importer-only", List.of("imports:write"), List.of("import-service"));
        assertEquals(401, Http.moleculeStatus(Http.serviceToken("e2e-importer-only", secret)));
    }

    @Test
    @Order(6)
    void rotatedKeysAreAcceptedWithoutRestartAndRetiredKeysStopWorking() throws InterruptedException {
        String beforeRotation = Http.importServiceToken();
        String oldKid = header(beforeRotation).getString("kid");
        String newKid = Http.auth().header("Authorization", "Bearer " + Http.adminToken()).post("/api/admin/keys/rotate")
                .then().statusCode(200).extract().path("active_kid");
        assertNotEquals(oldKid, newKid);
        String afterRotation = Http.importServiceToken();
        assertEquals(newKid, header(afterRotation).getString("kid"));
        assertEquals(200, Http.moleculeStatus(afterRotation));
        assertEquals(200, Http.moleculeStatus(beforeRotation), "tokens of the retired key live on until its grace ends");
        // this deployment retires keys after 5 s: then the old key leaves the JWKS and its tokens die
        Http.awaitRefused(beforeRotation, Duration.ofSeconds(30), "a token of an expired key is refused");
        assertEquals(200, Http.moleculeStatus(afterRotation));
    }

    @Test
    @Order(7)
    void revocationsMadeWhileMoleculeServiceWasDownApplyWhenItReconnects() {
        String token = Http.userSession().get("access_token");
        assertEquals(200, Http.moleculeStatus(token));
        Services.MOLECULES.kill();
        Http.auth().header("Authorization", "Bearer " + token).contentType(ContentType.URLENC)
                .formParam("token", token).post("/oauth/revoke").then().statusCode(200);
        Services.MOLECULES.start();
        Http.awaitRefused(token, Duration.ofSeconds(10), "a revocation made during the outage is applied");
    }

    @Test
    @Order(8)
    void revocationsSurviveAnAuthServiceRestart() {
        String token = Http.userSession().get("access_token");
        Http.auth().header("Authorization", "Bearer " + token).contentType(ContentType.URLENC)
                .formParam("token", token).post("/oauth/revoke").then().statusCode(200);
        Services.AUTH.kill();
        Services.AUTH.start();
        Http.auth().auth().preemptive().basic("import-service", Services.IMPORT_SECRET).contentType(ContentType.URLENC)
                .formParam("token", token).post("/oauth/introspect").then().statusCode(200).body("active", equalTo(false));
        // molecule-service, restarted too, learns it from the restarted auth-service's feed
        Services.MOLECULES.stop();
        Services.MOLECULES.start();
        Http.awaitRefused(token, Duration.ofSeconds(10), "the revocation is known after both restarts");
        // and a token issued now by the restarted auth-service (same keys, from the database) works
        assertEquals(200, Http.moleculeStatus(Http.importServiceToken()));
    }

    private static io.restassured.path.json.JsonPath header(String jwt) {
        return new io.restassured.path.json.JsonPath(new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[0]),
                java.nio.charset.StandardCharsets.UTF_8));
    }
}
