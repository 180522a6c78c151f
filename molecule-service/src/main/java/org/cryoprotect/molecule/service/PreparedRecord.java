package org.cryoprotect.molecule.service;

import java.util.List;
import java.util.Map;

import io.vertx.core.json.JsonObject;

/**
 * A batch record after checking and CDK completion, or its rejection reason. {@code describes} says which
 * structure each computed property describes; supplied ones describe the molecule as the source gave it.
 */
record PreparedRecord(int index, String source, String inchikey, String rejection, JsonObject moleculeRow,
        Map<String, Double> suppliedProperties, Map<String, Double> computedProperties, Map<String, String> describes, List<String> synonyms) {

    static PreparedRecord rejected(int index, String reason) {
        return new PreparedRecord(index, null, null, reason, null, Map.of(), Map.of(), Map.of(), List.of());
    }
}
