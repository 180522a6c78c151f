package org.cryoprotect.molecule.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.cryoprotect.molecule.Api;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A substructure query that is exponential to match on some registered structure (here: a ladder of 39
 * fused four-membered rings, with no odd cycle and no uranium) answers "complete": false within its
 * budget, as before, and no longer leaves a chemistry thread matching on for minutes after the answer:
 * a few such requests used to hold every chemistry thread (creates, imports and searches then 503).
 */
@QuarkusTest
class PathologicalSubstructureTest {

    static final String LADDER = "C%11C%12C%13C%14C%15C%16C%17C%18C%19C%20C%21C%22C%23C%24C%25C%26C%27C%28C%29C%30C%31C%32C%33C%34C%35C%36C%37C%38C%39C%40C%41C%42C%43C%44C%45C%46C%47C%48C%49CCC%49C%48C%47C%46C%45C%44C%43C%42C%41C%40C%39C%38C%37C%36C%35C%34C%33C%32C%31C%30C%29C%28C%27C%26C%25C%24C%23C%22C%21C%20C%19C%18C%17C%16C%15C%14C%13C%12C%11";

    @Inject
    MeterRegistry registry;

    @Test
    void anExponentialMatchIsGivenUpAndFreesItsThread() {
        Api user = Api.user();
        user.createMolecule("Pathological ladder", LADDER);
        double before = abandoned();
        String wildcardPathToUranium = "*~".repeat(40) + "[U]"; // SMARTS
        String oddRing = "C1" + "C".repeat(40) + "1";             // SMILES: 41-membered ring, passes the path screen
        for (String query : new String[] {wildcardPathToUranium, oddRing}) {
            user.request().queryParam("substructure", query).queryParam("q", "Pathological ladder").get("/api/molecules")
                    .then().statusCode(200).body("items.size()", equalTo(0)).body("complete", equalTo(false));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> abandoned() <= before);
    }

    private double abandoned() {
        return registry.get("cryo.chemistry.abandoned").gauge().value();
    }
}
