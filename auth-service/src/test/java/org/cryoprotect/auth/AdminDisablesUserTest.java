package org.cryoprotect.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class AdminDisablesUserTest {

    @Test
    void aDisabledUserCanNeitherLogInNorRefreshAndHerTokensAreRevoked() {
        String[] user = OAuth.newUser();
        JsonPath first = OAuth.login(user[1], user[2]);
        JsonPath second = OAuth.login(user[1], user[2]);
        UserSessionTest.introspect(first.getString("access_token")).then().body("active", equalTo(true));

        given().auth().oauth2(OAuth.adminToken()).post("/api/admin/users/" + user[0] + "/disable").then().statusCode(204);

        for (JsonPath session : new JsonPath[] {first, second}) {
            UserSessionTest.introspect(session.getString("access_token")).then().body("active", equalTo(false));
            UserSessionTest.introspect(session.getString("refresh_token")).then().body("active", equalTo(false));
            UserSessionTest.refresh(session.getString("refresh_token")).then().statusCode(400).body("error", equalTo("invalid_grant"));
        }
        given().auth().oauth2(first.getString("access_token")).contentType(ContentType.URLENC)
                .formParam("token", first.getString("access_token")).post("/oauth/revoke").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("email", user[1], "password", user[2]))
                .post("/api/auth/login").then().statusCode(401);
        // disabling twice, or someone who does not exist
        given().auth().oauth2(OAuth.adminToken()).post("/api/admin/users/" + user[0] + "/disable").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(OAuth.adminToken()).post("/api/admin/users/not-a-uuid/disable").then().statusCode(404);
    }

    @Test
    void onlyAdministratorsDisableUsersAndARefusalChangesNothing() {
        String[] victim = OAuth.newUser();
        String[] other = OAuth.newUser();
        JsonPath session = OAuth.login(victim[1], victim[2]);
        String otherToken = OAuth.login(other[1], other[2]).getString("access_token");

        given().auth().oauth2(otherToken).post("/api/admin/users/" + victim[0] + "/disable").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(OAuth.serviceToken(OAuth.MOLECULE_CLIENT, OAuth.MOLECULE_SECRET))
                .post("/api/admin/users/" + victim[0] + "/disable").then().statusCode(403);
        given().post("/api/admin/users/" + victim[0] + "/disable").then().statusCode(401);
        // a user may not disable herself through the admin endpoint either
        given().auth().oauth2(session.getString("access_token")).post("/api/admin/users/" + victim[0] + "/disable")
                .then().statusCode(403);

        UserSessionTest.introspect(session.getString("access_token")).then().body("active", equalTo(true));
        UserSessionTest.refresh(session.getString("refresh_token")).then().statusCode(200);
        OAuth.login(victim[1], victim[2]);
    }

    @Test
    void anAdministratorCannotDisableHerself() {
        String admin = OAuth.adminToken();
        String adminId = OAuth.claims(admin).getString("sub");
        given().auth().oauth2(admin).post("/api/admin/users/" + adminId + "/disable").then().statusCode(409);
        OAuth.adminToken();
    }
}
