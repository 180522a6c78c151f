package org.cryoprotect.molecule.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cryoprotect.molecule.Api;
import org.cryoprotect.molecule.chem.Fingerprint;
import org.cryoprotect.molecule.chem.StructureCalculator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * GET /api/molecules with substructure=, similar_to=, exact= and parent_inchikey=: each filter, their
 * combinations, paging, and Row Level Security: a stranger's structure search answers exactly as if
 * another team's private molecule did not exist, a member of the team it is shared with finds it, the
 * service role finds everything. The fixtures carry a difluoromethyl-cyclobutane no other test uses.
 */
@QuarkusTest
class StructureSearchTest {

    static final String SCAFFOLD = "FC(F)C1CCC1";
    static final String ACID = "OC(=O)C1CCC1C(F)F";
    static final String SALT = "[Na+].[O-]C(=O)C1CCC1C(F)F";
    static final String ALCOHOL = "OCC1CCC1C(F)F";
    static final String SHARED = "FC(F)C1CCC1CCCO";
    /** Passes a path screen of the scaffold more easily than it matches: a five-membered ring. */
    static final String CYCLOPENTANE = "OCC1CCCC1C(F)F";

    static final Map<String, String> PUBLIC = new LinkedHashMap<>();
    static Api alice;   // owner of team A, creator of the shared private molecule
    static Api carol;   // viewer in team A
    static Api bob;     // another lab
    static String shared;
    static String projectA;

    @BeforeEach
    void registryAndLabs() {
        if (alice != null) {
            return;
        }
        Api service = Api.service();
        Map<String, String> structures = new LinkedHashMap<>();
        structures.put("Structure search scaffold", SCAFFOLD);
        structures.put("Structure search alcohol", ALCOHOL);
        structures.put("Structure search propanol", "OCCC1CCC1C(F)F");
        structures.put("Structure search acid", ACID);
        structures.put("Structure search sodium salt", SALT);
        structures.put("Structure search diol", "FC(F)C1CCC1C(O)CO");
        structures.put("Structure search cyclopentane", CYCLOPENTANE);
        structures.forEach((name, smiles) -> PUBLIC.put(smiles, service.createMolecule(name, smiles)));
        alice = Api.user();
        carol = Api.user();
        bob = Api.user();
        String team = alice.createTeam("Structure lab A");
        alice.addMember(team, carol, "viewer");
        projectA = alice.createProject(team, "Structure project A");
        shared = alice.createMolecule("Structure search shared secret", SHARED);
        alice.link(projectA, shared);
    }

    @Test
    void substructureFindsEveryMatchInNameOrderAndPagesEachOnce() {
        List<String> all = ids(Api.service(), Map.of("substructure", SCAFFOLD), 500);
        Set<String> expected = new HashSet<>(PUBLIC.values());
        expected.remove(PUBLIC.get(CYCLOPENTANE));
        expected.add(shared);
        assertTrue(all.containsAll(expected), all.toString());
        assertFalse(all.contains(PUBLIC.get(CYCLOPENTANE)), "a five-membered ring does not contain a four-membered one");
        assertEquals(all, ids(Api.service(), Map.of("substructure", SCAFFOLD), 2), "pages of 2 give the same rows once each");

        JsonPath page = search(Api.service(), Map.of("substructure", SCAFFOLD, "limit", "500"));
        assertEquals(Boolean.TRUE, page.get("complete"));
        List<String> names = page.getList("items.name");
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names, "name order");
        // a SMARTS query (no screen) finds the same rows
        assertEquals(all, ids(Api.service(), Map.of("substructure", "[CH1](F)(F)[C;R1]1[C;R1][C;R1][C;R1]1"), 3));
    }

    @Test
    void similarityComesMostSimilarFirstWithTheTanimotoOfTheFingerprints() throws Exception {
        JsonPath page = search(carol, Map.of("similar_to", ALCOHOL, "min_similarity", "0.2", "limit", "500"));
        List<String> ids = page.getList("items.id");
        List<Double> similarities = page.getList("items.similarity", Double.class);
        assertEquals(PUBLIC.get(ALCOHOL), ids.get(0));
        assertEquals(1.0, similarities.get(0));
        assertTrue(ids.contains(shared), "a member of the team it is shared with finds it");
        for (int i = 1; i < similarities.size(); i++) {
            assertTrue(similarities.get(i - 1) >= similarities.get(i), "most similar first: " + similarities);
            assertTrue(similarities.get(i) >= 0.2, "at least min_similarity: " + similarities);
        }
        assertNull(page.get("next_cursor"), "one page holds them all");
        // the database's Tanimoto is the fingerprints' (PostgreSQL reads the hex bit order as CDK wrote it)
        StructureCalculator calculator = new StructureCalculator();
        Fingerprint query = calculator.similarityQuery(ALCOHOL);
        List<String> smiles = page.getList("items.smiles");
        for (int i = 0; i < ids.size(); i++) {
            double expected = Math.round(query.tanimoto(calculator.similarityQuery(smiles.get(i))) * 10_000) / 10_000.0;
            assertEquals(expected, similarities.get(i), 1e-9, smiles.get(i));
        }
        assertEquals(ids, ids(carol, Map.of("similar_to", ALCOHOL, "min_similarity", "0.2"), 1), "pages of 1, each row once");
        List<String> strict = search(carol, Map.of("similar_to", ALCOHOL, "min_similarity", "1")).getList("items.id");
        assertTrue(strict.contains(PUBLIC.get(ALCOHOL)));
        assertFalse(strict.contains(PUBLIC.get(SCAFFOLD)));
    }

    @Test
    void exactAndParentKeyFindEverySaltForm() {
        String acidKey = bob.request().get("/api/molecules/" + PUBLIC.get(ACID)).then().statusCode(200)
                .extract().path("inchikey");
        List<String> exact = search(bob, Map.of("exact", "OC(=O)C1CCC1C(F)F.[K+].[OH-]")).getList("items.id");
        assertEquals(Set.of(PUBLIC.get(ACID), PUBLIC.get(SALT)), Set.copyOf(exact));
        assertEquals(Set.copyOf(exact), Set.copyOf(search(bob, Map.of("parent_inchikey", acidKey)).getList("items.id")));

        JsonPath salt = JsonPath.from(bob.request().get("/api/molecules/" + PUBLIC.get(SALT)).then().statusCode(200)
                .extract().asString());
        assertEquals(acidKey, salt.getString("parent_inchikey"));
        assertEquals("parent", salt.getString("properties.xlogp.describes"));
        assertEquals("parent", salt.getString("properties.tpsa.describes"));
        assertEquals("molecule", salt.getString("properties.molecular_weight.describes"));
        assertEquals("molecule", search(bob, Map.of("exact", ACID)).getString("items[0].properties.xlogp.describes"));
    }

    @Test
    void structureFiltersCombineWithEachOtherAndWithTheOthers() {
        Api service = Api.service();
        assertEquals(List.of(PUBLIC.get(ALCOHOL)),
                ids(service, Map.of("substructure", SCAFFOLD, "q", "Structure search alcohol"), 50));
        assertEquals(List.of(shared), ids(carol, Map.of("substructure", SCAFFOLD, "project_id", projectA), 50));
        assertEquals(List.of(shared), ids(carol, Map.of("similar_to", SHARED, "project_id", projectA), 50));
        assertEquals(List.of(shared), ids(alice, Map.of("exact", SHARED, "project_id", projectA), 50));
        assertEquals(List.of(PUBLIC.get(ACID)), ids(bob, Map.of("exact", ACID, "formula", "C6H8F2O2"), 50));

        // substructure with similarity: most similar first, only rows containing the query
        JsonPath both = search(service, Map.of("similar_to", ALCOHOL, "min_similarity", "0.1", "substructure", "OCC1CCC1",
                "limit", "500"));
        List<String> ids = both.getList("items.id");
        assertEquals(PUBLIC.get(ALCOHOL), ids.get(0));
        assertFalse(ids.contains(PUBLIC.get(SCAFFOLD)), "no hydroxymethyl");
        assertFalse(ids.contains(PUBLIC.get(CYCLOPENTANE)));
        assertEquals(Boolean.TRUE, both.get("complete"));
        assertEquals(ids, ids(service, Map.of("similar_to", ALCOHOL, "min_similarity", "0.1", "substructure", "OCC1CCC1"), 1));

        // molecular weight range and structure
        JsonPath light = search(service, Map.of("substructure", SCAFFOLD, "mw_max", "107", "limit", "500"));
        assertEquals(List.of(PUBLIC.get(SCAFFOLD)), light.getList("items.id"));
    }

    @Test
    void aStrangerCannotTellThatAnotherTeamsPrivateMoleculeExists() throws Exception {
        Api dave = Api.user();
        Api erin = Api.user();
        Api stranger = Api.user();
        String secretSmiles = "FC(F)C1CCC1CCCCO";
        String secretKey = new StructureCalculator().identity(secretSmiles).parentInchikey();
        List<Map<String, String>> searches = List.of(
                Map.of("substructure", SCAFFOLD, "limit", "500"),
                Map.of("substructure", SCAFFOLD, "limit", "1"),
                Map.of("substructure", "CCCCO", "limit", "2"),
                Map.of("similar_to", secretSmiles, "min_similarity", "0.1", "limit", "500"),
                Map.of("similar_to", secretSmiles, "min_similarity", "0.1", "limit", "1"),
                Map.of("similar_to", secretSmiles, "min_similarity", "0.1", "substructure", SCAFFOLD, "limit", "3"),
                Map.of("exact", secretSmiles),
                Map.of("exact", secretSmiles, "substructure", SCAFFOLD),
                Map.of("parent_inchikey", secretKey));
        List<String> before = searches.stream().map(params -> body(stranger, params)).toList();

        String team = dave.createTeam("Secret structure lab");
        dave.addMember(team, erin, "viewer");
        String project = dave.createProject(team, "Secret structures");
        String secret = dave.createMolecule("Structure search secret", secretSmiles);
        dave.link(project, secret);
        assertEquals(secretKey, dave.request().get("/api/molecules/" + secret).then().statusCode(200)
                .extract().path("parent_inchikey"));

        List<String> after = searches.stream().map(params -> body(stranger, params)).toList();
        assertEquals(before, after, "same answers, cursors and completeness with and without the private row");
        assertEquals(List.of(), search(stranger, Map.of("parent_inchikey", secretKey)).getList("items"));
        for (Map<String, String> params : searches) {
            if (!"CCCCO".equals(params.get("substructure"))) {
                for (Api reader : List.of(dave, erin, Api.service())) {
                    Map<String, String> all = new LinkedHashMap<>(params);
                    all.remove("limit");
                    assertTrue(ids(reader, all, 500).contains(secret), "visible to its team and the service: " + params);
                }
            }
        }
    }

    @Test
    void badQueriesAreProblemsThatNameThem() {
        bob.request().queryParam("exact", "C1CC").get("/api/molecules").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("exact"));
        bob.request().queryParam("similar_to", "C(C)(C)(C)(C)C").get("/api/molecules").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("similar_to"));
        bob.request().queryParam("substructure", "[C@@@@@(").get("/api/molecules").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("substructure"));
        for (String threshold : List.of("1.5", "-0.1", "abc", "NaN")) {
            bob.request().queryParam("similar_to", "CCO").queryParam("min_similarity", threshold).get("/api/molecules")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("min_similarity"));
        }
        bob.request().queryParam("min_similarity", "0.5").get("/api/molecules").then().statusCode(400)
                .body("errors[0].field", equalTo("min_similarity"));
        bob.request().queryParam("parent_inchikey", "not-a-key").get("/api/molecules").then().statusCode(400)
                .body("errors[0].field", equalTo("parent_inchikey"));
        String nameCursor = search(bob, Map.of("limit", "1")).getString("next_cursor");
        bob.request().queryParam("similar_to", "CCO").queryParam("cursor", nameCursor).get("/api/molecules")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    static JsonPath search(Api api, Map<String, String> params) {
        return JsonPath.from(body(api, params));
    }

    static String body(Api api, Map<String, String> params) {
        return api.request().queryParams(params).get("/api/molecules").then().statusCode(200).extract().asString();
    }

    /** Every id over all pages of {@code limit}, in order; fails on a row served twice. */
    static List<String> ids(Api api, Map<String, String> params, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, String> page = new LinkedHashMap<>(params);
            page.put("limit", Integer.toString(limit));
            if (cursor != null) {
                page.put("cursor", cursor);
            }
            JsonPath json = search(api, page);
            for (String id : json.getList("items.id", String.class)) {
                assertFalse(ids.contains(id), "served twice: " + id);
                ids.add(id);
            }
            cursor = json.getString("next_cursor");
        } while (cursor != null);
        return ids;
    }
}
