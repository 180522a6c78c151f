package org.cryoprotect.importer.upstream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.cryoprotect.importer.client.BatchRecord;
import org.cryoprotect.importer.model.Source;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/** An upstream database as the import pipeline sees it: raw records by id, and how to read one. */
public interface RecordSource {

    Source source();

    /** Raw records by id; ids the upstream does not know are absent. What comes back is cached as is. */
    Uni<Map<String, JsonObject>> fetch(List<String> ids);

    /** The batch record for one raw record. */
    BatchRecord toRecord(String id, JsonObject raw) throws UnusableRecordException;

    /** The values of {@code from} named in {@code names} (upstream name → ours), as the upstream wrote them. */
    static Map<String, Object> values(JsonObject from, Map<String, String> names) {
        Map<String, Object> values = new LinkedHashMap<>();
        names.forEach((upstream, ours) -> {
            Object value = from.getValue(upstream);
            if (value instanceof Number || value instanceof String text && !text.isBlank()) {
                values.put(ours, value);
            }
        });
        return values;
    }

    /** The records answering the ids asked for, by id; anything else the upstream sent is ignored. */
    static Map<String, JsonObject> byId(List<JsonObject> records, Function<JsonObject, String> idOf,
            List<String> asked) {
        Set<String> wanted = Set.copyOf(asked);
        Map<String, JsonObject> found = new LinkedHashMap<>();
        for (JsonObject record : records) {
            String id = idOf.apply(record);
            if (wanted.contains(id)) {
                found.put(id, record);
            }
        }
        return found;
    }

    /** How an id unknown upstream is reported. */
    default String notFoundReason() {
        return "not found in " + (source() == Source.PUBCHEM ? "PubChem" : "ChEMBL");
    }

    /** A record the upstream returned but that cannot be imported (no structure, say). */
    class UnusableRecordException extends Exception {
        public UnusableRecordException(String message) {
            super(message, null, false, false);
        }
    }
}
