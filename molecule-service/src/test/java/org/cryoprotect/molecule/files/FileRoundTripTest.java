package org.cryoprotect.molecule.files;

import static org.cryoprotect.molecule.files.Files.SDF;
import static org.cryoprotect.molecule.files.Files.as;
import static org.cryoprotect.molecule.files.Files.csv;
import static org.cryoprotect.molecule.files.Files.export;
import static org.cryoprotect.molecule.files.Files.propertyValues;
import static org.cryoprotect.molecule.files.Files.sdRecordsByInchikey;
import static org.cryoprotect.molecule.files.Files.upload;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.cryoprotect.molecule.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * Export → import into another account → the same structures (InChIKey), names, synonyms and property
 * values, through SDF and through CSV; and an export shows exactly what the caller may read.
 */
@QuarkusTest
class FileRoundTripTest {

    @Test
    void sdfAndCsvRoundTripsKeepStructuresNamesAndProperties() {
        Api a = Api.user();
        Map<String, String> aPrivate = moleculesOfA(a); // inchikey -> id

        String sdf = export(a, "format=sdf");
        Map<String, Map<String, String>> exported = sdRecordsByInchikey(sdf);
        assertTrue(exported.keySet().containsAll(aPrivate.keySet()), "A's export holds all A's molecules: " + exported.keySet());
        assertTrue(sdf.contains("V2000"), "written as V2000");
        exported.forEach((key, tags) -> assertNotNull(tags.get("molecular_weight.source"), "provenance tag for " + key));

        Api b = Api.user();
        upload(b, SDF, sdf).then().statusCode(200).body("counts.rejected", equalTo(0));
        Map<String, Map<String, String>> imported = sdRecordsByInchikey(export(b, "format=sdf"));
        for (String key : aPrivate.keySet()) {
            Map<String, String> original = exported.get(key);
            Map<String, String> copy = imported.get(key);
            assertNotNull(copy, "B has " + original.get("name"));
            assertNotEquals(original.get("id"), copy.get("id"), "B's own copy, not A's row");
            assertEquals(original.get("name"), copy.get("name"));
            assertEquals(original.get("synonyms"), copy.get("synonyms"));
            assertEquals(propertyValues(original), propertyValues(copy), original.get("name"));
            assertEquals(original.get("melting_point.source") == null ? null : "manual", copy.get("melting_point.source"));
        }

        Api c = Api.user();
        String exportedCsv = export(a, "format=csv");
        upload(c, "text/csv", exportedCsv).then().statusCode(200).body("counts.rejected", equalTo(0));
        Map<String, Map<String, String>> before = byInchikey(csv(exportedCsv));
        Map<String, Map<String, String>> after = byInchikey(csv(export(c, "format=csv")));
        for (String key : aPrivate.keySet()) {
            Map<String, String> original = before.get(key);
            Map<String, String> copy = after.get(key);
            assertNotNull(copy, "C has " + original.get("name"));
            assertNotEquals(original.get("id"), copy.get("id"));
            for (String column : List.of("name", "synonyms", "formula", "molecular_weight", "molecular_weight.unit", "exact_mass",
                    "xlogp", "tpsa", "hbd", "hba", "rotatable_bonds")) {
                assertEquals(original.get(column), copy.get(column), column + " of " + original.get("name"));
            }
            assertEquals(values(original.get("other_properties")), values(copy.get("other_properties")));
            assertEquals("false", copy.get("is_public"));
        }
    }

    @Test
    void anExportHoldsWhatTheCallerMayReadAndNothingElse() {
        Api a = Api.user();
        Map<String, String> aPrivate = moleculesOfA(a);
        Api stranger = Api.user();

        Map<String, Map<String, String>> strangers = sdRecordsByInchikey(export(stranger, "format=sdf"));
        String strangersCsv = export(stranger, "format=csv");
        String anonymousCsv = export(Api.anonymous(), "format=csv");
        for (Map.Entry<String, String> molecule : aPrivate.entrySet()) {
            assertFalse(strangers.containsKey(molecule.getKey()), "stranger's SDF has none of A's private rows");
            assertFalse(strangersCsv.contains(molecule.getValue()) || strangersCsv.contains(molecule.getKey()));
            assertFalse(anonymousCsv.contains(molecule.getValue()) || anonymousCsv.contains(molecule.getKey()));
        }
        // the other way: A's own export, by Accept header, filtered like the JSON search
        String ownCsv = new String(as(a).accept("text/csv").get("/api/molecules?q=sodium laurate")
                .then().statusCode(200).header("Content-Type", startsWith("text/csv")).extract().asByteArray(),
                java.nio.charset.StandardCharsets.UTF_8);
        List<Map<String, String>> rows = csv(ownCsv);
        assertEquals(1, rows.size(), ownCsv);
        assertEquals("sodium laurate rt", rows.get(0).get("name"));
    }

    @Test
    void structureFiltersApplyToExportsUnderRls() {
        Api a = Api.user();
        Map<String, String> aPrivate = moleculesOfA(a);
        String laurateKey = aPrivate.keySet().stream()
                .filter(key -> aPrivate.get(key).equals(idByName(a, "sodium laurate rt"))).findFirst().orElseThrow();

        List<Map<String, String>> carboxylates = csv(export(a, "format=csv&substructure=" + encode("C(=O)[O-]")));
        assertTrue(carboxylates.stream().anyMatch(r -> r.get("inchikey").equals(laurateKey)), "A finds its salt by substructure");
        assertTrue(carboxylates.stream().allMatch(r -> !r.get("name").contains("diol")), "only rows containing the query");

        Map<String, Map<String, String>> similar = sdRecordsByInchikey(
                export(a, "format=sdf&similar_to=" + encode("CCCCCCCCCCCC(=O)O") + "&min_similarity=0.5"));
        assertTrue(similar.containsKey(laurateKey), "lauric acid is like sodium laurate: " + similar.keySet());
        assertNotNull(similar.get(laurateKey).get("similarity"), "the similarity travels as an SD tag");

        // imported rows carry parent key and fingerprints from the start (no backfill runs in tests)
        List<Map<String, String>> diols = csv(export(a, "format=csv&substructure=" + encode("OCCCCCCCCCCCCCCCCCO")));
        assertTrue(diols.stream().anyMatch(r -> r.get("name").equals("heptadecane-1,17-diol rt")), "found: " + diols);
        List<Map<String, String>> pentols = csv(export(a, "format=csv&exact=" + encode("OC[C@H](O)[C@@H](O)CCCCCCO")));
        assertEquals(List.of("v3000 octanepentol rt"), pentols.stream().map(r -> r.get("name")).toList());
        csv(export(a, "format=csv&q=rt")).forEach(r -> assertFalse(r.get("parent_inchikey").isEmpty(), r.get("name")));

        Api stranger = Api.user();
        assertFalse(export(stranger, "format=csv&substructure=" + encode("C(=O)[O-]")).contains(laurateKey));
        assertFalse(sdRecordsByInchikey(export(stranger, "format=sdf&similar_to=" + encode("CCCCCCCCCCCC(=O)O")
                + "&min_similarity=0.5")).containsKey(laurateKey));
        as(a).urlEncodingEnabled(false).get("/api/molecules?format=sdf&substructure=" + encode("C1CC")).then().statusCode(422)
                .contentType("application/problem+json");
    }

    private static String idByName(Api api, String name) {
        return api.request().get("/api/molecules?q=" + name).then().statusCode(200).extract().path("items[0].id");
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void toxicityCsvStreamsEveryMatchingMeasurementTheCallerMayRead() {
        Api a = Api.user();
        String molecule = a.createMolecule("tox csv candidate", "OCCCCCCCCCCCCCCCCCCCCO");
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 7; i++) { // more than two export pages of 3
            ids.add(a.addToxicity(molecule, i * 0.5));
        }
        List<Map<String, String>> rows = csv(new String(as(a).get("/api/toxicity?format=csv&molecule_id=" + molecule)
                .then().statusCode(200).header("Content-Type", startsWith("text/csv")).extract().asByteArray(),
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(ids.stream().sorted().toList(), rows.stream().map(r -> r.get("id")).sorted().toList());
        assertEquals("LD50", rows.get(0).get("endpoint"));
        assertEquals("mg/kg", rows.get(0).get("normalized_unit"));

        String strangers = new String(as(Api.user()).accept("text/csv").get("/api/toxicity?endpoint=LD50")
                .then().statusCode(200).extract().asByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        ids.forEach(id -> assertFalse(strangers.contains(id), "a stranger's toxicity CSV has none of A's measurements"));
        assertTrue(strangers.startsWith("id,molecule_id,endpoint"), strangers);
    }

    @Test
    void unknownFormatsAreProblems() {
        Api user = Api.user();
        as(user).get("/api/molecules?format=xml").then().statusCode(400)
                .contentType("application/problem+json").body("detail", equalTo("format: must be json, sdf or csv"));
        as(user).accept("image/png").get("/api/molecules").then().statusCode(406).contentType("application/problem+json");
        as(user).get("/api/toxicity?format=sdf").then().statusCode(400).body("detail", equalTo("format: must be json or csv"));
        as(user).get("/api/molecules?format=json&limit=1").then().statusCode(200).contentType("application/json");
        as(user).accept("*/*").get("/api/molecules?limit=1").then().statusCode(200).contentType("application/json");
        as(user).get("/api/molecules?format=sdf&mw_min=abc").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theOpenApiDocumentKeepsTheJsonSearchBesideTheFiles() {
        String yaml = as(Api.anonymous()).get("/q/openapi").then().statusCode(200).extract().asString();
        int molecules = yaml.indexOf("\n  /api/molecules:\n");
        String get = yaml.substring(molecules, yaml.indexOf("\n  /api/", molecules + 10));
        assertTrue(get.contains("application/json") && get.contains("substructure"), get);
        assertTrue(get.contains(Files.SDF) && get.contains("text/csv"), get);
    }

    /** A's private molecules: created one by one, with a manual property and synonyms, and imported (SMILES, V3000). */
    private static Map<String, String> moleculesOfA(Api a) {
        String stereo = a.createMolecule("(R)-decane-1,3-diol rt", "CCCCCCC[C@@H](O)CCO");
        String salt = a.createMolecule("sodium laurate rt", "CCCCCCCCCCCC(=O)[O-].[Na+]");
        a.request().body(Map.of("synonyms", List.of("sodium laurate rt", "laurate; sodium salt", "E 470a, \"soap\""),
                        "properties", Map.of("melting_point", 44.2)))
                .patch("/api/molecules/" + salt).then().statusCode(200);
        upload(a, "chemical/x-daylight-smiles", "OCCCCCCCCCCCCCCCCCO heptadecane-1,17-diol rt\nC/C=C/C(=O)O (E)-crotonic acid rt\n")
                .then().statusCode(200).body("counts.created", equalTo(2));
        upload(a, SDF, Files.v3000Record("OC[C@H](O)[C@@H](O)CCCCCCO", "v3000 octanepentol rt"))
                .then().statusCode(200).body("counts.created", equalTo(1)).body("results[0].status", equalTo("created"));
        Map<String, String> ids = new HashMap<>();
        for (Object item : a.request().get("/api/molecules?q=rt&limit=500").then().statusCode(200).extract()
                .jsonPath().getList("items")) {
            JsonObject molecule = new JsonObject((Map<String, Object>) item);
            if (a.userId().toString().equals(molecule.getString("created_by"))) {
                ids.put(molecule.getString("inchikey"), molecule.getString("id"));
            }
        }
        assertEquals(5, ids.size(), "A's five molecules: " + ids);
        assertTrue(ids.containsValue(stereo));
        return ids;
    }

    private static Map<String, Map<String, String>> byInchikey(List<Map<String, String>> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.get("inchikey"), r -> r, (x, y) -> x));
    }

    /** other_properties without provenance: {name: value}. */
    private static Map<String, Object> values(String json) {
        Map<String, Object> values = new HashMap<>();
        if (json != null && !json.isEmpty()) {
            JsonObject all = new JsonObject(json);
            all.fieldNames().forEach(name -> values.put(name, all.getJsonObject(name).getValue("value")));
        }
        return values;
    }
}
