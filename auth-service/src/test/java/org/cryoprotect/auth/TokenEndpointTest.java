package org.cryoprotect.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class TokenEndpointTest {

    @Test
    void clientCredentialsGiveAShortLivedRfc9068TokenAndNoRefreshToken() {
        var response = given().auth().preemptive().basic(OAuth.IMPORT_CLIENT, OAuth.IMPORT_SECRET)
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(300))
                .body("scope", equalTo("molecules:read molecules:write"))
                .body("refresh_token", nullValue())
                .extract();
        String token = response.path("access_token");
        JsonPath header = OAuth.header(token);
        assertEquals("RS256", header.getString("alg"));
        assertEquals("at+jwt", header.getString("typ"));
        List<String> published = given().get("/.well-known/jwks.json").then().statusCode(200).extract().path("keys.kid");
        assertTrue(published.contains(header.getString("kid")));

        JsonPath claims = OAuth.claims(token);
        assertEquals("http://localhost:8081", claims.getString("iss"));
        assertEquals(OAuth.IMPORT_CLIENT, claims.getString("sub"));
        assertEquals(OAuth.IMPORT_CLIENT, claims.getString("client_id"));
        assertEquals("service_role", claims.getString("role"));
        assertTrue(claims.getString("aud").contains("molecule-service"));
        assertEquals(300, claims.getLong("exp") - claims.getLong("iat"));
        assertTrue(claims.getString("jti").length() >= 32);
    }

    @Test
    void clientSecretMayComeInTheFormAndScopesMayBeNarrowed() {
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", OAuth.IMPORT_CLIENT).formParam("client_secret", OAuth.IMPORT_SECRET)
                .formParam("scope", "molecules:read")
                .post("/oauth/token").then().statusCode(200).body("scope", equalTo("molecules:read"));
    }

    @Test
    void wrongOrUnknownClientsAreInvalidClient() {
        given().auth().preemptive().basic(OAuth.IMPORT_CLIENT, "wrong").contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/oauth/token")
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Basic realm=\"cryoprotect\""))
                .body("error", equalTo("invalid_client"));
        given().auth().preemptive().basic("nobody", "whatever").contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/oauth/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials").post("/oauth/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void malformedRequestsGetRfc6749Errors() {
        given().contentType(ContentType.URLENC).formParam("scope", "x").post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        given().contentType(ContentType.URLENC).formParam("grant_type", "password").post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
        given().contentType(ContentType.URLENC).body("grant_type=client_credentials&grant_type=client_credentials")
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_request"));
        given().auth().preemptive().basic(OAuth.IMPORT_CLIENT, OAuth.IMPORT_SECRET).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", OAuth.IMPORT_CLIENT)
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_request"));
        given().auth().preemptive().basic(OAuth.IMPORT_CLIENT, OAuth.IMPORT_SECRET).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("scope", "admin:everything")
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_scope"));
        given().auth().preemptive().basic(OAuth.IMPORT_CLIENT, OAuth.IMPORT_SECRET).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("resource", "billing-service")
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_target"));
        given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token").post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        given().auth().preemptive().basic("%%%", "x").contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post("/oauth/token").then().statusCode(401);
    }

    @Test
    void wrongContentTypeBadJsonAndHugeBodiesAreRefusedCleanly() {
        given().contentType(ContentType.JSON).body("{\"grant_type\":\"client_credentials\"}").post("/oauth/token")
                .then().statusCode(415).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"email\": ").post("/api/auth/login")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"email\":\"a@b.c\",\"password\":\"x\",\"admin\":true}")
                .post("/api/auth/login").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.URLENC).body("grant_type=client_credentials&junk=" + "x".repeat(200_000))
                .post("/oauth/token").then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));
        given().contentType(ContentType.JSON).body("{\"email\":\"a@b.c\",\"password\":\"" + "x".repeat(100_000) + "\"}")
                .post("/api/auth/login").then().statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(OAuth.feedToken()).get("/api/revocations?since=-4").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void metadataAndKeySetArePublicAndHoldNoPrivateParts() {
        given().get("/.well-known/oauth-authorization-server").then().statusCode(200)
                .body("issuer", equalTo("http://localhost:8081"))
                .body("token_endpoint", equalTo("http://localhost:8081/oauth/token"))
                .body("grant_types_supported", hasItem("client_credentials"));
        given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys.kty", not(hasItem("oct")))
                .body("keys.d", not(hasItem(org.hamcrest.Matchers.notNullValue())))
                .body("keys.alg", org.hamcrest.Matchers.everyItem(equalTo("RS256")));
    }
}
