package org.cryoprotect.importer.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.cryoprotect.importer.client.ToxicityMeasurement;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** PUG-View toxicity items and ChEMBL activities → molecule-service's toxicity batch (import-service README, "Importing toxicity"). */
class ToxicityMappingTest {

    private static final String SAX = "Lewis, R.J. Sr. (ed) Sax's Dangerous Properties of Industrial Materials. 11th Edition. p. 809";

    private final PubChemToxicity pubchem = new PubChemToxicity(null, TestConfig.config());
    private final ChemblToxicity chembl = new ChemblToxicity(null, TestConfig.config());

    private static JsonObject sample(String name) throws IOException {
        try (InputStream in = ToxicityMappingTest.class.getResourceAsStream("/toxicity/" + name)) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyItemUnderTheConfiguredHeadingsIsOneMeasurementInDocumentOrder() throws IOException {
        List<ToxicityMeasurement> measurements = pubchem.measurements("679", sample("pugview-679.json"));
        // 5 Non-Human items, one a repeat of the first (same reference, same text), and 1 Ecotoxicity item;
        // the Human Toxicity Excerpts heading is not configured
        assertEquals(5, measurements.size(), measurements.toString());
        assertTrue(measurements.stream().allMatch(m -> "pubchem".equals(m.source()) && m.pubchemCid() == 679L
                && m.chemblId() == null && m.details() == null));
        assertTrue(measurements.stream().noneMatch(m -> m.text() != null && m.text().contains("Human oral")));
    }

    @Test
    void aParsedItemKeepsItsTextAndTheWordsAsReported() throws IOException {
        ToxicityMeasurement rat = pubchem.measurements("679", sample("pugview-679.json")).get(0);
        assertEquals("19/c8b4b9972cd39c8b", rat.record(), "ReferenceNumber / first 16 hex of sha1(text)");
        assertEquals("LD50 Rat oral 14500 mg/kg", rat.text());
        assertEquals(SAX, rat.reference(), "the item's own reference");
        assertEquals("LD50", rat.endpoint());
        assertEquals("=", rat.relation());
        assertEquals(14500.0, rat.value());
        assertEquals("mg/kg", rat.unit());
        assertEquals("Rat", rat.species());
        assertEquals("oral", rat.route());
        assertNull(rat.exposure());
        assertNull(rat.unparsedReason());
    }

    @Test
    void withoutItsOwnReferenceAnItemCitesTheRecordsEntryForItsNumber() throws IOException {
        List<ToxicityMeasurement> measurements = pubchem.measurements("679", sample("pugview-679.json"));
        ToxicityMeasurement mouse = measurements.get(1);
        assertEquals("21/f5135681ec1c00d2", mouse.record());
        assertEquals("Hazardous Substances Data Bank (HSDB): DIMETHYL SULFOXIDE (https://pubchem.ncbi.nlm.nih.gov/source/hsdb/80)",
                mouse.reference());
        assertEquals("ip", mouse.route(), "as reported; molecule-service maps it to intraperitoneal");
        assertEquals("DrugBank: Dimethyl sulfoxide", measurements.get(2).reference(), "an entry without URL");
        assertNull(measurements.get(3).reference(), "no entry for the number");
        ToxicityMeasurement fish = measurements.get(4);
        assertEquals("Mayer, F.L. Jr., Ellersieck, M.R.; Manual of Acute Toxicity. 1986; USEPA ECOTOX", fish.reference(),
                "several reference strings are joined");
        assertEquals("LC50", fish.endpoint());
        assertEquals("96 hr", fish.exposure());
        assertEquals("mg/L", fish.unit());
    }

    @Test
    void textThatDoesNotParseIsKeptVerbatimWithTheReason() throws IOException {
        List<ToxicityMeasurement> measurements = pubchem.measurements("679", sample("pugview-679.json"));
        ToxicityMeasurement prose = measurements.get(2);
        assertEquals("The acute toxicity of DMSO is low; animals tolerated large doses without lasting effects.", prose.text());
        assertTrue(prose.record().startsWith("22/"));
        assertNotNull(prose.unparsedReason());
        assertTrue(prose.unparsed());
        assertNull(prose.endpoint());
        assertNull(prose.value());
        assertNull(prose.unit());
        assertNull(prose.species());

        ToxicityMeasurement number = measurements.get(3);
        assertEquals("the item has no text", number.unparsedReason());
        assertTrue(number.record().startsWith("23/"));
    }

    @Test
    void theRecordIdentityDependsOnTheReferenceAndTheText() {
        JsonObject item = new JsonObject().put("ReferenceNumber", 7)
                .put("Value", new JsonObject().put("StringWithMarkup", new JsonArray().add(new JsonObject().put("String", "LD50 Rat oral 780 mg/kg"))));
        String record = PubChemToxicity.measurement(1, item, Map.of()).record();
        assertEquals(record, PubChemToxicity.measurement(2, item.copy(), Map.of()).record(), "stable across runs");
        assertTrue(!record.equals(PubChemToxicity.measurement(1, item.copy().put("ReferenceNumber", 8), Map.of()).record()));
        JsonObject other = item.copy();
        other.getJsonObject("Value").getJsonArray("StringWithMarkup").getJsonObject(0).put("String", "LD50 Rat oral 781 mg/kg");
        assertTrue(!record.equals(PubChemToxicity.measurement(1, other, Map.of()).record()));
    }

    @Test
    void aCidWithoutToxicityDataHasNoMeasurements() {
        assertEquals(List.of(), pubchem.measurements("753", new JsonObject()), "404 PUGVIEW.NotFound is cached as {}");
    }

    @Test
    void chemblActivitiesAreMeasurementsWithTheirAssayContext() throws IOException {
        JsonObject raw = new JsonObject().put("activities", sample("activities-page.json").getJsonArray("activities"));
        List<ToxicityMeasurement> measurements = chembl.measurements("CHEMBL504", raw);
        assertEquals(4, measurements.size());
        ToxicityMeasurement ld50 = measurements.get(0);
        assertEquals("chembl", ld50.source());
        assertEquals("CHEMBL504", ld50.chemblId());
        assertNull(ld50.pubchemCid());
        assertEquals("1912345", ld50.record(), "the activity id");
        assertNull(ld50.text());
        assertEquals("CHEMBL1123456", ld50.reference(), "the document");
        assertEquals("LD50", ld50.endpoint());
        assertEquals("=", ld50.relation());
        assertEquals(14500.0, ld50.value(), "standard_value is a string in ChEMBL's JSON");
        assertEquals("mg.kg-1", ld50.unit(), "as reported; molecule-service normalizes");
        assertEquals("Rattus norvegicus", ld50.species());
        assertEquals("oral", ld50.route(), "named by the assay description");
        assertEquals(Map.of("assay_type", "T",
                "assay_description", "Acute toxicity in rat assessed as lethal dose by oral administration",
                "target_organism", "Rattus norvegicus", "document_chembl_id", "CHEMBL1123456",
                "assay_chembl_id", "CHEMBL615130"), ld50.details());

        assertEquals(">", measurements.get(1).relation(), "ChEMBL's quoted relations lose their quotes");
        assertNull(measurements.get(1).route(), "a cell assay has no route");
        assertEquals("nM", measurements.get(1).unit());

        ToxicityMeasurement notDetermined = measurements.get(2);
        assertEquals("1912347", notDetermined.record());
        assertEquals("ChEMBL activity with no numeric standard_value, no standard_units", notDetermined.unparsedReason());
        assertNull(notDetermined.value());
        assertNull(notDetermined.endpoint());
        assertEquals("Not Determined", notDetermined.details().get("activity_comment"));
    }

    @Test
    void theRouteOfAChemblActivityIsTheWordItsAssayDescriptionUses() {
        assertEquals("intraperitoneal", ChemblToxicity.route("Acute toxicity in mouse assessed as lethality after intraperitoneal administration"));
        assertEquals("intravenous", ChemblToxicity.route("Toxicity in rat assessed by intravenous injection"));
        assertNull(ChemblToxicity.route("Cytotoxicity against human HeLa cells assessed as reduction in cell viability after 24 hrs"));
        assertNull(ChemblToxicity.route("Toxicity in mice, ip"), "abbreviations in prose are not trusted");
        assertNull(ChemblToxicity.route(null));
    }

    @Test
    void chemblActivitiesAreGroupedByMolecule() throws IOException {
        JsonArray activities = sample("activities-page.json").getJsonArray("activities");
        Map<String, JsonObject> byId = new java.util.LinkedHashMap<>();
        // what fetch builds from the pages: every id asked for, with its activities (none is an empty list)
        for (String id : List.of("CHEMBL504", "CHEMBL692", "CHEMBL1")) {
            byId.put(id, new JsonObject().put("activities", new JsonArray()));
        }
        ChemblToxicity.group(activities.stream().map(JsonObject.class::cast).toList(), byId);
        assertEquals(3, byId.get("CHEMBL504").getJsonArray("activities").size());
        assertEquals(1, byId.get("CHEMBL692").getJsonArray("activities").size(), "ChEMBL ids compare uppercase");
        assertEquals(0, chembl.measurements("CHEMBL1", byId.get("CHEMBL1")).size());
    }
}
