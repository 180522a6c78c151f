package org.cryoprotect.molecule.rest;

import static org.cryoprotect.molecule.ToxicityFixtures.parsed;
import static org.cryoprotect.molecule.ToxicityFixtures.send;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cryoprotect.common.testing.TestDatabase;
import org.cryoprotect.molecule.Api;
import org.cryoprotect.molecule.ToxicityFixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * GET /api/toxicity/ranking over five registry molecules ("Rankset 1".."Rankset 5", values in mg/kg)
 * and one private molecule of Bob's team, and the summary they share their statistics with.
 */
@QuarkusTest
class ToxicityRankingTest {

    static Api alice;   // a researcher in no team with access to the private molecule
    static Api bob;     // owner of the team the private molecule is shared with
    static Api bobsViewer;
    static List<String> registry;   // Rankset 1..5
    static String secret;           // Bob's private molecule, with the highest rat oral LD50
    static String aliceProject;

    private static final String LONG = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

    @ConfigProperty(name = "cryo.test.database")
    String database;

    @BeforeEach
    void world() {
        if (alice != null) {
            return;
        }
        alice = Api.user();
        bob = Api.user();
        bobsViewer = Api.user();
        registry = new ArrayList<>();
        List<Long> cids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            long cid = ToxicityFixtures.cid();
            cids.add(cid);
            registry.add(ToxicityFixtures.registryMolecule(cid, "Rankset " + i));
        }
        // rat oral medians: 1 -> 200, 2 -> 50, 3 -> 700, 4 -> 260; 5 has mouse data only
        send(List.of(
                parsed(cids.get(0), "1/a", "LD50", 100, "mg/kg", "Rat", "oral"),
                parsed(cids.get(0), "1/b", "LD50", 0.2, "g/kg", "rat", "orl"),
                parsed(cids.get(0), "1/c", "LD50", 300, "mg/kg", "Rattus norvegicus", "oral"),
                parsed(cids.get(1), "2/a", "LD50", 50, "mg/kg", "rat", "oral"),
                parsed(cids.get(1), "2/b", "LD50", 10, "mg/kg", "mouse", "oral"),
                parsed(cids.get(2), "3/a", "LD50", 400, "mg/kg", "rat", "oral"),
                parsed(cids.get(2), "3/b", "LD50", 1, "g/kg", "rat", "oral"),
                parsed(cids.get(3), "4/a", "LD50", 250, "mg/kg", "rat", "oral"),
                parsed(cids.get(3), "4/b", "LD50", 260, "mg/kg", "rat", "oral"),
                parsed(cids.get(3), "4/c", "LD50", 10, "g/kg", "rat", "oral"),
                parsed(cids.get(4), "5/a", "LD50", 5, "g/kg", "mouse", "ip"),
                parsed(cids.get(3), "4/d", "IC50", 2, "mM", "human", null)))
                .statusCode(200).body("results.status", org.hamcrest.Matchers.everyItem(equalTo("created")));
        send(List.of(ToxicityFixtures.unparsed(cids.get(0), "1/x", "LD50 very high", "no value"))).statusCode(200);

        String team = bob.createTeam("Secret rankers");
        bob.addMember(team, bobsViewer, "viewer");
        String project = bob.createProject(team, "Secret ranking");
        secret = bob.createMolecule("Rankset secret", ToxicityFixtures.uniqueSmiles());
        bob.link(project, secret);
        bob.request().body(Map.of("endpoint", "LD50", "species", "rat", "route", "oral", "value", 9, "unit", "g/kg"))
                .post("/api/molecules/" + secret + "/toxicity").then().statusCode(201);

        aliceProject = alice.createProject(alice.createTeam("Public rankers"), "Shortlist");
        alice.link(aliceProject, registry.get(0));
        alice.link(aliceProject, registry.get(2));
    }

    private static List<String> ranked(Api who, String query) {
        return who.request().get("/api/toxicity/ranking?q=Rankset&limit=100&" + query).then().statusCode(200)
                .extract().path("items.name");
    }

    @Test
    void medianRatOralLd50HighestFirstByDefault() {
        var page = alice.request().get("/api/toxicity/ranking?endpoint=LD50&species=rat&route=oral&q=Rankset").then().statusCode(200)
                .body("items.name", equalTo(List.of("Rankset 3", "Rankset 4", "Rankset 1", "Rankset 2")))
                .body("items[0].unit", equalTo("mg/kg"))
                .body("items[0].molecule_id", equalTo(registry.get(2)))
                .body("items[0].count", equalTo(2))
                .body("items[0].formula", org.hamcrest.Matchers.notNullValue())
                .body("next_cursor", equalTo(null)).extract();
        assertEquals(List.of(700.0, 260.0, 200.0, 50.0), numbers(page.path("items.value")));
        assertEquals(List.of(400.0, 700.0, 1000.0), numbers(List.of(page.path("items[0].min"), page.path("items[0].median"),
                page.path("items[0].max"))));
    }

    @Test
    void orderAndStatistic() {
        assertEquals(List.of("Rankset 2", "Rankset 1", "Rankset 4", "Rankset 3"),
                ranked(alice, "endpoint=LD50&species=rat&route=oral&order=asc"));
        assertEquals(List.of("Rankset 4", "Rankset 3", "Rankset 1", "Rankset 2"),
                ranked(alice, "endpoint=ld50&species=Rat&route=oral&stat=max"));
        assertEquals(List.of(50.0, 100.0, 250.0, 400.0), numbers(alice.request()
                .get("/api/toxicity/ranking?q=Rankset&endpoint=LD50&species=rat&route=oral&stat=min&order=asc")
                .then().extract().path("items.value")));
    }

    @Test
    void speciesAndRouteNarrowOrWidenTheGroup() {
        assertEquals(List.of("Rankset 5", "Rankset 2"), ranked(alice, "endpoint=LD50&species=mouse"));
        assertEquals(List.of("Rankset 5"), ranked(alice, "endpoint=LD50&species=Mus musculus&route=intraperitoneal"));
        // over all species and routes: Rankset 2's median is that of 50 and 10
        var all = alice.request().get("/api/toxicity/ranking?q=Rankset&endpoint=LD50").then()
                .body("items.name", equalTo(List.of("Rankset 5", "Rankset 3", "Rankset 4", "Rankset 1", "Rankset 2")))
                .body("items[4].count", equalTo(2)).extract();
        assertEquals(List.of(30.0), numbers(List.of((Number) all.path("items[4].value"))));
        // concentrations rank in µM by default
        var ic50 = alice.request().get("/api/toxicity/ranking?q=Rankset&endpoint=IC50").then()
                .body("items.name", equalTo(List.of("Rankset 4"))).body("items[0].unit", equalTo("µM")).extract();
        assertEquals(List.of(2000.0), numbers(List.of((Number) ic50.path("items[0].value"))));
        assertEquals(List.of(), ranked(alice, "endpoint=LD50&species=bovine"));
    }

    @Test
    void moleculeFiltersApply() {
        assertEquals(List.of("Rankset 3", "Rankset 1"),
                ranked(alice, "endpoint=LD50&species=rat&route=oral&project_id=" + aliceProject));
        double weight = Api.anonymous().request().get("/api/molecules/" + registry.get(3)).then().statusCode(200)
                .extract().path("properties.molecular_weight.value");
        List<String> expected = new ArrayList<>();
        for (String name : List.of("Rankset 3", "Rankset 4", "Rankset 1", "Rankset 2")) {
            String id = registry.get(Integer.parseInt(name.substring(8)) - 1);
            double w = Api.anonymous().request().get("/api/molecules/" + id).then().extract().path("properties.molecular_weight.value");
            if (Math.abs(w - weight) < 0.01) {
                expected.add(name);
            }
        }
        assertEquals(expected, ranked(alice, "endpoint=LD50&species=rat&route=oral&mw_min=" + (weight - 0.01)
                + "&mw_max=" + (weight + 0.01)));
        assertEquals(List.of(), ranked(alice, "endpoint=LD50&species=rat&route=oral&formula=C1H1"));
    }

    @Test
    void keysetPagesAddUpToTheWholeRanking() {
        for (String query : List.of("endpoint=LD50&species=rat&route=oral", "endpoint=LD50&order=asc",
                "endpoint=LD50&stat=max")) {
            List<String> whole = ranked(alice, query);
            List<String> paged = new ArrayList<>();
            String cursor = null;
            do {
                var page = alice.request().get("/api/toxicity/ranking?q=Rankset&limit=2&" + query
                        + (cursor == null ? "" : "&cursor=" + cursor)).then().statusCode(200).extract();
                paged.addAll(page.path("items.name"));
                cursor = page.path("next_cursor");
            } while (cursor != null);
            assertEquals(whole, paged, query);
        }
    }

    @Test
    void privateMoleculesRankOnlyForThoseWhoSeeThem() {
        List<String> withSecret = List.of("Rankset secret", "Rankset 3", "Rankset 4", "Rankset 1", "Rankset 2");
        List<String> withoutSecret = withSecret.subList(1, 5);
        assertEquals(withSecret, ranked(bob, "endpoint=LD50&species=rat&route=oral"));
        assertEquals(withSecret, ranked(bobsViewer, "endpoint=LD50&species=rat&route=oral"));
        assertEquals(withSecret, ranked(Api.service(), "endpoint=LD50&species=rat&route=oral"));
        assertEquals(withoutSecret, ranked(alice, "endpoint=LD50&species=rat&route=oral"));
        assertEquals(withoutSecret, ranked(Api.anonymous(), "endpoint=LD50&species=rat&route=oral"));
        assertEquals(withoutSecret, ranked(Api.user(), "endpoint=LD50&species=rat&route=oral"));

        // published, it ranks for everyone; unpublished, it is Bob's team's again
        bob.request().body(Map.of("is_public", true)).patch("/api/molecules/" + secret).then().statusCode(200);
        assertEquals(withSecret, ranked(alice, "endpoint=LD50&species=rat&route=oral"));
        assertEquals(withSecret, ranked(Api.anonymous(), "endpoint=LD50&species=rat&route=oral"));
        bob.request().body(Map.of("is_public", false)).patch("/api/molecules/" + secret).then().statusCode(200);
        assertEquals(withoutSecret, ranked(alice, "endpoint=LD50&species=rat&route=oral"));
        assertEquals(withoutSecret, ranked(Api.anonymous(), "endpoint=LD50&species=rat&route=oral"));
        assertEquals(withSecret, ranked(bobsViewer, "endpoint=LD50&species=rat&route=oral"));

        assertEquals(0, statsRowsAs("cryo_authenticated", alice.userId().toString(), secret));
        assertEquals(0, statsRowsAs("cryo_anon", "", secret));
        assertEquals(5, statsRowsAs("cryo_authenticated", bobsViewer.userId().toString(), secret));
        alice.request().get("/api/toxicity/summary?molecule_id=" + secret).then().statusCode(404);
        bobsViewer.request().get("/api/toxicity/summary?molecule_id=" + secret).then().statusCode(200)
                .body("measurements", equalTo(1)).body("groups[0].median", equalTo(9000.0));
    }

    @Test
    void summaryCountsEveryMeasurementAndGroupsTheNormalizedOnes() {
        Api.anonymous().request().get("/api/toxicity/summary?molecule_id=" + registry.get(0)).then().statusCode(200)
                .body("measurements", equalTo(4)).body("unparsed", equalTo(1))
                .body("groups.size()", equalTo(1))
                .body("groups[0].endpoint", equalTo("LD50")).body("groups[0].species", equalTo("rat"))
                .body("groups[0].route", equalTo("oral")).body("groups[0].unit", equalTo("mg/kg"))
                .body("groups[0].count", equalTo(3)).body("groups[0].min", equalTo(100.0))
                .body("groups[0].median", equalTo(200.0)).body("groups[0].max", equalTo(300.0));
        Api.anonymous().request().get("/api/toxicity/summary?molecule_id=" + registry.get(3)).then()
                .body("measurements", equalTo(4)).body("unparsed", equalTo(0))
                .body("groups.endpoint", equalTo(List.of("IC50", "LD50")));
        Api.anonymous().request().get("/api/molecules/" + registry.get(3)).then()
                .body("toxicity.measurements", equalTo(4)).body("toxicity.groups[0].endpoint", equalTo("LD50"))
                .body("toxicity.groups[0].count", equalTo(3));
        String empty = ToxicityFixtures.registryMolecule(ToxicityFixtures.cid(), "Rankset nothing measured");
        Api.anonymous().request().get("/api/toxicity/summary?molecule_id=" + empty).then().statusCode(200)
                .body("measurements", equalTo(0)).body("unparsed", equalTo(0)).body("groups.size()", equalTo(0));
        Api.anonymous().request().get("/api/molecules/" + empty).then()
                .body("toxicity.measurements", equalTo(0)).body("toxicity.groups.size()", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=5", "species=rat", "endpoint=LD50&stat=mean", "endpoint=LD50&order=up",
            "endpoint=LD50&unit=ppm", "endpoint=XYZ50", "endpoint=LD50&limit=0", "endpoint=LD50&cursor=garbage",
            "endpoint=LD50&project_id=1", "endpoint=LD50&mw_min=heavy", "endpoint=LD50&route=" + LONG})
    void badParametersAre400(String query) {
        alice.request().get("/api/toxicity/ranking?" + query).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aCursorOfAnotherListIsRefused() {
        String cursor = alice.request().get("/api/molecules?limit=1").then().statusCode(200).extract().path("next_cursor");
        alice.request().get("/api/toxicity/ranking?endpoint=LD50&cursor=" + cursor).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        alice.request().get("/api/toxicity?parsed=maybe").then().statusCode(400).body("detail", containsString("parsed"));
    }

    /** JSON numbers as doubles: PostgreSQL writes 700.0 as 700. */
    private static List<Double> numbers(List<? extends Number> values) {
        return values.stream().map(Number::doubleValue).toList();
    }

    /** The statistics rows of a molecule that a request role can read, straight through the policies. */
    private int statsRowsAs(String role, String sub, String molecule) {
        try (Connection db = TestDatabase.login(database, TestDatabase.AUTHENTICATOR)) {
            db.setAutoCommit(false);
            db.createStatement().execute("select set_config('role', '" + role + "', true), "
                    + "set_config('request.jwt.claim.sub', '" + sub + "', true)");
            try (ResultSet rs = db.createStatement().executeQuery("select (select count(*) from chem.toxicity_stats where molecule_id = '"
                    + molecule + "') + (select count(*) from chem.toxicity_counts where molecule_id = '" + molecule + "')")) {
                rs.next();
                int n = rs.getInt(1);
                db.rollback();
                return n;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
