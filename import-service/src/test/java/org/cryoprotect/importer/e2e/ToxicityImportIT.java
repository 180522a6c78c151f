package org.cryoprotect.importer.e2e;

import static org.cryoprotect.importer.e2e.Calls.awaitFinished;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.cryoprotect.common.toxicity.ReportedMeasurement;
import org.cryoprotect.common.toxicity.ToxicityText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Toxicity through the real import path: the demo CIDs' PUG-View items and the demo ChEMBL
 * molecules' activities end up in molecule-service field for field as the simulator serves them,
 * and a re-run adds nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ToxicityImportIT {

    private static final Set<String> HEADINGS = Set.of("Non-Human Toxicity Values", "Ecotoxicity Values");
    private static final String TYPES = "LD50,LC50,LD10,TD50,IC50,CC50,EC50,NOAEL,LOAEL";

    private static String token;
    private static List<Long> cids;
    private static int pubchemMeasurements;
    private static int pubchemUnparsed;

    @BeforeAll
    static void stack() {
        RestAssured.config = RestAssuredConfig.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
        token = Calls.researcherToken();
        cids = Calls.cids(Calls.compounds(0, 200).stream().filter(c -> "demo".equals(c.get("origin"))).toList());
    }

    private static JsonPath startAndFinish(String source, List<?> ids, List<String> include) {
        String job = Calls.importer(ImportStack.IMPORTER, token)
                .body(Map.of("source", source, "ids", ids, "include", include)).post("/api/imports")
                .then().statusCode(202).extract().path("id");
        return awaitFinished(ImportStack.IMPORTER, token, job, Duration.ofMinutes(3));
    }

    @Test
    @Order(1)
    void pubchemToxicityEqualsThePugViewItemsFieldForField() throws IOException {
        JsonPath done = startAndFinish("pubchem", cids, List.of("properties", "toxicity"));
        assertEquals("completed", done.getString("status"));
        assertEquals(cids.size(), done.getInt("succeeded"), done.prettify());
        assertEquals(List.of("properties", "toxicity"), done.getList("include"));

        Map<String, String> fixtureUnparsed = fixtureUnparsed();
        List<String> disagreements = new ArrayList<>();
        int withData = 0;
        for (long cid : cids) {
            List<JsonObject> items = pugViewItems(cid);
            Map<String, JsonObject> rows = rows("pubchem_cid", cid, "pubchem");
            assertEquals(items.size(), rows.size(), "one measurement per item (CID " + cid + "): " + rows.keySet());
            withData += items.isEmpty() ? 0 : 1;
            for (JsonObject item : items) {
                String text = item.getString("text");
                JsonObject row = rows.get(text);
                String where = " of '" + text + "' (CID " + cid + ")";
                assertNotNull(row, "a measurement" + where);
                assertEquals(item.getInteger("number") + "/" + sha1Prefix(text), row.getString("source_record"), "record" + where);
                assertEquals(item.getString("reference"), row.getString("reference"), "reference" + where);
                ToxicityText.Parse parse = ToxicityText.parse(text);
                if (parse instanceof ToxicityText.Parsed parsed) {
                    ReportedMeasurement expected = parsed.measurement();
                    assertNull(row.getString("unparsed_reason"), "parsed" + where);
                    assertEquals(expected.endpoint(), row.getString("endpoint"), "endpoint" + where);
                    assertEquals(expected.relation(), row.getString("relation"), "relation" + where);
                    assertEquals(expected.value(), row.getDouble("value"), 0.0, "value" + where);
                    assertEquals(expected.unit(), row.getString("unit"), "unit" + where);
                    assertEquals(expected.species(), row.getString("species_reported"), "species as reported" + where);
                    assertEquals(expected.route(), row.getString("route_reported"), "route as reported" + where);
                    assertEquals(expected.exposure(), row.getString("exposure"), "exposure" + where);
                    // the words are the source's own
                    assertTrue(text.replace(",", "").contains(number(expected.value())), "value in the text" + where);
                    assertTrue(text.contains(expected.unit()), "unit in the text" + where);
                    assertTrue(expected.species() == null || text.contains(expected.species()), "species in the text" + where);
                    assertTrue(expected.route() == null || text.contains(expected.route()), "route in the text" + where);
                } else {
                    pubchemUnparsed++;
                    assertEquals(((ToxicityText.Unparsed) parse).reason(), row.getString("unparsed_reason"), "reason" + where);
                    assertNull(row.getValue("value"), "no value" + where);
                    assertNull(row.getValue("unit"), "no unit" + where);
                }
                if (fixtureUnparsed.containsKey(text) != (parse instanceof ToxicityText.Unparsed)) {
                    disagreements.add("'" + text + "': the simulator's fixture says " + (fixtureUnparsed.containsKey(text)
                            ? "unparsed (" + fixtureUnparsed.get(text) + ")" : "parsed") + ", ToxicityText " + parse);
                }
                pubchemMeasurements++;
            }
        }
        assertTrue(withData >= 10, "the demo CIDs come with toxicity records");
        assertTrue(pubchemUnparsed > 0, "some texts do not parse and are kept with their reason");
        assertEquals(pubchemMeasurements, done.getInt("measurements.created"));
        assertEquals(pubchemUnparsed, done.getInt("measurements.unparsed"));
        // the fixture names the texts meant not to parse: the parser and the fixture must agree on them
        assertEquals(List.of(), disagreements, "texts the fixture and the parser disagree on");
    }

    @Test
    @Order(2)
    void aRerunAddsNothing() {
        long before = Long.parseLong(Calls.single("select count(*) from chem.toxicity where source = ?", "pubchem"));
        JsonPath done = startAndFinish("pubchem", cids, List.of("toxicity"));
        assertEquals(cids.size(), done.getInt("succeeded"), done.prettify());
        assertEquals(0, done.getInt("measurements.created"));
        assertEquals(0, done.getInt("measurements.updated"));
        assertEquals(pubchemMeasurements, done.getInt("measurements.unchanged"));
        assertEquals(pubchemUnparsed, done.getInt("measurements.unparsed"));
        assertEquals(before, Long.parseLong(Calls.single("select count(*) from chem.toxicity where source = ?", "pubchem")));
    }

    @Test
    @Order(3)
    void aChemblJobStoresTheActivities() {
        List<String> ids = Calls.compounds(0, 200).stream().filter(c -> "demo".equals(c.get("origin")))
                .map(c -> (String) c.get("chembl_id")).toList();
        JsonPath done = startAndFinish("chembl", ids, List.of("properties", "toxicity"));
        assertEquals(ids.size(), done.getInt("succeeded"), done.prettify());

        List<Map<String, Object>> activities = RestAssured.given().baseUri(ImportStack.SIMULATOR.url())
                .get("/chembl/api/data/activity.json?limit=1000&standard_type__in=" + TYPES
                        + "&molecule_chembl_id__in=" + String.join(",", ids))
                .then().statusCode(200).extract().jsonPath().getList("activities");
        assertFalse(activities.isEmpty());
        assertEquals(activities.size(), done.getInt("measurements.created"));
        Map<String, List<Map<String, Object>>> byMolecule = new HashMap<>();
        activities.forEach(a -> byMolecule.computeIfAbsent((String) a.get("molecule_chembl_id"), k -> new ArrayList<>()).add(a));
        byMolecule.forEach((id, expected) -> {
            Map<String, JsonObject> rows = new HashMap<>();
            rows("chembl_id", id, "chembl").values().forEach(row -> rows.put(row.getString("source_record"), row));
            assertEquals(expected.size(), rows.size(), id + ": " + rows.keySet());
            for (Map<String, Object> activity : expected) {
                String record = String.valueOf(((Number) activity.get("activity_id")).longValue());
                JsonObject row = rows.get(record);
                assertNotNull(row, "activity " + record);
                assertEquals(activity.get("document_chembl_id"), row.getString("reference"));
                assertEquals(activity.get("standard_type"), row.getString("endpoint"));
                assertEquals(((String) activity.get("standard_relation")).replace("'", ""), row.getString("relation"));
                assertEquals(Double.parseDouble((String) activity.get("standard_value")), row.getDouble("value"), 0.0);
                assertEquals(activity.get("standard_units"), row.getString("unit"));
                assertEquals(activity.get("target_organism"), row.getString("species_reported"));
                String route = row.getString("route_reported");
                assertTrue(route == null || ((String) activity.get("assay_description")).contains(route),
                        "the route as the assay description names it: " + route);
                assertEquals(activity.get("assay_description"), row.getJsonObject("details").getString("assay_description"));
                assertEquals(activity.get("assay_type"), row.getJsonObject("details").getString("assay_type"));
            }
        });
    }

    @Test
    @Order(4)
    void toxicityAloneNeedsTheMoleculeInTheRegistry() {
        // generated compounds no other test imports; one with a PUG-View record, one without
        List<Long> candidates = Calls.cids(Calls.compounds(7750, 20));
        Long withData = candidates.stream().filter(cid -> !pugViewItems(cid).isEmpty()).findFirst().orElseThrow();
        Long without = candidates.stream().filter(cid -> pugViewItems(cid).isEmpty()).findFirst().orElseThrow();
        JsonPath done = startAndFinish("pubchem", List.of(withData, without), List.of("toxicity"));
        assertEquals(1, done.getInt("failed"), done.prettify());
        assertEquals(1, done.getInt("succeeded"), "nothing to write for a CID without toxicity data");
        List<Map<String, Object>> failures = Calls.failures(ImportStack.IMPORTER, token, done.getString("id"));
        assertEquals(String.valueOf(withData), failures.get(0).get("source_id"));
        assertTrue(((String) failures.get(0).get("reason")).startsWith("rejected by molecule-service: "),
                failures.get(0).toString());
        assertEquals(0, Calls.moleculeRowsByCid(List.of(withData)).size(), "no molecule was made up");
    }

    // --- the simulator's PUG-View items: the ground truth --------------------------------------

    /** {text, number, reference} of every item under the headings, as the import must read them. */
    private static List<JsonObject> pugViewItems(long cid) {
        // asked as another client, at most about three a second: well within PubChem's policy
        Response response = await("PUG-View of CID " + cid).pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(30))
                .until(() -> RestAssured.given().baseUri(ImportStack.SIMULATOR.url()).header("X-Client-Id", "test-oracle")
                        .get("/rest/pug_view/data/compound/" + cid + "/JSON?heading=Toxicity"), r -> r.statusCode() != 503);
        if (response.statusCode() == 404) {
            assertTrue(response.asString().contains("PUGVIEW.NotFound"), response.asString());
            return List.of();
        }
        assertEquals(200, response.statusCode(), response.asString());
        JsonObject record = new JsonObject(response.asString()).getJsonObject("Record");
        Map<Integer, JsonObject> references = new HashMap<>();
        record.getJsonArray("Reference", new JsonArray()).forEach(r -> references.put(((JsonObject) r).getInteger("ReferenceNumber"), (JsonObject) r));
        Map<String, JsonObject> items = new LinkedHashMap<>();
        collect(record.getJsonArray("Section", new JsonArray()), references, items);
        return List.copyOf(items.values());
    }

    private static void collect(JsonArray sections, Map<Integer, JsonObject> references, Map<String, JsonObject> items) {
        for (Object entry : sections) {
            JsonObject section = (JsonObject) entry;
            if (HEADINGS.contains(section.getString("TOCHeading"))) {
                for (Object info : section.getJsonArray("Information", new JsonArray())) {
                    JsonObject item = (JsonObject) info;
                    String text = item.getJsonObject("Value").getJsonArray("StringWithMarkup").getJsonObject(0).getString("String");
                    int number = item.getInteger("ReferenceNumber");
                    JsonArray own = item.getJsonArray("Reference", new JsonArray());
                    JsonObject cited = references.get(number);
                    String reference = !own.isEmpty() ? String.join("; ", own.stream().map(String::valueOf).toList())
                            : cited.getString("SourceName") + ": " + cited.getString("Name") + " (" + cited.getString("URL") + ")";
                    items.putIfAbsent(text, new JsonObject().put("text", text).put("number", number).put("reference", reference));
                }
            }
            collect(section.getJsonArray("Section", new JsonArray()), references, items);
        }
    }

    /** The texts the simulator's fixture marks as not one measurement, with why. */
    private static Map<String, String> fixtureUnparsed() throws IOException {
        JsonObject fixture = new JsonObject(Files.readString(
                Path.of("../deploy/upstream-simulator/src/main/resources/demo/toxicity-pubchem.json")));
        Map<String, String> unparsed = new HashMap<>();
        fixture.getJsonArray("compounds").forEach(c -> ((JsonObject) c).getJsonArray("unparsed", new JsonArray())
                .forEach(u -> unparsed.put(((JsonObject) u).getString("text"), ((JsonObject) u).getString("why"))));
        return unparsed;
    }

    // --- molecule-service -----------------------------------------------------------------------

    /** The molecule's measurements from one source, by original text (PubChem) or record. */
    private static Map<String, JsonObject> rows(String column, Object value, String source) {
        String id = Calls.single("select id::text from chem.molecules where " + column + " = ?", value);
        String body = RestAssured.given().baseUri(ImportStack.MOLECULES.url()).header("Authorization", "Bearer " + token)
                .get("/api/molecules/" + id + "/toxicity?limit=500").then().statusCode(200).extract().asString();
        JsonObject page = new JsonObject(body);
        assertNull(page.getValue("next_cursor"), "one page holds them");
        Map<String, JsonObject> rows = new TreeMap<>();
        for (Object item : page.getJsonArray("items")) {
            JsonObject row = (JsonObject) item;
            if (source.equals(row.getString("source"))) {
                rows.put("pubchem".equals(source) ? row.getString("original_text") : row.getString("source_record"), row);
            }
        }
        return rows;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String sha1Prefix(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
