package org.cryoprotect.molecule.rest;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cryoprotect.molecule.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Two labs, each with a team, a project, a private molecule, a private mixture and toxicity data.
 * Every read and write path must show each lab only its own rows, and the other lab's ids are 404.
 */
@QuarkusTest
class RowLevelSecurityTest {

    static Api alice;   // owner of team A
    static Api carol;   // viewer in team A
    static Api bob;     // owner of team B
    static String moleculeA;
    static String moleculeB;
    static String mixtureA;
    static String mixtureB;
    static String projectA;
    static String projectB;
    static String teamA;
    static String publicMolecule;

    @BeforeEach
    void twoLabs() {
        if (alice != null) {
            return;
        }
        alice = Api.user();
        carol = Api.user();
        bob = Api.user();
        teamA = alice.createTeam("Lab A");
        alice.addMember(teamA, carol, "viewer");
        String teamB = bob.createTeam("Lab B");
        projectA = alice.createProject(teamA, "Vitrification A");
        projectB = bob.createProject(teamB, "Vitrification B");
        moleculeA = alice.createMolecule("RLS secret A", "CCCCCCCCCCCCO");
        moleculeB = bob.createMolecule("RLS secret B", "CCCCCCCCCCCCCO");
        alice.link(projectA, moleculeA);
        bob.link(projectB, moleculeB);
        mixtureA = alice.createMixture("RLS mixture A", moleculeA);
        mixtureB = bob.createMixture("RLS mixture B", moleculeB);
        alice.request().body(Map.of("mixture_id", mixtureA)).post("/api/projects/" + projectA + "/mixtures").then().statusCode(201);
        alice.addToxicity(moleculeA, 1.5);
        bob.addToxicity(moleculeB, 2.5);
        publicMolecule = Api.service().createMolecule("RLS public glycerol", "OCC(O)CO");
    }

    @Test
    void eachLabListsAndSearchesOnlyItsOwnPrivateMolecules() {
        alice.request().get("/api/molecules?limit=500").then().statusCode(200)
                .body("items.id", hasItems(moleculeA, publicMolecule)).body("items.id", not(hasItem(moleculeB)));
        bob.request().get("/api/molecules?limit=500").then().statusCode(200)
                .body("items.id", hasItems(moleculeB, publicMolecule)).body("items.id", not(hasItem(moleculeA)));
        alice.request().get("/api/molecules?q=RLS secret B").then().statusCode(200).body("items", empty());
        alice.request().get("/api/molecules?formula=C13H28O").then().statusCode(200).body("items", empty());
        alice.request().get("/api/molecules?project_id=" + projectB).then().statusCode(200).body("items", empty());
        carol.request().get("/api/molecules?q=RLS secret").then().statusCode(200)
                .body("items.id", hasItem(moleculeA)).body("items.id", not(hasItem(moleculeB)));
    }

    @Test
    void anotherLabsIdsAreNotFoundOnEveryPath() {
        alice.request().get("/api/molecules/" + moleculeB).then().statusCode(404);
        alice.request().body(Map.of("name", "stolen")).patch("/api/molecules/" + moleculeB).then().statusCode(404);
        alice.request().delete("/api/molecules/" + moleculeB).then().statusCode(404);
        alice.request().get("/api/molecules/" + moleculeB + "/toxicity").then().statusCode(404);
        alice.request().accept("*/*").get("/api/molecules/" + moleculeB + "/depiction.svg").then().statusCode(404);
        alice.request().get("/api/toxicity/summary?molecule_id=" + moleculeB).then().statusCode(404);
        alice.request().get("/api/mixtures/" + mixtureB).then().statusCode(404);
        alice.request().body(Map.of("name", "stolen")).patch("/api/mixtures/" + mixtureB).then().statusCode(404);
        alice.request().delete("/api/mixtures/" + mixtureB).then().statusCode(404);
        alice.request().get("/api/projects/" + projectB).then().statusCode(404);
        alice.request().get("/api/projects/" + projectB + "/molecules").then().statusCode(404);
        alice.request().body(Map.of("molecule_id", moleculeA)).post("/api/projects/" + projectB + "/molecules").then().statusCode(404);
        bob.request().body(Map.of("molecule_id", moleculeA)).post("/api/projects/" + projectB + "/molecules").then().statusCode(404);
        bob.request().body(Map.of("user_id", bob.userId().toString(), "role", "owner"))
                .post("/api/teams/" + teamA + "/members").then().statusCode(404);
        bob.request().body(Map.of("name", "m", "components",
                        List.of(Map.of("molecule_id", moleculeA, "concentration", 1, "unit", "mol/L"))))
                .post("/api/mixtures").then().statusCode(404);
        // and nothing was changed by those attempts
        bob.request().get("/api/molecules/" + moleculeB).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("RLS secret B"));
        bob.request().get("/api/mixtures/" + mixtureB).then().statusCode(200);
    }

    @Test
    void toxicityAndMixtureListsFollowTheMolecules() {
        alice.request().get("/api/toxicity?limit=500").then().statusCode(200)
                .body("items.molecule_id", hasItem(moleculeA)).body("items.molecule_id", not(hasItem(moleculeB)));
        bob.request().get("/api/toxicity?limit=500").then().statusCode(200)
                .body("items.molecule_id", hasItem(moleculeB)).body("items.molecule_id", not(hasItem(moleculeA)));
        alice.request().get("/api/mixtures?limit=500").then().statusCode(200)
                .body("items.id", hasItem(mixtureA)).body("items.id", not(hasItem(mixtureB)));
        carol.request().get("/api/mixtures?limit=500").then().statusCode(200)
                .body("items.id", hasItem(mixtureA)).body("items.id", not(hasItem(mixtureB)));
        alice.request().get("/api/toxicity/summary?molecule_id=" + moleculeA).then().statusCode(200)
                .body("groups[0].endpoint", org.hamcrest.Matchers.equalTo("LD50"))
                .body("groups[0].unit", org.hamcrest.Matchers.equalTo("mg/kg"))
                .body("groups[0].median", org.hamcrest.Matchers.equalTo(1500.0));
    }

    @Test
    void viewersReadButCannotChange() {
        carol.request().get("/api/molecules/" + moleculeA).then().statusCode(200);
        carol.request().body(Map.of("name", "renamed")).patch("/api/molecules/" + moleculeA).then().statusCode(403);
        carol.request().delete("/api/molecules/" + moleculeA).then().statusCode(403);
        carol.request().body(Map.of("endpoint", "LD50", "value", 1, "unit", "g/kg"))
                .post("/api/molecules/" + moleculeA + "/toxicity").then().statusCode(403);
        carol.request().body(Map.of("name", "renamed")).patch("/api/mixtures/" + mixtureA).then().statusCode(403);
        carol.request().body(Map.of("name", "P", "team_id", teamA)).post("/api/projects").then().statusCode(403);
        carol.request().body(Map.of("user_id", carol.userId().toString(), "role", "owner"))
                .post("/api/teams/" + teamA + "/members").then().statusCode(403);
        alice.request().get("/api/molecules/" + moleculeA).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("RLS secret A"));
    }

    @Test
    void teamsAndProjectsAreManagedByTheirOwners() {
        Api owner = Api.user();
        Api viewer = Api.user();
        String team = owner.createTeam("Managed lab");
        owner.addMember(team, viewer, "viewer");
        String project = owner.createProject(team, "Managed project");
        String molecule = owner.createMolecule("Managed molecule", "CCCCCCCCCCCCCCCCCCCO");
        owner.link(project, molecule);

        viewer.request().body(Map.of("name", "Renamed")).patch("/api/teams/" + team).then().statusCode(403);
        viewer.request().body(Map.of("name", "Renamed")).patch("/api/projects/" + project).then().statusCode(403);
        viewer.request().delete("/api/projects/" + project + "/molecules/" + molecule).then().statusCode(403);
        viewer.request().delete("/api/projects/" + project).then().statusCode(403);
        bob.request().delete("/api/teams/" + team).then().statusCode(404);

        owner.request().body(Map.of("name", "Renamed lab")).patch("/api/teams/" + team).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("Renamed lab"));
        owner.request().body(Map.of("description", "Oocyte vitrification")).patch("/api/projects/" + project)
                .then().statusCode(200).body("description", org.hamcrest.Matchers.equalTo("Oocyte vitrification"));
        owner.request().delete("/api/projects/" + project + "/molecules/" + molecule).then().statusCode(204);
        viewer.request().get("/api/molecules/" + molecule).then().statusCode(404);
        owner.request().delete("/api/projects/" + project).then().statusCode(204);
        owner.request().delete("/api/teams/" + team).then().statusCode(204);
        viewer.request().get("/api/teams/" + team + "/members").then().statusCode(404);
    }

    @Test
    void profileNamesAreSeenByTeamMatesOnly() {
        carol.request().get("/api/me").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo(carol.userId().toString()));
        carol.request().body(Map.of("display_name", "Carol (cryobiology)")).put("/api/me").then().statusCode(200);
        carol.request().body(Map.of("display_name", "")).put("/api/me").then().statusCode(400);
        alice.request().get("/api/teams/" + teamA + "/members").then().statusCode(200)
                .body("find { it.user_id == '" + carol.userId() + "' }.display_name",
                        org.hamcrest.Matchers.equalTo("Carol (cryobiology)"));
        bob.request().get("/api/teams/" + teamA + "/members").then().statusCode(404);
        Api.service().request().get("/api/me").then().statusCode(403);
        Api.anonymous().request().get("/api/me").then().statusCode(401);
    }

    @Test
    void aTokenWithoutTheWriteScopeOnlyReads() {
        UUID reader = UUID.randomUUID();
        Api readOnly = new Api(org.cryoprotect.common.testing.TestTokens.claims(reader.toString(), "authenticated", Api.AUDIENCE)
                .claim("client_id", "reader").scope("molecules:read")
                .jws().keyId("test-key").type("at+jwt").sign(org.cryoprotect.common.testing.TestKeys.privateKey()), reader);
        readOnly.request().get("/api/molecules?limit=1").then().statusCode(200);
        readOnly.request().body(Map.of("name", "x", "smiles", "CCO")).post("/api/molecules").then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("molecules:write"));
    }

    @Test
    void anonymousCallersSeeOnlyPublicRows() {
        Api nobody = Api.anonymous();
        nobody.request().get("/api/molecules?limit=500").then().statusCode(200)
                .body("items.id", hasItem(publicMolecule))
                .body("items.id", not(hasItems(moleculeA))).body("items.id", not(hasItem(moleculeB)))
                .body("items.is_public", not(hasItem(false)));
        nobody.request().get("/api/molecules/" + moleculeA).then().statusCode(404);
        nobody.request().get("/api/molecules/" + publicMolecule).then().statusCode(200);
        nobody.request().get("/api/toxicity?limit=500").then().statusCode(200)
                .body("items.molecule_id", not(hasItem(moleculeA))).body("items.molecule_id", not(hasItem(moleculeB)));
        nobody.request().get("/api/mixtures?limit=500").then().statusCode(200).body("items.id", not(hasItem(mixtureA)));
        nobody.request().body(Map.of("name", "x", "smiles", "CCO")).post("/api/molecules").then().statusCode(401);
    }

    @Test
    void theServiceRoleSeesEverything() {
        Api service = Api.service();
        service.request().get("/api/molecules/" + moleculeA).then().statusCode(200);
        service.request().get("/api/molecules/" + moleculeB).then().statusCode(200);
        service.request().get("/api/toxicity?limit=500").then().statusCode(200)
                .body("items.molecule_id", hasItems(moleculeA, moleculeB));
        service.request().get("/api/mixtures?limit=500").then().statusCode(200).body("items.id", hasItems(mixtureA, mixtureB));
    }

    @Test
    void aStructureHeldPrivatelyByAnotherTeamIsCreatedAnewWithoutRevealingIt() {
        String mine = alice.request().body(Map.of("name", "my copy", "smiles", "CCCCCCCCCCCCCO")).post("/api/molecules")
                .then().statusCode(201).extract().path("id");
        org.junit.jupiter.api.Assertions.assertNotEquals(moleculeB, mine);
        // a structure that is public comes back as the public entry
        alice.request().body(Map.of("name", "glycerin again", "smiles", "C(C(CO)O)O")).post("/api/molecules")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.equalTo(publicMolecule));
    }
}
