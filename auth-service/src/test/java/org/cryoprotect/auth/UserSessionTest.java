package org.cryoprotect.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class UserSessionTest {

    @Test
    void signupLoginAndTheTokensClaims() {
        String[] user = OAuth.newUser();
        JsonPath tokens = OAuth.login(user[1].toUpperCase(), user[2]);
        assertEquals("Bearer", tokens.getString("token_type"));
        assertEquals(900, tokens.getInt("expires_in"));
        JsonPath claims = OAuth.claims(tokens.getString("access_token"));
        assertEquals(user[0], claims.getString("sub"));
        assertEquals("authenticated", claims.getString("role"));
        assertEquals(900, claims.getLong("exp") - claims.getLong("iat"));
        // the address signed in with, lower case: molecule-service matches team invitations to it
        assertEquals(user[1].toLowerCase(java.util.Locale.ROOT), claims.getString("email"));
        given().contentType(ContentType.JSON).body(Map.of("email", user[1].toUpperCase(), "password", "another password"))
                .post("/api/auth/signup").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void passwordsAndEmailsAreChecked() {
        given().contentType(ContentType.JSON).body(Map.of("email", "not-an-email", "password", "long enough password"))
                .post("/api/auth/signup").then().statusCode(400).body("errors[0].field", equalTo("email"));
        given().contentType(ContentType.JSON).body(Map.of("email", "short@lab.example", "password", "short"))
                .post("/api/auth/signup").then().statusCode(400).body("errors[0].field", equalTo("password"));
        String[] user = OAuth.newUser();
        given().contentType(ContentType.JSON).body(Map.of("email", user[1], "password", "wrong password!"))
                .post("/api/auth/login").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("email", "nobody@lab.example", "password", "wrong password!"))
                .post("/api/auth/login").then().statusCode(401).body("detail", equalTo("Wrong email or password"));
    }

    @Test
    void refreshTokensRotateAndReuseKillsTheFamily() {
        String[] user = OAuth.newUser();
        JsonPath first = OAuth.login(user[1], user[2]);
        JsonPath second = refresh(first.getString("refresh_token")).then().statusCode(200).extract().jsonPath();
        assertNotEquals(first.getString("refresh_token"), second.getString("refresh_token"));

        // the rotated-out token comes back: someone replayed it
        assertEquals(user[1].toLowerCase(java.util.Locale.ROOT), OAuth.claims(second.getString("access_token")).getString("email"),
                "a refreshed token keeps the address");
        refresh(first.getString("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        // the whole family is dead now, including the newest refresh token and its access token
        refresh(second.getString("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        introspect(second.getString("access_token")).then().statusCode(200).body("active", equalTo(false));
        introspect(first.getString("access_token")).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void repeatedFailedLoginsAreThrottledPerAccount() {
        String[] user = OAuth.newUser();
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body(Map.of("email", user[1], "password", "guess number " + i))
                    .post("/api/auth/login").then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body(Map.of("email", user[1], "password", user[2]))
                .post("/api/auth/login").then().statusCode(429).body("detail", notNullValue());
    }

    @Test
    void theBootstrapAdminExists() {
        assertEquals("admin", OAuth.claims(OAuth.adminToken()).getString("role"));
    }

    static io.restassured.response.Response refresh(String refreshToken) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken).post("/oauth/token");
    }

    static io.restassured.response.Response introspect(String token) {
        return given().auth().preemptive().basic(OAuth.IMPORT_CLIENT, OAuth.IMPORT_SECRET).contentType(ContentType.URLENC)
                .formParam("token", token).post("/oauth/introspect");
    }
}
