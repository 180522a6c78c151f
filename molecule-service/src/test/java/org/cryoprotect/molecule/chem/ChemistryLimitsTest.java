package org.cryoprotect.molecule.chem;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import java.util.Map;

import org.cryoprotect.molecule.Api;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/** Structures beyond cryo.chemistry.max-* are refused before CDK works on them, and the service goes on. */
@QuarkusTest
class ChemistryLimitsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "a 600-carbon chain, C, 600, 600 atoms (at most 500)",
            "60 cyclopropanes in a row, C1CC1, 60, 60 rings (at most 50)",
            "a SMILES of 4001 characters, C, 4001, longer than 4000 characters"})
    void tooLargeIs422TooComplexAndTheNextRequestIsServed(String what, String unit, int times, String reason) {
        Api user = Api.user();
        user.request().body(Map.of("name", what, "smiles", unit.repeat(times))).post("/api/molecules")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("Structure too complex"))
                .body("detail", containsString(reason));

        user.request().body(Map.of("name", "ethanol after " + what, "smiles", "CCO")).post("/api/molecules")
                .then().statusCode(oneOf(200, 201)).body("inchikey", equalTo("LFQSCWFLJHTTHZ-UHFFFAOYSA-N"));
    }
}
