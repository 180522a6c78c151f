package org.cryoprotect.molecule.replica;

import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.cryoprotect.molecule.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With the replicas unreachable, searches are still answered, by the primary. */
@QuarkusTest
@TestProfile(ReplicaFallbackTest.ReplicaDown.class)
class ReplicaFallbackTest {

    public static class ReplicaDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cryo.molecule.replica-reads", "true",
                    "quarkus.datasource.replica.reactive.url", "postgresql://127.0.0.1:9/nowhere");
        }
    }

    @Test
    void thePrimaryAnswersWhenTheReplicaIsDown() {
        Api owner = Api.user();
        String id = owner.createMolecule("Fallback ectoine", "CC1=NCCC(N1)C(=O)O");
        owner.request().get("/api/molecules?q=Fallback").then().statusCode(200).body("items.id", hasItem(id));
        Api.anonymous().request().get("/api/public/molecules?limit=5").then().statusCode(200);
    }
}
