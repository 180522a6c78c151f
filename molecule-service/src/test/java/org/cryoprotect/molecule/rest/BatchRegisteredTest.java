package org.cryoprotect.molecule.rest;

import static org.cryoprotect.molecule.StoredIdentity.assertStoredIdentity;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cryoprotect.common.testing.TestDatabase;
import org.cryoprotect.molecule.Api;
import org.cryoprotect.molecule.chem.ComputedStructure;
import org.cryoprotect.molecule.chem.StructureCalculator;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A batch record whose structure is registered under the same SMILES (a re-import, a retried chunk) is
 * not computed again: it is unchanged, or updated where its values changed, and its row keeps its identity.
 * Any other SMILES under a registered key is checked as before, and so is a row still without identity.
 */
@QuarkusTest
class BatchRegisteredTest {

    private final StructureCalculator calculator = new StructureCalculator();
    private final Api service = Api.service();

    @ConfigProperty(name = "cryo.test.database")
    String database;

    @Test
    void sentAgainItIsUnchangedThenUpdatedAndKeepsItsIdentity() throws Exception {
        String smiles = "OCCCCCCCCCCCCCCCCCCCCCO";
        ComputedStructure structure = calculator.compute(smiles);
        Map<String, Object> record = record("9101", smiles, structure.inchikey(), structure);

        String id = service.request().body(Map.of("records", List.of(record))).post("/api/molecules/batch")
                .then().statusCode(200).body("results[0].status", equalTo("created")).extract().path("results[0].id");
        service.request().body(Map.of("records", List.of(record))).post("/api/molecules/batch")
                .then().statusCode(200).body("results[0].status", equalTo("unchanged")).body("results[0].id", equalTo(id));

        Map<String, Object> changed = new HashMap<>(record);
        changed.put("properties", Map.of("molecular_weight", 1.5, "exact_mass", 1.5, "xlogp", 1.5, "tpsa", 1.5, "hbd", 1,
                "hba", 1, "rotatable_bonds", 1));
        service.request().body(Map.of("records", List.of(changed))).post("/api/molecules/batch")
                .then().statusCode(200).body("results[0].status", equalTo("updated")).body("results[0].id", equalTo(id));

        Api.anonymous().request().get("/api/molecules/" + id).then().statusCode(200)
                .body("parent_inchikey", equalTo(structure.parentInchikey()))
                .body("properties.xlogp.value", equalTo(1.5)).body("properties.xlogp.source", equalTo("pubchem"));
        assertStoredIdentity(database, id, smiles);
    }

    @Test
    void anotherSmilesUnderARegisteredKeyIsStillChecked() throws Exception {
        String smiles = "OCCCCCCCCCCCCCCCCCCCCCCO";
        ComputedStructure structure = calculator.compute(smiles);
        String id = service.request().body(Map.of("records", List.of(record("9111", smiles, structure.inchikey(), structure))))
                .post("/api/molecules/batch").then().statusCode(200).body("results[0].status", equalTo("created"))
                .extract().path("results[0].id");

        String otherSpelling = "C(O)CCCCCCCCCCCCCCCCCCCCCO";
        String otherStructure = "OCCCCCCCCCCCCCCCCCCCCCCCO";
        service.request().body(Map.of("records", List.of(record("9111", otherSpelling, structure.inchikey(), structure),
                        record("9112", otherStructure, structure.inchikey(), structure))))
                .post("/api/molecules/batch").then().statusCode(200)
                .body("results[0].status", equalTo("unchanged")).body("results[0].id", equalTo(id))
                .body("results[1].status", equalTo("rejected"))
                .body("results[1].error", containsString("does not match the structure given as smiles"));
    }

    @Test
    void aRowWithoutIdentityDoesNotVouchForItsKey() throws Exception {
        // as rows of earlier versions may be: a key nobody checked against the SMILES, no fingerprints yet
        String smiles = "OCCCCCCCCCCCCCCCCCCCCCCCCO";
        String claimedKey = "ZZZZZZZZZZZZZZ-UHFFFAOYSA-N";
        try (Connection db = TestDatabase.superuser(database); PreparedStatement insert = db.prepareStatement("""
                insert into chem.molecules (name, smiles, inchikey, is_public) values ('Unchecked key', ?, ?, true)""")) {
            insert.setString(1, smiles);
            insert.setString(2, claimedKey);
            insert.executeUpdate();
        }
        ComputedStructure structure = calculator.compute(smiles);

        service.request().body(Map.of("records", List.of(record("9121", smiles, claimedKey, structure))))
                .post("/api/molecules/batch").then().statusCode(200)
                .body("results[0].status", equalTo("rejected"))
                .body("results[0].error", containsString("its InChIKey is " + structure.inchikey()));
    }

    private static Map<String, Object> record(String cid, String smiles, String inchikey, ComputedStructure structure) {
        Map<String, Object> properties = new HashMap<>(structure.properties());
        return Map.of("source", "pubchem", "source_id", cid, "name", "Registered " + cid, "smiles", smiles,
                "inchikey", inchikey, "formula", structure.formula(), "properties", properties);
    }
}
