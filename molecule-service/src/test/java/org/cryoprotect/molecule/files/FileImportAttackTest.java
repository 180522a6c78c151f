package org.cryoprotect.molecule.files;

import static org.cryoprotect.molecule.files.Files.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import org.cryoprotect.molecule.Api;
import org.cryoprotect.molecule.chem.InvalidStructureException;
import org.cryoprotect.molecule.chem.StructureCalculator;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * What a crafted file must not achieve: claiming a column the service derives from the structure (a
 * formula other searchers filter by), or a record of unbounded size (tens of thousands of property rows
 * per molecule, the memory to build them). Refused parts change nothing.
 */
@QuarkusTest
class FileImportAttackTest {

    private static final StructureCalculator CDK = new StructureCalculator();

    @Test
    void otherPropertiesCannotClaimTheFormulaOrIdentityColumns() {
        Api user = Api.user();
        String smiles = "OCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCO";
        String csv = "smiles,name,other_properties\r\n" + smiles + ",claims a formula,\"{\"\"formula\"\":{\"\"value\"\":\"\"C6H12O6\"\"},"
                + "\"\"inchikey\"\":{\"\"value\"\":1},\"\"pubchem_cid\"\":962,\"\"boiling_point\"\":{\"\"value\"\":301.5}}\"\r\n";
        String id = upload(user, "text/csv", csv).then().statusCode(200)
                .body("results[0].status", equalTo("created")).extract().path("results[0].id");
        user.request().get("/api/molecules/" + id).then().statusCode(200)
                .body("formula", equalTo("C42H86O2"))
                .body("pubchem_cid", nullValue())
                .body("properties.formula", nullValue())
                .body("properties.inchikey", nullValue())
                .body("properties.pubchem_cid", nullValue())
                .body("properties.boiling_point.value", equalTo(301.5))
                .body("properties.boiling_point.source", equalTo("manual"));
        user.request().get("/api/molecules?formula=C6H12O6&q=claims a formula").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aRecordWithTooManyPropertiesIsRejectedAndWritesNothing() {
        Api user = Api.user();
        String smiles = "OCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCO";
        StringBuilder header = new StringBuilder("smiles,name");
        StringBuilder row = new StringBuilder(smiles + ",many properties");
        for (int i = 0; i < 5000; i++) {
            header.append(",p").append(i);
            row.append(",1");
        }
        upload(user, "text/csv", header + "\r\n" + row + "\r\nOCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCO,fine" + ",".repeat(5000) + "\r\n")
                .then().statusCode(200)
                .body("results[0].status", equalTo("rejected"))
                .body("results[0].error", containsString("properties"))
                .body("results[1].status", equalTo("created"));
        visible(user, smiles).body("items", hasSize(0));
    }

    private static ValidatableResponse visible(Api api, String smiles) {
        try {
            return api.request().get("/api/molecules?inchikey=" + CDK.compute(smiles).inchikey()).then().statusCode(200);
        } catch (InvalidStructureException e) {
            throw new IllegalStateException(e);
        }
    }
}
