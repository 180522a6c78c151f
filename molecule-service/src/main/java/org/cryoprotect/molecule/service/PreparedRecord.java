package org.cryoprotect.molecule.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.vertx.core.json.JsonObject;

/** A batch record after checking and CDK completion, or its rejection reason. */
record PreparedRecord(int index, String source, String inchikey, String rejection, JsonObject moleculeRow,
        Map<String, Double> suppliedProperties, Map<String, Double> computedProperties, List<String> synonyms,
        List<JsonObject> toxicity) {

    static PreparedRecord rejected(int index, String reason) {
        return new PreparedRecord(index, null, null, reason, null, Map.of(), Map.of(), List.of(), List.of());
    }

    List<JsonObject> toxicityRows(UUID moleculeId) {
        return toxicity.stream().map(t -> t.copy().put("molecule_id", moleculeId.toString())).toList();
    }
}
