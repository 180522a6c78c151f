package org.cryoprotect.molecule.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import org.cryoprotect.molecule.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Structure queries at and beyond their limits: every query the parameters accept (up to 4000
 * characters, each up to three once percent-encoded) reaches the parameter and CDK checks and is
 * answered there as a problem naming it, in the JSON search and in the exports alike; nesting never 500s.
 */
@QuarkusTest
class StructureQueryLimitsTest {

    @Test
    void aLongPercentEncodedQueryIsAProblemThatNamesIt() {
        String bracketed = "[CH2]".repeat(800); // 4000 characters, 7200 once encoded
        for (String format : new String[] {"json", "csv", "sdf"}) {
            Api.user().request().queryParam("substructure", bracketed).queryParam("format", format).get("/api/molecules")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("detail", containsString("substructure")).body("detail", containsString("too complex"));
        }
        Api.user().request().queryParam("similar_to", bracketed + "[CH3]").get("/api/molecules")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("similar_to"));
    }

    @Test
    void smartsWithStereoComponentsAndRecursionAreAnswered() {
        for (String smarts : new String[] {"[C@@H](F)(Cl)[#6]", "F/C=C/[#6]", "([#6].[#8])", "[#6;$([#6][OX2H])]", "[!#1]~*"}) {
            Api.anonymous().request().queryParam("substructure", smarts).get("/api/molecules")
                    .then().statusCode(200).body("complete", equalTo(true));
        }
    }

    @Test
    void deeplyNestedRecursiveSmartsIsNeverA500() {
        String nested = "[$(".repeat(300) + "C" + ")]".repeat(300);
        Api.anonymous().request().queryParam("substructure", nested).get("/api/molecules")
                .then().statusCode(lessThan(500));
    }
}
