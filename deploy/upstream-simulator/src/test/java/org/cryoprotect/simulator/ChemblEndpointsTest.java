package org.cryoprotect.simulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ChemblEndpointsTest extends SimulatorTestSupport {

    @AfterEach
    void cleanUp() {
        reset();
    }

    @Test
    void singleMoleculeHasChemblsShapeAndTypes() {
        String body = given().get("/chembl/api/data/molecule/CHEMBL692.json").then().statusCode(200)
                .contentType(startsWith("application/json")).extract().asString();
        JsonNode m = json(body);
        assertEquals("CHEMBL692", m.get("molecule_chembl_id").asText());
        assertEquals("GLYCEROL", m.get("pref_name").asText());
        assertEquals("CHEMBL692", m.get("molecule_hierarchy").get("parent_chembl_id").asText());
        JsonNode p = m.get("molecule_properties");
        for (String decimal : List.of("alogp", "full_mwt", "mw_freebase", "psa", "qed_weighted", "mw_monoisotopic")) {
            assertTrue(p.get(decimal).isTextual(), decimal + " is a string");
        }
        assertEquals("92.09", p.get("full_mwt").asText());
        assertEquals("60.70", p.get("psa").asText(), "two decimals kept");
        for (String count : List.of("hba", "hbd", "rtb", "heavy_atoms", "aromatic_rings", "num_ro5_violations")) {
            assertTrue(p.get(count).isInt(), count + " is a number");
        }
        assertEquals("Y", p.get("ro3_pass").asText());
        JsonNode s = m.get("molecule_structures");
        assertEquals("PEDCQBHIVMGVHV-UHFFFAOYSA-N", s.get("standard_inchi_key").asText());
        assertTrue(s.get("standard_inchi").asText().startsWith("InChI=1S/C3H8O3/"));
        assertTrue(s.get("canonical_smiles").isTextual());
        // Without the extension too.
        given().get("/chembl/api/data/molecule/CHEMBL692").then().statusCode(200);
    }

    @Test
    void unknownMoleculeIs404WithEmptyBody() {
        given().get("/chembl/api/data/molecule/CHEMBL12345678.json").then().statusCode(404).body(emptyString());
    }

    @Test
    void inFilterReturnsMoleculesInPrimaryKeyOrder() {
        String body = given().get("/chembl/api/data/molecule.json?molecule_chembl_id__in=CHEMBL692,CHEMBL504,CHEMBL99999999")
                .then().statusCode(200).extract().asString();
        JsonNode root = json(body);
        assertEquals(List.of("molecules", "page_meta"), PubChemEndpointsTest.names(root));
        assertEquals(List.of("CHEMBL504", "CHEMBL692"), ids(root));
        JsonNode meta = root.get("page_meta");
        assertEquals(20, meta.get("limit").asInt());
        assertEquals(0, meta.get("offset").asInt());
        assertEquals(2, meta.get("total_count").asInt());
        assertTrue(meta.get("next").isNull());
        assertTrue(meta.get("previous").isNull());
    }

    @Test
    void pagingFollowsRelativeNextLinks() {
        int total = json(given().get("/admin/data?limit=0").asString()).get("compounds").asInt();
        Set<String> seen = new HashSet<>();
        String next = "/chembl/api/data/molecule.json?limit=100";
        int pages = 0;
        while (next != null) {
            JsonNode root = json(given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().asString());
            JsonNode meta = root.get("page_meta");
            assertEquals(total, meta.get("total_count").asInt());
            seen.addAll(ids(root));
            next = meta.get("next").isNull() ? null : meta.get("next").asText();
            if (next != null) {
                assertTrue(next.startsWith("/chembl/api/data/molecule.json?limit=100&offset="), next);
            }
            pages++;
        }
        assertEquals(total, seen.size(), "every molecule exactly once");
        assertEquals((total + 99) / 100, pages);
        JsonNode second = json(given().get("/chembl/api/data/molecule.json?limit=5&offset=5").asString());
        assertEquals("/chembl/api/data/molecule.json?limit=5&offset=0", second.get("page_meta").get("previous").asText());
    }

    @Test
    void inFilterPagesAndPostWithMethodOverride() {
        JsonNode items = json(given().get("/admin/data?offset=50&limit=30").asString()).get("items");
        List<String> wanted = new ArrayList<>();
        items.forEach(i -> wanted.add(i.get("chembl_id").asText()));
        String in = String.join(",", wanted);
        JsonNode first = json(given().get("/chembl/api/data/molecule.json?molecule_chembl_id__in=" + in + "&limit=20")
                .then().statusCode(200).extract().asString());
        assertEquals(30, first.get("page_meta").get("total_count").asInt());
        assertEquals(wanted.subList(0, 20), ids(first));
        assertTrue(first.get("page_meta").get("next").asText().contains("offset=20"));
        JsonNode second = json(given().header("X-HTTP-Method-Override", "GET")
                .contentType("application/x-www-form-urlencoded")
                .body("molecule_chembl_id__in=" + in + "&limit=20&offset=20")
                .post("/chembl/api/data/molecule.json").then().statusCode(200).extract().asString());
        assertEquals(wanted.subList(20, 30), ids(second));
    }

    @Test
    void setAndFiltersByInchiKeyAndName() {
        JsonNode set = json(given().urlEncodingEnabled(false).get("/chembl/api/data/molecule/set/CHEMBL692;CHEMBL1.json")
                .then().statusCode(200).extract().asString());
        assertEquals(List.of("CHEMBL692"), ids(set));
        assertEquals("CHEMBL1", set.get("not_found").get(0).asText());
        JsonNode byKey = json(given().get("/chembl/api/data/molecule.json?molecule_structures__standard_inchi_key="
                + "PEDCQBHIVMGVHV-UHFFFAOYSA-N").asString());
        assertEquals(List.of("CHEMBL692"), ids(byKey));
        JsonNode byName = json(given().get("/chembl/api/data/molecule.json?pref_name__iexact=glycerol").asString());
        assertEquals(List.of("CHEMBL692"), ids(byName));
        given().get("/chembl/api/data/molecule.json?molecule_properties__mw_freebase__lte=300").then().statusCode(400);
    }

    private static List<String> ids(JsonNode root) {
        List<String> ids = new ArrayList<>();
        root.get("molecules").forEach(m -> ids.add(m.get("molecule_chembl_id").asText()));
        return ids;
    }
}
