package org.cryoprotect.molecule.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.cryoprotect.molecule.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A batch record's InChIKey is its identity: one that does not belong to its SMILES is rejected with
 * the reason (whether or not CDK had anything else to compute), and the other records still land.
 */
@QuarkusTest
class BatchInchikeyTest {

    private static final String TETRADECANOL = "OCCCCCCCCCCCCCC";
    private static final String TETRADECANOL_KEY = "HLZKNKRTKFSKGZ-UHFFFAOYSA-N";
    private static final String ETHANOL_KEY = "LFQSCWFLJHTTHZ-UHFFFAOYSA-N";
    private static final Map<String, Object> ALL_PROPERTIES = Map.of("molecular_weight", 214.39, "exact_mass", 214.229666,
            "xlogp", 6.0, "tpsa", 20.2, "hbd", 1, "hba", 1, "rotatable_bonds", 12);

    private final Api service = Api.service();

    @Test
    void aKeyOfAnotherStructureIsRejectedTheRestLands() {
        List<Map<String, Object>> records = List.of(
                record("9001", "Wrong key, nothing to compute", ETHANOL_KEY, ALL_PROPERTIES, "C14H30O"),
                record("9002", "Wrong key, properties to compute", ETHANOL_KEY, Map.of(), null),
                record("9003", "Right key, nothing to compute", TETRADECANOL_KEY, ALL_PROPERTIES, "C14H30O"),
                Map.of("source", "pubchem", "source_id", "9004", "name", "No key: computed", "smiles", "OCCCCCCCCCCCCCCCCO"));

        var results = service.request().body(Map.of("records", records)).post("/api/molecules/batch")
                .then().statusCode(200).body("results", hasSize(4))
                .body("results[0].status", equalTo("rejected"))
                .body("results[0].error", equalTo("inchikey " + ETHANOL_KEY + " does not match the structure given as smiles "
                        + "(its InChIKey is " + TETRADECANOL_KEY + ")"))
                .body("results[0].id", nullValue())
                .body("results[1].status", equalTo("rejected"))
                .body("results[1].error", containsString("does not match the structure"))
                .body("results[2].status", not(equalTo("rejected")))
                .body("results[2].id", notNullValue())
                .body("results[3].status", not(equalTo("rejected")))
                .extract();

        Api.anonymous().request().get("/api/molecules/" + results.path("results[2].id")).then().statusCode(200)
                .body("inchikey", equalTo(TETRADECANOL_KEY)).body("pubchem_cid", equalTo(9003));
        // nothing was filed under the key the rejected records claimed
        Api.anonymous().request().get("/api/molecules?inchikey=" + ETHANOL_KEY).then().statusCode(200)
                .body("items.pubchem_cid", not(org.hamcrest.Matchers.hasItem(9001)))
                .body("items.pubchem_cid", not(org.hamcrest.Matchers.hasItem(9002)));
    }

    @Test
    void badToxicityOrFormulaRejectsTheRecordNotTheBatch() {
        List<Map<String, Object>> records = List.of(
                Map.of("source", "pubchem", "source_id", "9011", "name", "Endpoint too long", "smiles", "OCCCCCCCCCCCCCCCCCO",
                        "toxicity", List.of(Map.of("endpoint", "L".repeat(51), "value", 1.0, "unit", "g/kg"))),
                Map.of("source", "pubchem", "source_id", "9012", "name", "Formula too long", "smiles", "OCCCCCCCCCCCCCCCCCCO",
                        "formula", "C".repeat(201)),
                Map.of("source", "pubchem", "source_id", "9013", "name", "Fine", "smiles", "OCCCCCCCCCCCCCCCCCCCO"));

        service.request().body(Map.of("records", records)).post("/api/molecules/batch")
                .then().statusCode(200)
                .body("results[0].status", equalTo("rejected"))
                .body("results[0].error", containsString("POST /api/toxicity/batch"))
                .body("results[1].status", equalTo("rejected"))
                .body("results[1].error", containsString("formula"))
                .body("results[2].status", equalTo("created"));
    }

    private static Map<String, Object> record(String cid, String name, String inchikey, Map<String, Object> properties,
            String formula) {
        Map<String, Object> record = new java.util.HashMap<>(Map.of("source", "pubchem", "source_id", cid, "name", name,
                "smiles", TETRADECANOL, "inchikey", inchikey, "properties", properties));
        if (formula != null) {
            record.put("formula", formula);
        }
        return record;
    }
}
