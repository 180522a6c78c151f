package org.cryoprotect.simulator;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PubChemEndpointsTest extends SimulatorTestSupport {

    private static final String PROPS = "MolecularFormula,MolecularWeight,SMILES,ConnectivitySMILES,InChIKey,XLogP,"
            + "ExactMass,TPSA,HBondDonorCount,HBondAcceptorCount,RotatableBondCount,Title";

    @AfterEach
    void cleanUp() {
        reset();
    }

    @Test
    void propertyTableByGetHasPubChemsShapeAndTypes() {
        String body = pubchem().get("/rest/pug/compound/cid/753,679,174/property/" + PROPS + "/JSON")
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Access-Control-Allow-Origin", "*")
                .header("X-Throttling-Control", matchesPattern(THROTTLING_HEADER))
                .extract().asString();
        assertTrue(body.startsWith("{\n  \"PropertyTable\": {\n    \"Properties\": [\n      {\n        \"CID\": 753,\n"), body);
        assertTrue(body.endsWith("}\n"));
        JsonNode root = json(body);
        assertEquals(List.of("PropertyTable"), names(root));
        assertEquals(List.of("Properties"), names(root.get("PropertyTable")));
        JsonNode rows = root.get("PropertyTable").get("Properties");
        assertEquals(3, rows.size());
        assertEquals(753, rows.get(0).get("CID").asInt());
        assertEquals(679, rows.get(1).get("CID").asInt());
        assertEquals(174, rows.get(2).get("CID").asInt());
        JsonNode glycerol = rows.get(0);
        assertEquals(List.of("CID", "MolecularFormula", "MolecularWeight", "SMILES", "ConnectivitySMILES", "InChIKey",
                "XLogP", "ExactMass", "TPSA", "HBondDonorCount", "HBondAcceptorCount", "RotatableBondCount", "Title"),
                names(glycerol));
        assertTrue(glycerol.get("CID").isIntegralNumber());
        assertEquals("C3H8O3", glycerol.get("MolecularFormula").asText());
        assertTrue(glycerol.get("MolecularWeight").isTextual(), "MolecularWeight is a string");
        assertEquals("92.09", glycerol.get("MolecularWeight").asText());
        assertTrue(glycerol.get("ExactMass").isTextual(), "ExactMass is a string");
        assertTrue(glycerol.get("XLogP").isNumber() && !glycerol.get("XLogP").isTextual());
        assertTrue(glycerol.get("TPSA").isNumber());
        assertEquals(3, glycerol.get("HBondDonorCount").asInt());
        assertTrue(glycerol.get("HBondDonorCount").isInt());
        assertEquals("PEDCQBHIVMGVHV-UHFFFAOYSA-N", glycerol.get("InChIKey").asText());
        assertEquals("Glycerol", glycerol.get("Title").asText());
    }

    @Test
    void propertyTableByPostWithCidBody() {
        String body = pubchem().contentType("application/x-www-form-urlencoded").body("cid=753,679,174")
                .post("/rest/pug/compound/cid/property/MolecularFormula,MolecularWeight/JSON")
                .then().statusCode(200).contentType(startsWith("application/json")).extract().asString();
        JsonNode rows = json(body).get("PropertyTable").get("Properties");
        assertEquals(3, rows.size());
        assertEquals(List.of("CID", "MolecularFormula", "MolecularWeight"), names(rows.get(1)));
        assertEquals("C2H6OS", rows.get(1).get("MolecularFormula").asText());
    }

    @Test
    void postOfGeneratedCidsKeepsTheRequestOrderAndSkipsUnknownOnes() {
        JsonNode items = json(io.restassured.RestAssured.get("/admin/data?offset=100&limit=3").asString()).get("items");
        long a = items.get(0).get("cid").asLong();
        long b = items.get(1).get("cid").asLong();
        long c = items.get(2).get("cid").asLong();
        String body = pubchem().contentType("application/x-www-form-urlencoded")
                .body("cid=" + c + "," + a + ",1," + b)
                .post("/rest/pug/compound/cid/property/InChIKey,SMILES/JSON").then().statusCode(200).extract().asString();
        JsonNode rows = json(body).get("PropertyTable").get("Properties");
        assertEquals(3, rows.size());
        assertEquals(c, rows.get(0).get("CID").asLong());
        assertEquals(a, rows.get(1).get("CID").asLong());
        assertEquals(b, rows.get(2).get("CID").asLong());
    }

    @Test
    void legacySmilesNamesAreAnsweredUnderThe2025Keys() {
        String body = pubchem().get("/rest/pug/compound/cid/753/property/CanonicalSMILES,IsomericSMILES/JSON")
                .then().statusCode(200).extract().asString();
        JsonNode row = json(body).get("PropertyTable").get("Properties").get(0);
        assertEquals(List.of("CID", "ConnectivitySMILES", "SMILES"), names(row));
    }

    @Test
    void csvAndTxtOutputs() {
        String csv = pubchem().get("/rest/pug/compound/cid/753,174/property/MolecularFormula,XLogP/CSV")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertEquals("\"CID\",\"MolecularFormula\",\"XLogP\"", csv.lines().findFirst().orElseThrow());
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().startsWith("753,\"C3H8O3\","));
        pubchem().get("/rest/pug/compound/cid/753,174/property/InChIKey/TXT").then().statusCode(200)
                .body(equalTo("PEDCQBHIVMGVHV-UHFFFAOYSA-N\nLYCAIKOWRPUZTN-UHFFFAOYSA-N\n"));
    }

    @Test
    void synonymsOnePerCid() {
        String body = pubchem().get("/rest/pug/compound/cid/753,174/synonyms/JSON").then().statusCode(200)
                .extract().asString();
        JsonNode root = json(body);
        assertEquals(List.of("InformationList"), names(root));
        JsonNode info = root.get("InformationList").get("Information");
        assertEquals(2, info.size());
        assertEquals(List.of("CID", "Synonym"), names(info.get(0)));
        assertEquals(753, info.get(0).get("CID").asInt());
        assertEquals("Glycerol", info.get(0).get("Synonym").get(0).asText());
        assertTrue(info.get(0).get("Synonym").toString().contains("Glycerin"));
        assertEquals(174, info.get(1).get("CID").asInt());

        String post = pubchem().contentType("application/x-www-form-urlencoded").body("cid=174")
                .post("/rest/pug/compound/cid/synonyms/JSON").then().statusCode(200).extract().asString();
        assertEquals(174, json(post).get("InformationList").get("Information").get(0).get("CID").asInt());
    }

    @Test
    void nameToCid() {
        pubchem().get("/rest/pug/compound/name/GLYCERIN/cids/JSON").then().statusCode(200)
                .body(equalTo("{\n  \"IdentifierList\": {\n    \"CID\": [\n      753\n    ]\n  }\n}\n"));
        // Names contain commas: they are one identifier, never a list.
        String body = pubchem().get("/rest/pug/compound/name/1,2-Propanediol/cids/JSON").then().statusCode(200)
                .extract().asString();
        assertEquals(1030, json(body).get("IdentifierList").get("CID").get(0).asInt());
        String inchikey = pubchem().get("/rest/pug/compound/inchikey/PEDCQBHIVMGVHV-UHFFFAOYSA-N/cids/JSON")
                .then().statusCode(200).extract().asString();
        assertEquals(753, json(inchikey).get("IdentifierList").get("CID").get(0).asInt());
    }

    @Test
    void unknownNameIs404WithPubChemsBody() {
        pubchem().get("/rest/pug/compound/name/not-a-cryoprotectant/cids/JSON").then().statusCode(404)
                .contentType(startsWith("application/json"))
                .body(equalTo("{\n  \"Fault\": {\n    \"Code\": \"PUGREST.NotFound\",\n    \"Message\": \"No CID found\",\n"
                        + "    \"Details\": [\n      \"No CID found that matches the given name\"\n    ]\n  }\n}\n"));
    }

    @Test
    void unknownCidIs404NotFound() {
        String body = pubchem().get("/rest/pug/compound/cid/4242/property/MolecularWeight/JSON").then().statusCode(404)
                .header("X-Throttling-Control", matchesPattern(THROTTLING_HEADER)).extract().asString();
        assertEquals("PUGREST.NotFound", json(body).get("Fault").get("Code").asText());
        pubchem().get("/rest/pug/compound/cid/4242/synonyms/JSON").then().statusCode(404);
    }

    @Test
    void invalidPropertyIs400WithTheObservedBody() {
        String body = pubchem().get("/rest/pug/compound/cid/753/property/BoilingPoint/JSON").then().statusCode(400)
                .extract().asString();
        assertEquals("{\n  \"Fault\": {\n    \"Code\": \"PUGREST.BadRequest\",\n    \"Message\": \"Invalid property\"\n  }\n}\n", body);
        assertEquals(89, body.getBytes(StandardCharsets.UTF_8).length, "PubChem's body is 89 bytes");
        pubchem().get("/rest/pug/compound/cid/abc/property/MolecularWeight/JSON").then().statusCode(400);
    }

    @Test
    void knownButUncomputedPropertiesAreAbsent() {
        String body = pubchem().get("/rest/pug/compound/cid/753/property/MolecularWeight,IUPACName,Volume3D/JSON")
                .then().statusCode(200).extract().asString();
        JsonNode row = json(body).get("PropertyTable").get("Properties").get(0);
        assertEquals(List.of("CID", "MolecularWeight"), names(row));
        assertFalse(row.has("IUPACName"));
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
