package org.cryoprotect.molecule.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cryoprotect.common.testing.TestDatabase;
import org.cryoprotect.common.testing.TestKeys;
import org.cryoprotect.common.testing.TestTokens;
import org.cryoprotect.molecule.Api;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Members by e-mail address without an account-enumeration hole: inviting an address answers the
 * same whether or not someone has an account with it, and only the researcher signed in with that
 * address (the token's verified email claim) sees the invitation and joins by accepting it.
 */
@QuarkusTest
class TeamInvitationTest {

    @ConfigProperty(name = "cryo.test.database")
    String database;

    /** A user whose token carries her e-mail address, as auth-service's do. */
    static Api withEmail(UUID id, String email) {
        String token = TestTokens.claims(id.toString(), "authenticated", Api.AUDIENCE)
                .claim("client_id", "cryoprotect-web").claim("email", email)
                .scope("molecules:read molecules:write")
                .jws().keyId("test-key").type("at+jwt").sign(TestKeys.privateKey());
        return new Api(token, id);
    }

    static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@lab.example";
    }

    @Test
    void theOwnersAnswerIsTheSameForAnAddressWithAnAccountAndForOneWithout() {
        Api owner = Api.user();
        String team = owner.createTeam("Invitations lab");
        String known = address("known");
        withEmail(UUID.randomUUID(), known).request().get("/api/invitations").then().statusCode(200);  // she exists and signs in

        Response toKnown = invite(owner, team, known, "editor");
        Response toUnknown = invite(owner, team, address("unknown"), "editor");
        assertEquals(202, toKnown.statusCode());
        assertEquals(202, toUnknown.statusCode());
        assertEquals(keys(toKnown), keys(toUnknown));
        assertEquals("editor", toUnknown.path("role"));
        owner.request().get("/api/teams/" + team + "/invitations").then().statusCode(200).body("size()", equalTo(2));
    }

    @Test
    void theInviteeSeesAcceptsAndJoinsWithTheInvitedRole() {
        Api owner = Api.user();
        String team = owner.createTeam("Joining lab");
        String email = address("Carol");
        Api carol = withEmail(UUID.randomUUID(), email.toUpperCase());  // addresses compare case-insensitively
        invite(owner, team, email, "viewer").then().statusCode(202).body("email", equalTo(email.toLowerCase()));

        String invitation = carol.request().get("/api/invitations").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].team_name", equalTo("Joining lab")).body("[0].role", equalTo("viewer"))
                .extract().path("[0].id");
        carol.request().get("/api/teams/" + team + "/members").then().statusCode(404);  // not a member yet

        carol.request().post("/api/invitations/" + invitation + "/accept").then().statusCode(200).body("team_id", equalTo(team));
        carol.request().get("/api/teams/" + team + "/members").then().statusCode(200)
                .body("find { it.user_id == '" + carol.userId() + "' }.role", equalTo("viewer"));
        carol.request().get("/api/invitations").then().body("size()", equalTo(0));
        owner.request().get("/api/teams/" + team + "/invitations").then().body("size()", equalTo(0));
        carol.request().post("/api/invitations/" + invitation + "/accept").then().statusCode(404);  // used up
    }

    @Test
    void nobodyElseSeesOrUsesAnInvitation() throws SQLException {
        Api owner = Api.user();
        String team = owner.createTeam("Guarded lab");
        Api editor = Api.user();
        owner.addMember(team, editor, "editor");
        String email = address("dana");
        invite(owner, team, email, "owner").then().statusCode(202);
        String invitation = owner.request().get("/api/teams/" + team + "/invitations").then().extract().path("[0].id");
        String before = snapshot();

        Api mallory = withEmail(UUID.randomUUID(), address("mallory"));
        mallory.request().get("/api/invitations").then().statusCode(200).body("size()", equalTo(0));
        mallory.request().post("/api/invitations/" + invitation + "/accept").then().statusCode(404);
        mallory.request().delete("/api/invitations/" + invitation).then().statusCode(404);
        Api.user().request().post("/api/invitations/" + invitation + "/accept").then().statusCode(404);  // a token without email
        invite(mallory, team, address("friend"), "owner").then().statusCode(404);  // cannot see the team
        mallory.request().get("/api/teams/" + team + "/invitations").then().statusCode(404);
        mallory.request().delete("/api/teams/" + team + "/invitations/" + invitation).then().statusCode(404);

        invite(editor, team, address("friend"), "viewer").then().statusCode(403)
                .body("detail", equalTo("Only a team's owners invite members"));
        editor.request().get("/api/teams/" + team + "/invitations").then().statusCode(200).body("size()", equalTo(0));
        editor.request().delete("/api/teams/" + team + "/invitations/" + invitation).then().statusCode(403);
        Api.anonymous().request().get("/api/invitations").then().statusCode(401);
        assertEquals(before, snapshot(), "refused requests changed nothing");

        owner.request().delete("/api/teams/" + team + "/invitations/" + invitation).then().statusCode(204);
        withEmail(UUID.randomUUID(), email).request().get("/api/invitations").then().body("size()", equalTo(0));
    }

    @Test
    void theInviteeMayDeclineAndAnExpiredInvitationCannotBeAccepted() throws SQLException {
        Api owner = Api.user();
        String team = owner.createTeam("Declined lab");
        String email = address("erin");
        Api erin = withEmail(UUID.randomUUID(), email);
        invite(owner, team, email, "editor").then().statusCode(202);
        String first = erin.request().get("/api/invitations").then().extract().path("[0].id");
        erin.request().delete("/api/invitations/" + first).then().statusCode(204);
        owner.request().get("/api/teams/" + team + "/invitations").then().body("size()", equalTo(0));

        invite(owner, team, email, "editor").then().statusCode(202);
        String second = owner.request().get("/api/teams/" + team + "/invitations").then().extract().path("[0].id");
        try (Connection db = TestDatabase.superuser(database)) {
            db.createStatement().execute("update chem.team_invitations set expires_at = now() - interval '1 second' where id = '" + second + "'");
        }
        erin.request().get("/api/invitations").then().body("size()", equalTo(0));
        erin.request().post("/api/invitations/" + second + "/accept").then().statusCode(404);
        owner.request().get("/api/teams/" + team + "/members").then()
                .body("user_id", not(hasItem(erin.userId().toString())));
    }

    @Test
    void badAddressesAndRolesAreNamed() {
        Api owner = Api.user();
        String team = owner.createTeam("Strict lab");
        invite(owner, team, "not an address", "viewer").then().statusCode(400).body("errors[0].field", equalTo("email"));
        invite(owner, team, address("ok"), "admin").then().statusCode(400).body("errors[0].field", equalTo("role"));
    }

    private static Response invite(Api who, String team, String email, String role) {
        return who.request().body(Map.of("email", email, "role", role)).post("/api/teams/" + team + "/invitations");
    }

    private static List<String> keys(Response response) {
        return List.copyOf(new java.util.TreeSet<>(response.jsonPath().getMap("").keySet().stream().map(String::valueOf).toList()));
    }

    private String snapshot() throws SQLException {
        try (Connection db = TestDatabase.superuser(database);
                ResultSet rs = db.createStatement().executeQuery("""
                        select md5(coalesce(string_agg(r, '|' order by r), '')) from (
                            select 'i' || x::text as r from chem.team_invitations x union all
                            select 'mb' || x::text from chem.team_members x union all
                            select 'tm' || x::text from chem.teams x) rows""")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
