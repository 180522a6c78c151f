package org.cryoprotect.importer.e2e;

import static org.cryoprotect.importer.e2e.Calls.awaitFinished;
import static org.cryoprotect.importer.e2e.Calls.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.JsonPath;

/** The demo molecules imported from the simulator end up in molecule-service exactly as the upstream has them. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoImportIT {

    private static final String PROPERTIES = "MolecularFormula,MolecularWeight,ExactMass,InChIKey,XLogP,TPSA,"
            + "HBondDonorCount,HBondAcceptorCount,RotatableBondCount";

    private static String token;
    private static List<Map<String, Object>> demo;

    @BeforeAll
    static void stack() {
        // compare numbers as doubles: REST Assured reads JSON decimals as floats by default
        RestAssured.config = RestAssuredConfig.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
        Calls.resetSimulator();
        token = Calls.researcherToken();
        demo = Calls.compounds(0, 200).stream().filter(c -> "demo".equals(c.get("origin"))).toList();
        assertTrue(demo.size() >= 40, "the simulator serves the demo set");
    }

    @Test
    @Order(1)
    void pubchemImportMatchesTheUpstreamExactly() {
        List<Long> cids = Calls.cids(demo);
        String job = start(ImportStack.IMPORTER, token, "pubchem", cids);
        JsonPath done = awaitFinished(ImportStack.IMPORTER, token, job, Duration.ofMinutes(2));
        assertEquals("completed", done.getString("status"));
        assertEquals(cids.size(), done.getInt("succeeded"));
        assertEquals(0, done.getInt("failed"));

        // the oracle: the simulator's own property table, asked as another client
        List<Map<String, Object>> rows = RestAssured.given().baseUri(ImportStack.SIMULATOR.url())
                .header("X-Client-Id", "test-oracle").contentType("application/x-www-form-urlencoded")
                .formParam("cid", String.join(",", cids.stream().map(String::valueOf).toList()))
                .post("/rest/pug/compound/cid/property/" + PROPERTIES + "/JSON")
                .then().statusCode(200).extract().jsonPath().getList("PropertyTable.Properties");
        assertEquals(cids.size(), rows.size());
        for (Map<String, Object> row : rows) {
            JsonPath molecule = molecule("pubchem_cid", ((Number) row.get("CID")).longValue());
            String cid = " (CID " + row.get("CID") + ")";
            assertEquals(row.get("InChIKey"), molecule.getString("inchikey"), "inchikey" + cid);
            assertEquals(row.get("MolecularFormula"), molecule.getString("formula"), "formula" + cid);
            assertProperty(molecule, "molecular_weight", row.get("MolecularWeight"), "pubchem", cid);
            assertProperty(molecule, "exact_mass", row.get("ExactMass"), "pubchem", cid);
            assertProperty(molecule, "xlogp", row.get("XLogP"), "pubchem", cid);
            assertProperty(molecule, "tpsa", row.get("TPSA"), "pubchem", cid);
            assertProperty(molecule, "hbd", row.get("HBondDonorCount"), "pubchem", cid);
            assertProperty(molecule, "hba", row.get("HBondAcceptorCount"), "pubchem", cid);
            assertProperty(molecule, "rotatable_bonds", row.get("RotatableBondCount"), "pubchem", cid);
            assertFalse(molecule.getList("synonyms").isEmpty(), "synonyms kept" + cid);
        }
    }

    @Test
    @Order(2)
    void chemblImportMatchesTheUpstreamExactly() {
        List<String> ids = demo.stream().map(c -> (String) c.get("chembl_id")).toList();
        String job = start(ImportStack.IMPORTER, token, "chembl", ids);
        JsonPath done = awaitFinished(ImportStack.IMPORTER, token, job, Duration.ofMinutes(2));
        assertEquals(ids.size(), done.getInt("succeeded"));
        assertEquals(0, done.getInt("failed"));

        List<Map<String, Object>> molecules = RestAssured.given().baseUri(ImportStack.SIMULATOR.url())
                .get("/chembl/api/data/molecule.json?limit=1000&molecule_chembl_id__in=" + String.join(",", ids))
                .then().statusCode(200).extract().jsonPath().getList("molecules");
        assertEquals(ids.size(), molecules.size());
        for (Map<String, Object> upstream : molecules) {
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) upstream.get("molecule_properties");
            String id = (String) upstream.get("molecule_chembl_id");
            JsonPath molecule = molecule("chembl_id", id);
            assertProperty(molecule, "alogp", values.get("alogp"), "chembl", " (" + id + ")");
            assertProperty(molecule, "qed_weighted", values.get("qed_weighted"), "chembl", " (" + id + ")");
        }
    }

    @Test
    @Order(3)
    void aRerunIsServedFromTheCache() {
        long before = Calls.simulatorStats().getLong("pubchem.requests");
        String job = start(ImportStack.IMPORTER, token, "pubchem", Calls.cids(demo));
        JsonPath done = awaitFinished(ImportStack.IMPORTER, token, job, Duration.ofMinutes(1));
        assertEquals(demo.size(), done.getInt("succeeded"));
        assertEquals(before, Calls.simulatorStats().getLong("pubchem.requests"), "no request reached PubChem");
    }

    private static JsonPath molecule(String column, Object value) {
        String id = Calls.single("select id::text from chem.molecules where " + column + " = ?", value);
        return RestAssured.given().baseUri(ImportStack.MOLECULES.url()).header("Authorization", "Bearer " + token)
                .get("/api/molecules/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static void assertProperty(JsonPath molecule, String name, Object upstream, String source, String where) {
        if (upstream == null) {
            return; // the upstream has no value; molecule-service computed one with CDK
        }
        double expected = upstream instanceof Number n ? n.doubleValue() : Double.parseDouble(upstream.toString());
        assertEquals(expected, molecule.getDouble("properties." + name + ".value"), 0.0, name + where);
        assertEquals(source, molecule.getString("properties." + name + ".source"), name + " source" + where);
    }
}
