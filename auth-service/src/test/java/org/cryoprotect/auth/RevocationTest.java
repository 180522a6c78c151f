package org.cryoprotect.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class RevocationTest {

    @TestHTTPResource("/api/revocations/stream?since=0")
    URI stream;

    @Test
    void aRevokedTokenIsInactiveAndAnnouncedOnTheFeed() throws Exception {
        String token = OAuth.serviceToken(OAuth.IMPORT_CLIENT, OAuth.IMPORT_SECRET);
        String jti = OAuth.claims(token).getString("jti");
        UserSessionTest.introspect(token).then().body("active", equalTo(true)).body("client_id", equalTo(OAuth.IMPORT_CLIENT));

        CompletableFuture<String> heard = listenFor(jti);
        given().auth().preemptive().basic(OAuth.IMPORT_CLIENT, OAuth.IMPORT_SECRET).contentType(ContentType.URLENC)
                .formParam("token", token).formParam("token_type_hint", "access_token")
                .post("/oauth/revoke").then().statusCode(200);

        assertTrue(heard.get(5, TimeUnit.SECONDS).contains("\"type\":\"token\""));
        UserSessionTest.introspect(token).then().body("active", equalTo(false));
        given().auth().oauth2(OAuth.feedToken()).get("/api/revocations?since=0").then().statusCode(200)
                .body("value", hasItem(jti));
    }

    @Test
    void introspectionNeedsAnAuthenticatedCaller() {
        String token = OAuth.serviceToken(OAuth.IMPORT_CLIENT, OAuth.IMPORT_SECRET);
        given().contentType(ContentType.URLENC).formParam("token", token).post("/oauth/introspect")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        UserSessionTest.introspect("not a token").then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void nobodyRevokesSomeoneElsesToken() {
        String[] alice = OAuth.newUser();
        String[] bob = OAuth.newUser();
        String alicesToken = OAuth.login(alice[1], alice[2]).getString("access_token");
        String bobsToken = OAuth.login(bob[1], bob[2]).getString("access_token");
        given().auth().oauth2(bobsToken).contentType(ContentType.URLENC).formParam("token", alicesToken)
                .post("/oauth/revoke").then().statusCode(200);
        UserSessionTest.introspect(alicesToken).then().body("active", equalTo(true));
        // her own bearer token may revoke it
        given().auth().oauth2(alicesToken).contentType(ContentType.URLENC).formParam("token", alicesToken)
                .post("/oauth/revoke").then().statusCode(200);
        UserSessionTest.introspect(alicesToken).then().body("active", equalTo(false));
        given().contentType(ContentType.URLENC).formParam("token", bobsToken).post("/oauth/revoke").then().statusCode(401);
    }

    @Test
    void logoutRevokesTheRefreshTokenFamily() {
        String[] user = OAuth.newUser();
        var session = OAuth.login(user[1], user[2]);
        given().auth().oauth2(session.getString("access_token")).contentType(ContentType.URLENC)
                .formParam("token", session.getString("refresh_token")).formParam("token_type_hint", "refresh_token")
                .post("/oauth/revoke").then().statusCode(200);
        UserSessionTest.refresh(session.getString("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        UserSessionTest.introspect(session.getString("access_token")).then().body("active", equalTo(false));
    }

    @Test
    void adminsCreateClientsSeeTheSecretOnceAndDisablingKillsTheirTokens() {
        String admin = OAuth.adminToken();
        String secret = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("client_id", "report-generator", "scopes", java.util.List.of("molecules:read"),
                        "audiences", java.util.List.of("molecule-service")))
                .post("/api/admin/clients").then().statusCode(201).extract().path("client_secret");
        given().auth().oauth2(admin).get("/api/admin/clients").then().statusCode(200)
                .body("find { it.client_id == 'report-generator' }.client_secret", org.hamcrest.Matchers.nullValue());
        String token = OAuth.serviceToken("report-generator", secret);
        UserSessionTest.introspect(token).then().body("active", equalTo(true));

        given().auth().oauth2(admin).post("/api/admin/clients/report-generator/disable").then().statusCode(204);
        UserSessionTest.introspect(token).then().body("active", equalTo(false));
        given().auth().preemptive().basic("report-generator", secret).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/oauth/token").then().statusCode(401);
    }

    @Test
    void adminEndpointsAreForAdmins() {
        String[] user = OAuth.newUser();
        String userToken = OAuth.login(user[1], user[2]).getString("access_token");
        given().auth().oauth2(userToken).post("/api/admin/keys/rotate").then().statusCode(403);
        given().post("/api/admin/keys/rotate").then().statusCode(401);
        given().auth().oauth2(OAuth.serviceToken(OAuth.IMPORT_CLIENT, OAuth.IMPORT_SECRET, "molecule-service"))
                .get("/api/admin/clients").then().statusCode(401); // a token for molecule-service is not for auth-service
    }

    @Test
    void rotationPublishesTheNewKeyAndSignsWithTheOneThatWasNext() {
        String admin = OAuth.adminToken();
        java.util.List<String> before = given().get("/.well-known/jwks.json").then().extract().path("keys.kid");
        String oldKid = OAuth.header(admin).getString("kid");
        var rotated = given().auth().oauth2(admin).post("/api/admin/keys/rotate").then().statusCode(200).extract();
        String activeKid = rotated.path("active_kid");
        assertTrue(before.contains(activeKid), "the new signing key was published before it signed");
        java.util.List<String> after = given().get("/.well-known/jwks.json").then().extract().path("keys.kid");
        assertTrue(after.contains(oldKid), "the retired key stays published while its tokens live");
        assertTrue(after.size() == before.size() + 1);
        String fresh = OAuth.serviceToken(OAuth.IMPORT_CLIENT, OAuth.IMPORT_SECRET);
        org.junit.jupiter.api.Assertions.assertEquals(activeKid, OAuth.header(fresh).getString("kid"));
        UserSessionTest.introspect(admin).then().body("active", equalTo(true));
    }

    /** Reads the server-sent event stream until an event mentions the given value. */
    private CompletableFuture<String> listenFor(String value) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + OAuth.feedToken())
                .timeout(Duration.ofSeconds(10)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenApply(response -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:") && line.contains(value)) {
                        return line;
                    }
                }
                return "";
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
