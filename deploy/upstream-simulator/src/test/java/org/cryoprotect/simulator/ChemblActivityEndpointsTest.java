package org.cryoprotect.simulator;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ChemblActivityEndpointsTest extends SimulatorTestSupport {

    private static final String URL = "/chembl/api/data/activity.json";

    @AfterEach
    void cleanUp() {
        reset();
    }

    @Test
    void demoActivitiesAreServedExactlyAsTheFixtureSays() {
        JsonNode fixture = fixture();
        for (JsonNode molecule : fixture.get("molecules")) {
            String id = molecule.get("molecule_chembl_id").asText();
            JsonNode root = json(given().get(URL + "?molecule_chembl_id=" + id).then().statusCode(200).extract().asString());
            assertEquals(List.of("activities", "page_meta"), PubChemEndpointsTest.names(root));
            assertEquals(molecule.get("activities"), root.get("activities"), id);
            JsonNode meta = root.get("page_meta");
            assertEquals(molecule.get("activities").size(), meta.get("total_count").asInt());
            assertEquals(20, meta.get("limit").asInt());
            assertEquals(0, meta.get("offset").asInt());
            assertTrue(meta.get("next").isNull());
            assertTrue(meta.get("previous").isNull());
        }
        JsonNode dmso = json(given().get("/chembl/api/data/activity?molecule_chembl_id=CHEMBL504").asString())
                .get("activities");
        JsonNode ld50 = dmso.get(0);
        assertTrue(ld50.get("activity_id").isNumber());
        assertTrue(ld50.get("standard_value").isTextual(), "decimals are strings");
        assertEquals("14500.0", ld50.get("standard_value").asText());
        assertEquals("=", ld50.get("standard_relation").asText());
        assertEquals("mg.kg-1", ld50.get("standard_units").asText());
        assertEquals("LD50", ld50.get("standard_type").asText());
        assertEquals("T", ld50.get("assay_type").asText());
        assertEquals("Rattus norvegicus", ld50.get("target_organism").asText());
        assertEquals("CHEMBL504", ld50.get("molecule_chembl_id").asText());
        assertTrue(ld50.get("document_chembl_id").asText().startsWith("CHEMBL"));
        assertTrue(ld50.has("pchembl_value") && ld50.get("pchembl_value").isNull());
        for (String field : List.of("activity_comment", "activity_properties", "assay_chembl_id", "assay_description",
                "bao_endpoint", "bao_format", "bao_label", "canonical_smiles", "data_validity_comment",
                "data_validity_description", "document_journal", "document_year", "ligand_efficiency",
                "molecule_pref_name", "parent_molecule_chembl_id", "potential_duplicate", "qudt_units", "record_id",
                "relation", "src_id", "standard_flag", "standard_text_value", "standard_upper_value", "target_chembl_id",
                "target_pref_name", "target_tax_id", "text_value", "toid", "type", "units", "uo_units", "upper_value",
                "value")) {
            assertTrue(ld50.has(field), field);
        }
        assertEquals(sorted(ids(dmso)), ids(dmso), "activity_id order");
    }

    @Test
    void filtersByMoleculesAndStandardTypes() {
        JsonNode ld50 = json(given().get(URL + "?molecule_chembl_id__in=CHEMBL692,CHEMBL504&standard_type=LD50").asString());
        List<String> types = new ArrayList<>();
        ld50.get("activities").forEach(a -> types.add(a.get("standard_type").asText()));
        assertEquals(5, types.size());
        assertTrue(types.stream().allMatch("LD50"::equals));
        assertEquals(sorted(ids(ld50)), ids(ld50));

        JsonNode two = json(given().get(URL + "?molecule_chembl_id__in=CHEMBL692,CHEMBL504&standard_type__in=LD50,CC50").asString());
        assertEquals(7, two.get("page_meta").get("total_count").asInt());
        JsonNode iexact = json(given().get(URL + "?molecule_chembl_id=CHEMBL504&standard_type__iexact=cc50").asString());
        assertEquals(1, iexact.get("page_meta").get("total_count").asInt());
        assertEquals("nM", iexact.get("activities").get(0).get("standard_units").asText());
        JsonNode none = json(given().get(URL + "?molecule_chembl_id=CHEMBL99999999").then().statusCode(200).extract().asString());
        assertEquals(0, none.get("page_meta").get("total_count").asInt());
        JsonNode demoWithout = json(given().get(URL + "?molecule_chembl_id=CHEMBL96").asString());
        assertEquals(0, demoWithout.get("activities").size(), "demo molecules outside the fixture have none");

        String error = given().get(URL + "?target_chembl_id=CHEMBL375").then().statusCode(400).extract().asString();
        assertTrue(json(error).get("error_message").asText().contains("target_chembl_id"));
    }

    @Test
    void pagesCoverEveryActivityExactlyOnce() {
        JsonNode items = json(given().get("/admin/data?offset=0&limit=120").asString()).get("items");
        List<String> wanted = new ArrayList<>();
        items.forEach(i -> wanted.add(i.get("chembl_id").asText()));
        String in = String.join(",", wanted);
        JsonNode all = json(given().get(URL + "?molecule_chembl_id__in=" + in + "&limit=1000").asString());
        int total = all.get("page_meta").get("total_count").asInt();
        assertEquals(total, all.get("activities").size());
        assertTrue(total > 40, "demo and generated activities: " + total);

        List<Long> seen = new ArrayList<>();
        String next = URL + "?molecule_chembl_id__in=" + in + "&limit=7";
        int pages = 0;
        while (next != null) {
            JsonNode page = json(given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().asString());
            assertEquals(total, page.get("page_meta").get("total_count").asInt());
            seen.addAll(ids(page));
            next = page.get("page_meta").get("next").isNull() ? null : page.get("page_meta").get("next").asText();
            if (next != null) {
                assertTrue(next.startsWith("/chembl/api/data/activity.json?limit=7&offset="), next);
                assertTrue(next.contains("molecule_chembl_id__in="), "filters carried: " + next);
            }
            pages++;
        }
        assertEquals((total + 6) / 7, pages);
        assertEquals(ids(all), seen, "every activity exactly once, in activity_id order");
        assertEquals(total, new HashSet<>(seen).size());

        // The same through POST with the override (ChEMBL's client): the effective method is GET, so next is set.
        JsonNode posted = json(given().header("X-HTTP-Method-Override", "GET").contentType("application/x-www-form-urlencoded")
                .body("molecule_chembl_id__in=" + in + "&limit=7&offset=7").post(URL).then().statusCode(200).extract().asString());
        assertEquals(seen.subList(7, 14), ids(posted));
        assertTrue(posted.get("page_meta").get("next").asText().startsWith("/chembl/api/data/activity.json?limit=7&offset=14"));
        assertEquals("/chembl/api/data/activity.json?limit=7&offset=0&molecule_chembl_id__in=" + in,
                posted.get("page_meta").get("previous").asText());
        given().contentType("application/x-www-form-urlencoded").body("limit=7").post(URL).then().statusCode(405);
    }

    @Test
    void unfilteredListingPagesThroughEverything() {
        JsonNode first = json(given().get(URL + "?limit=1000").asString());
        int total = first.get("page_meta").get("total_count").asInt();
        Set<Long> seen = new HashSet<>(ids(first));
        String next = first.get("page_meta").get("next").isNull() ? null : first.get("page_meta").get("next").asText();
        while (next != null) {
            JsonNode page = json(given().urlEncodingEnabled(false).get(next).asString());
            ids(page).forEach(id -> assertTrue(seen.add(id), "once: " + id));
            next = page.get("page_meta").get("next").isNull() ? null : page.get("page_meta").get("next").asText();
        }
        assertEquals(total, seen.size());
        JsonNode capped = json(given().get(URL + "?limit=5000").asString());
        assertEquals(1000, capped.get("page_meta").get("limit").asInt());
        assertEquals(20, json(given().get(URL).asString()).get("activities").size());
        JsonNode generated = json(given().get(URL + "?standard_type=LD50&limit=1000").asString());
        generated.get("activities").forEach(a -> assertEquals("LD50", a.get("standard_type").asText()));
    }

    @Test
    void chemblFaultsApply() {
        admin("faults", "{\"targets\": [\"chembl\"], \"error\": {\"burst\": 1, \"status\": 500}}");
        String body = given().get(URL + "?molecule_chembl_id=CHEMBL504").then().statusCode(500).extract().asString();
        assertTrue(json(body).get("error_message").asText().contains("internal server error"));
        given().get(URL + "?molecule_chembl_id=CHEMBL504").then().statusCode(200);
        admin("faults", "{\"unknown_ids\": {\"chembl_ids\": [\"CHEMBL504\"]}}");
        JsonNode root = json(given().get(URL + "?molecule_chembl_id__in=CHEMBL504,CHEMBL692").asString());
        root.get("activities").forEach(a -> assertEquals("CHEMBL692", a.get("molecule_chembl_id").asText()));
        assertEquals(3, root.get("page_meta").get("total_count").asInt());
        JsonNode stats = json(given().get("/admin/stats").asString());
        assertNull(stats.get("pubchem").get("by_status").get("500"), "ChEMBL is counted apart");
    }

    // ---------------------------------------------------------------------------------------------

    private static JsonNode fixture() {
        try (InputStream in = ChemblActivityEndpointsTest.class.getClassLoader().getResourceAsStream("demo/toxicity-chembl.json")) {
            return MAPPER.readTree(in);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<Long> ids(JsonNode root) {
        List<Long> ids = new ArrayList<>();
        JsonNode list = root.isArray() ? root : root.get("activities");
        list.forEach(a -> ids.add(a.get("activity_id").asLong()));
        return ids;
    }

    private static List<Long> sorted(List<Long> ids) {
        return ids.stream().sorted().toList();
    }
}
