package org.cryoprotect.molecule.rest;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.cryoprotect.molecule.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The attacks that found the holes in the write policies, replayed over HTTP: two allowed steps
 * (link a row you can see to a project of your own, then use the project's rights) must not add up
 * to a forbidden one.
 */
@QuarkusTest
class LinkAttackTest {

    @Test
    void aStrangerWhoLinksTheRegistryOrAPublishedMoleculeToHerProjectGainsNothing() {
        String registry = Api.service().createMolecule("Attack registry entry", "OC(CO)C(O)C(O)C(O)CCO");
        Api researcher = Api.user();
        String published = researcher.createMolecule("Attack published", "CCCCCCCCCCCCCCCCCCCCCO");
        researcher.request().body(Map.of("is_public", true)).patch("/api/molecules/" + published).then().statusCode(200);
        Api mallory = Api.user();
        mallory.request().body(Map.of("name", "vandalised", "is_public", false)).patch("/api/molecules/" + published)
                .then().statusCode(403);

        String project = mallory.createProject(mallory.createTeam("Mallory's lab"), "Mallory's project");
        linkAs(mallory, project, registry).then().statusCode(201).body("grants", equalTo("reference"));
        linkAs(mallory, project, published).then().statusCode(201).body("grants", equalTo("reference"));

        mallory.request().body(Map.of("endpoint", "LD50", "value", 1, "unit", "mg/kg", "source", "pubchem"))
                .post("/api/molecules/" + registry + "/toxicity").then().statusCode(403);
        mallory.request().delete("/api/molecules/" + registry).then().statusCode(403);
        mallory.request().body(Map.of("name", "vandalised", "is_public", false)).patch("/api/molecules/" + published)
                .then().statusCode(403);

        Api.anonymous().request().get("/api/molecules/" + registry).then().statusCode(200)
                .body("name", equalTo("Attack registry entry"));
        Api.anonymous().request().get("/api/molecules/" + published).then().statusCode(200)
                .body("name", equalTo("Attack published")).body("is_public", equalTo(true));
        Api.service().request().get("/api/molecules/" + registry + "/toxicity").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void aViewerWhoLinksHerTeamsSecretToATeamSheOwnsNeitherPublishesDeletesNorLeaksIt() {
        Api alice = Api.user();
        Api carol = Api.user();
        Api dave = Api.user();
        String teamA = alice.createTeam("Lab A");
        alice.addMember(teamA, carol, "viewer");
        String secret = alice.createMolecule("Unpublished candidate", "CCCCCCCCCCCCCCCCCCCCCCO");
        alice.link(alice.createProject(teamA, "Candidates"), secret);

        String teamC = carol.createTeam("Carol's other lab");
        carol.addMember(teamC, dave, "editor");
        String projectC = carol.createProject(teamC, "Carol's project");
        dave.request().get("/api/molecules/" + secret).then().statusCode(404);

        linkAs(carol, projectC, secret).then().statusCode(201).body("grants", equalTo("reference"));

        carol.request().body(Map.of("is_public", true)).patch("/api/molecules/" + secret).then().statusCode(403);
        carol.request().delete("/api/molecules/" + secret).then().statusCode(403);
        dave.request().get("/api/molecules/" + secret).then().statusCode(404);
        dave.request().get("/api/molecules?project_id=" + projectC).then().statusCode(200).body("items.size()", equalTo(0));
        Api.anonymous().request().get("/api/molecules/" + secret).then().statusCode(404);
        alice.request().get("/api/molecules/" + secret).then().statusCode(200).body("is_public", equalTo(false));
    }

    @Test
    void anEditorWhoLinksIntoATeamSheOwnsSharesNothing() {
        Api alice = Api.user();
        Api eve = Api.user();
        String teamA = alice.createTeam("Lab A");
        alice.addMember(teamA, eve, "editor");
        String molecule = alice.createMolecule("Shared with editors", "CCCCCCCCCCCCCCCCCCCCCCCO");
        alice.link(alice.createProject(teamA, "Shared"), molecule);

        String ownProject = eve.createProject(eve.createTeam("Eve's lab"), "Eve's project");
        linkAs(eve, ownProject, molecule).then().statusCode(201).body("grants", equalTo("reference"));

        eve.request().body(Map.of("is_public", true)).patch("/api/molecules/" + molecule).then().statusCode(403);
        eve.request().delete("/api/molecules/" + molecule).then().statusCode(403);
        eve.request().body(Map.of("name", "Renamed by an editor")).patch("/api/molecules/" + molecule).then().statusCode(200);
        alice.request().get("/api/molecules/" + molecule).then().statusCode(200).body("is_public", equalTo(false));
    }

    @Test
    void aFormerOwnerKeepsNothingOnceRemovedFromTheTeam() {
        Api alice = Api.user();
        Api bob = Api.user();
        String teamA = alice.createTeam("Lab A");
        alice.addMember(teamA, bob, "owner");
        String molecule = alice.createMolecule("Owned by Alice", "CCCCCCCCCCCCCCCCCCCCCCCCCCCO");
        alice.link(alice.createProject(teamA, "Shared"), molecule);
        String bobsProject = bob.createProject(bob.createTeam("Bob's own lab"), "Bob's project");
        linkAs(bob, bobsProject, molecule).then().statusCode(201).body("grants", equalTo("reference"));

        alice.request().delete("/api/teams/" + teamA + "/members/" + bob.userId()).then().statusCode(204);

        bob.request().get("/api/molecules/" + molecule).then().statusCode(404);
        bob.request().body(Map.of("is_public", true)).patch("/api/molecules/" + molecule).then().statusCode(404);
        bob.request().delete("/api/molecules/" + molecule).then().statusCode(404);
        alice.request().get("/api/molecules/" + molecule).then().statusCode(200).body("is_public", equalTo(false));
    }

    @Test
    void linkingAgainWithMoreRightsRaisesTheGrantAndNeverLowersIt() {
        Api owner = Api.user();
        Api viewer = Api.user();
        String team = owner.createTeam("Relink lab");
        owner.addMember(team, viewer, "editor");
        String molecule = owner.createMolecule("Relinked", "CCCCCCCCCCCCCCCCCCCCCCCCO");
        String shared = owner.createProject(team, "Where it is shared");
        owner.link(shared, molecule);

        Api outsider = Api.user();
        String outsiderTeam = outsider.createTeam("Outsider lab");
        outsider.addMember(outsiderTeam, viewer, "editor");
        outsider.addMember(outsiderTeam, owner, "editor");
        String project = outsider.createProject(outsiderTeam, "Outsider project");
        owner.request().body(Map.of("user_id", viewer.userId().toString(), "role", "viewer"))
                .post("/api/teams/" + team + "/members").then().statusCode(201);

        linkAs(viewer, project, molecule).then().statusCode(201).body("grants", equalTo("reference"));
        outsider.request().get("/api/molecules/" + molecule).then().statusCode(404);
        linkAs(owner, project, molecule).then().statusCode(201).body("grants", equalTo("manage"));
        outsider.request().get("/api/molecules/" + molecule).then().statusCode(200);
        linkAs(viewer, project, molecule).then().statusCode(201).body("grants", equalTo("manage"));
    }

    @Test
    void aTeamAlwaysKeepsAnOwner() {
        Api owner = Api.user();
        Api editor = Api.user();
        String team = owner.createTeam("Owned lab");
        owner.addMember(team, editor, "editor");

        owner.request().delete("/api/teams/" + team + "/members/" + owner.userId()).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("at least one owner"));
        owner.request().body(Map.of("user_id", owner.userId().toString(), "role", "viewer"))
                .post("/api/teams/" + team + "/members").then().statusCode(409);
        owner.request().get("/api/teams/" + team + "/members").then().statusCode(200)
                .body("find { it.user_id == '" + owner.userId() + "' }.role", equalTo("owner"));

        owner.addMember(team, editor, "owner");
        owner.request().delete("/api/teams/" + team + "/members/" + owner.userId()).then().statusCode(204);
        editor.request().get("/api/teams/" + team + "/members").then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void deletingAProjectRemovesItsLinksNeverTheRows() {
        Api owner = Api.user();
        Api viewer = Api.user();
        String team = owner.createTeam("Project lab");
        owner.addMember(team, viewer, "viewer");
        String project = owner.createProject(team, "Short-lived");
        String molecule = owner.createMolecule("Outlives its project", "CCCCCCCCCCCCCCCCCCCCCCCCCO");
        owner.link(project, molecule);
        viewer.request().get("/api/molecules/" + molecule).then().statusCode(200);

        owner.request().delete("/api/projects/" + project).then().statusCode(204);

        owner.request().get("/api/molecules/" + molecule).then().statusCode(200);
        viewer.request().get("/api/molecules/" + molecule).then().statusCode(404);
    }

    @Test
    void toxicityProvenanceAndMeasurementOwnership() {
        Api owner = Api.user();
        Api editor = Api.user();
        Api otherEditor = Api.user();
        String team = owner.createTeam("Tox lab");
        owner.addMember(team, editor, "editor");
        owner.addMember(team, otherEditor, "editor");
        String molecule = owner.createMolecule("Tox subject", "CCCCCCCCCCCCCCCCCCCCCCCCCCO");
        owner.link(owner.createProject(team, "Tox"), molecule);
        String path = "/api/molecules/" + molecule + "/toxicity";

        owner.request().body(Map.of("endpoint", "LD50", "value", 1, "unit", "g/kg", "source", "chembl"))
                .post(path).then().statusCode(403).body("detail", org.hamcrest.Matchers.containsString("Only imports"));
        owner.request().body(Map.of("endpoint", "LD50", "value", 1, "unit", "g/kg", "source", "literature"))
                .post(path).then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("reference"));
        owner.request().body(Map.of("endpoint", "LD50", "value", 1, "unit", "g/kg", "source", "rumour"))
                .post(path).then().statusCode(400);

        String mine = editor.request().body(Map.of("endpoint", "LD50", "value", 1, "unit", "g/kg", "source", "literature",
                        "reference", "J. Cryobiol. 12:34"))
                .post(path).then().statusCode(201).body("created_by", equalTo(editor.userId().toString()))
                .body("normalized_value", equalTo(1000.0)).extract().path("id");
        otherEditor.request().body(Map.of("value", 5)).patch("/api/toxicity/" + mine).then().statusCode(403);
        otherEditor.request().delete("/api/toxicity/" + mine).then().statusCode(403);
        owner.request().delete("/api/toxicity/" + mine).then().statusCode(403);
        editor.request().body(Map.of("value", 2)).patch("/api/toxicity/" + mine).then().statusCode(200)
                .body("value", equalTo(2.0)).body("normalized_value", equalTo(2000.0));
        editor.request().body(Map.of("reference", "")).patch("/api/toxicity/" + mine).then().statusCode(400);

        owner.request().body(Map.of("user_id", editor.userId().toString(), "role", "viewer"))
                .post("/api/teams/" + team + "/members").then().statusCode(201);
        editor.request().delete("/api/toxicity/" + mine).then().statusCode(403);
        Api.user().request().delete("/api/toxicity/" + mine).then().statusCode(404);
        owner.request().get(path).then().statusCode(200).body("items[0].value", equalTo(2.0));
    }

    private static io.restassured.response.Response linkAs(Api who, String project, String molecule) {
        return who.request().body(Map.of("molecule_id", molecule)).post("/api/projects/" + project + "/molecules");
    }
}
