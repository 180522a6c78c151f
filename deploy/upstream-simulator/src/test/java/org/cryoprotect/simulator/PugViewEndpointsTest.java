package org.cryoprotect.simulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.restassured.response.Response;

@QuarkusTest
class PugViewEndpointsTest extends SimulatorTestSupport {

    private static final String DMSO = "/rest/pug_view/data/compound/679/JSON";

    @AfterEach
    void cleanUp() {
        reset();
    }

    @Test
    void demoRecordIsServedExactlyAsTheFixtureSays() {
        JsonNode fixture = fixture();
        assertTrue(fixture.get("compounds").size() >= 10);
        for (JsonNode entry : fixture.get("compounds")) {
            Response r = given().header("X-Client-Id", client + "-" + entry.get("cid").asText())
                    .get("/rest/pug_view/data/compound/" + entry.get("cid").asText() + "/JSON");
            assertEquals(200, r.statusCode(), entry.get("cid").asText());
            assertEquals(entry.get("record"), json(r.asString()), "CID " + entry.get("cid"));
        }
        Response r = pubchem().get(DMSO);
        assertTrue(r.contentType().startsWith("application/json"));
        assertTrue(r.asString().startsWith("{\n  \"Record\": {\n    \"RecordType\": \"CID\",\n    \"RecordNumber\": 679,"),
                "PubChem's layout");
        assertEquals("*", r.header("Access-Control-Allow-Origin"));
        assertTrue(THROTTLING_HEADER.matcher(r.header("X-Throttling-Control")).matches(), r.header("X-Throttling-Control"));
        JsonNode reference = json(r.asString()).get("Record").get("Reference").get(0);
        assertEquals("Hazardous Substances Data Bank (HSDB)", reference.get("SourceName").asText());
        assertEquals("80", reference.get("SourceID").asText());
        assertEquals("https://pubchem.ncbi.nlm.nih.gov/source/hsdb/80", reference.get("URL").asText());
    }

    @Test
    void fixtureMarksTextsMeantNotToParse() {
        JsonNode dmso = entry(679);
        List<String> values = texts(dmso.get("record"), "Non-Human Toxicity Values");
        assertTrue(values.contains("LD50 Rat oral 14,500 mg/kg"));
        assertTrue(values.contains("LD50 Rat iv 5.36 g/kg"));
        assertTrue(values.contains("LD50 Mouse ip 2,500 mg/kg"));
        Set<String> unparsed = new HashSet<>();
        dmso.get("unparsed").forEach(u -> unparsed.add(u.get("text").asText()));
        assertTrue(unparsed.contains("LD50 Mouse oral 7.9-8.9 g/kg"));
        assertTrue(unparsed.contains("Toxicity values vary with the strain tested."));
        for (JsonNode entry : fixture().get("compounds")) {
            List<String> all = new ArrayList<>(texts(entry.get("record"), "Non-Human Toxicity Values"));
            all.addAll(texts(entry.get("record"), "Ecotoxicity Values"));
            entry.get("unparsed").forEach(u -> assertTrue(all.contains(u.get("text").asText()), u.toString()));
        }
        // An item without its own Reference: the importer falls back to the record's Reference entry.
        assertTrue(items(dmso.get("record"), "Non-Human Toxicity Values").stream().anyMatch(i -> !i.has("Reference")));
    }

    @Test
    void headingKeepsOnlyThePathDownToIt() {
        JsonNode full = entry(679).get("record");

        JsonNode toxicity = json(fresh().get(DMSO + "?heading=Toxicity").then().statusCode(200).extract().asString());
        JsonNode sections = toxicity.get("Record").get("Section");
        assertEquals(1, sections.size());
        assertEquals(section(full, "Toxicity"), sections.get(0), "the Toxicity section whole");
        assertEquals(679, toxicity.get("Record").get("RecordNumber").asInt());
        assertEquals("Dimethyl Sulfoxide", toxicity.get("Record").get("RecordTitle").asText());
        assertEquals(1, toxicity.get("Record").get("Reference").size());

        JsonNode values = json(fresh().get(DMSO + "?heading=Non-Human+Toxicity+Values").then().statusCode(200)
                .extract().asString());
        JsonNode top = values.get("Record").get("Section");
        assertEquals(1, top.size());
        assertEquals("Toxicity", top.get(0).get("TOCHeading").asText());
        JsonNode info = top.get(0).get("Section");
        assertEquals(1, info.size());
        assertEquals("Toxicological Information", info.get(0).get("TOCHeading").asText());
        JsonNode leaf = info.get(0).get("Section");
        assertEquals(1, leaf.size(), "siblings (Toxicity Summary, Ecotoxicity Values) dropped");
        assertEquals(section(full, "Non-Human Toxicity Values"), leaf.get(0));

        JsonNode eco = json(fresh().get(DMSO + "?heading=Ecotoxicity Values").then().statusCode(200).extract().asString());
        assertEquals(texts(full, "Ecotoxicity Values"), texts(eco, "Ecotoxicity Values"));
        assertTrue(texts(eco, "Non-Human Toxicity Values").isEmpty());

        JsonNode toxInfo = json(fresh().get(DMSO + "?heading=Toxicological Information").then().statusCode(200)
                .extract().asString());
        assertEquals(section(full, "Toxicological Information"),
                toxInfo.get("Record").get("Section").get(0).get("Section").get(0));
    }

    @Test
    void notFoundAndBadRequests() {
        for (String url : List.of("/rest/pug_view/data/compound/7427/JSON", "/rest/pug_view/data/compound/7427/JSON?heading=Toxicity",
                "/rest/pug_view/data/compound/999999999999/JSON", DMSO + "?heading=Melting+Point",
                "/rest/pug_view/data/compound/6342/JSON?heading=Toxicity")) {
            String body = fresh().get(url).then().statusCode(404).contentType(startsWith("application/json")).extract().asString();
            JsonNode fault = json(body).get("Fault");
            assertEquals("PUGVIEW.NotFound", fault.get("Code").asText(), url);
            assertEquals("No data found", fault.get("Message").asText());
        }
        // Glycerol has no Toxicity Summary: a heading that exists elsewhere is still 404 here.
        fresh().get("/rest/pug_view/data/compound/753/JSON?heading=Toxicity+Summary").then().statusCode(404);
        for (String cid : List.of("abc", "679,753", "-5", "0")) {
            String body = fresh().urlEncodingEnabled(true).get("/rest/pug_view/data/compound/" + cid + "/JSON")
                    .then().statusCode(400).extract().asString();
            assertEquals("PUGVIEW.BadRequest", json(body).get("Fault").get("Code").asText(), cid);
        }
    }

    @Test
    void generatedCompoundsGetDeterministicRecordsAndSomeNone() {
        JsonNode items = json(given().get("/admin/data?offset=0&limit=1000").asString()).get("items");
        int found = 0;
        int none = 0;
        int checked = 0;
        for (JsonNode item : items) {
            if (!"generated".equals(item.get("origin").asText()) || checked >= 40) {
                continue;
            }
            checked++;
            String url = "/rest/pug_view/data/compound/" + item.get("cid").asText() + "/JSON?heading=Toxicity";
            Response first = given().header("X-Client-Id", client + "-" + checked).get(url);
            Response again = given().header("X-Client-Id", client + "-again-" + checked).get(url);
            assertEquals(first.statusCode(), again.statusCode());
            assertEquals(first.asString(), again.asString(), "deterministic");
            if (first.statusCode() == 404) {
                none++;
                continue;
            }
            assertEquals(200, first.statusCode());
            found++;
            JsonNode record = json(first.asString()).get("Record");
            assertEquals(item.get("cid").asLong(), record.get("RecordNumber").asLong());
            assertEquals(item.get("title").asText(), record.get("RecordTitle").asText());
            List<String> values = texts(json(first.asString()), "Non-Human Toxicity Values");
            assertFalse(values.isEmpty());
            assertTrue(values.stream().anyMatch(v -> v.contains("LD50")), values.toString());
            assertEquals(1, record.get("Reference").get(0).get("ReferenceNumber").asInt());
        }
        assertEquals(40, checked);
        assertTrue(found >= 20, "most generated compounds have data: " + found);
        assertTrue(none >= 3, "some have none: " + none);
    }

    @Test
    void countsAgainstPubChemsRatePolicyLikePugRest() {
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            responses.add(pubchem().get("/rest/pug/compound/cid/753/property/MolecularWeight/JSON"));
        }
        for (int i = 0; i < 4; i++) {
            responses.add(pubchem().get(DMSO + "?heading=Toxicity"));
        }
        assertTrue(responses.stream().filter(r -> r.statusCode() == 200).count() <= 5);
        Response rejected = responses.get(6);
        assertEquals(503, rejected.statusCode());
        assertEquals("30", rejected.header("Retry-After"));
        assertEquals("PUGREST.ServerBusy", json(rejected.asString()).get("Fault").get("Code").asText());
        assertTrue(rejected.header("X-Throttling-Control").startsWith("Request Count status: Black"));
        JsonNode stats = json(given().get("/admin/stats").asString());
        assertTrue(stats.get("pubchem").get("throttled").asLong() >= 2);
        assertTrue(stats.get("pubchem").get("requests").asLong() >= 7);
    }

    @Test
    void injectedFaultsApply() {
        admin("faults", "{\"error\": {\"burst\": 1, \"status\": 500}}");
        String body = fresh().get(DMSO).then().statusCode(500).extract().asString();
        assertEquals("PUGREST.ServerError", json(body).get("Fault").get("Code").asText());
        fresh().get(DMSO).then().statusCode(200);

        admin("faults", "{\"unknown_ids\": {\"cids\": [679]}}");
        assertEquals("PUGVIEW.NotFound", json(fresh().get(DMSO).then().statusCode(404).extract().asString())
                .get("Fault").get("Code").asText());
        fresh().get("/rest/pug_view/data/compound/753/JSON").then().statusCode(200);

        admin("faults", "{\"truncated_json\": {\"burst\": 1}}");
        String cut = fresh().get(DMSO).then().statusCode(200).extract().asString();
        assertTrue(cut.length() < fresh().get(DMSO).asString().length());

        admin("faults", "{\"html_503\": {\"burst\": 1}}");
        Response html = fresh().get(DMSO);
        assertEquals(503, html.statusCode());
        assertTrue(html.contentType().startsWith("text/html"));
        assertNull(html.header("X-Throttling-Control"));
    }

    // ---------------------------------------------------------------------------------------------

    private int requests;

    /** A request as a client of its own, so PubChem's per-second limit stays out of tests about other things. */
    private io.restassured.specification.RequestSpecification fresh() {
        return given().header("X-Client-Id", client + "-" + requests++);
    }

    static JsonNode fixture() {
        try (InputStream in = PugViewEndpointsTest.class.getClassLoader().getResourceAsStream("demo/toxicity-pubchem.json")) {
            return MAPPER.readTree(in);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode entry(long cid) {
        for (JsonNode e : fixture().get("compounds")) {
            if (e.get("cid").asLong() == cid) {
                return e;
            }
        }
        throw new AssertionError("no fixture for " + cid);
    }

    /** The first section with this heading anywhere in the record, or null. */
    static JsonNode section(JsonNode record, String heading) {
        return find(record.get("Record").get("Section"), heading);
    }

    private static JsonNode find(JsonNode sections, String heading) {
        if (sections == null) {
            return null;
        }
        for (JsonNode s : sections) {
            if (heading.equals(s.get("TOCHeading").asText())) {
                return s;
            }
            JsonNode below = find(s.get("Section"), heading);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    static List<JsonNode> items(JsonNode record, String heading) {
        JsonNode s = section(record, heading);
        List<JsonNode> result = new ArrayList<>();
        if (s != null) {
            s.get("Information").forEach(result::add);
        }
        return result;
    }

    static List<String> texts(JsonNode record, String heading) {
        return items(record, heading).stream()
                .map(i -> i.get("Value").get("StringWithMarkup").get(0).get("String").asText()).toList();
    }
}
