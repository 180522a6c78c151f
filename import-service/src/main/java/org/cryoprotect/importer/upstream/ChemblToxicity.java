package org.cryoprotect.importer.upstream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.toxicity.ToxicityVocabulary;
import org.cryoprotect.importer.ImportConfig;
import org.cryoprotect.importer.client.ToxicityMeasurement;
import org.cryoprotect.importer.model.Source;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * ChEMBL activities of the configured standard types, for all of a chunk's molecules at once
 * (paginated). Each activity is one measurement with its standard value and unit as ChEMBL
 * reports them, the target organism as species and the route its assay description names; the
 * record is the activity id, the reference its document.
 */
@ApplicationScoped
public class ChemblToxicity implements ToxicitySource {

    private static final Pattern WORDS = Pattern.compile("[^\\p{L}-]+");
    /** Assay context kept with each measurement. */
    private static final List<String> DETAILS = List.of("assay_type", "assay_description", "target_organism",
            "document_chembl_id", "assay_chembl_id", "activity_comment");

    private final ChemblClient chembl;
    private final ImportConfig config;

    public ChemblToxicity(ChemblClient chembl, ImportConfig config) {
        this.chembl = chembl;
        this.config = config;
    }

    @Override
    public Source source() {
        return Source.CHEMBL;
    }

    @Override
    public String cacheKey() {
        return "chembl-activities";
    }

    @Override
    public Uni<Map<String, JsonObject>> fetch(List<String> ids) {
        return chembl.activities(ids, config.toxicity().chemblTypes()).map(activities -> {
            Map<String, JsonObject> byId = new LinkedHashMap<>();
            ids.forEach(id -> byId.put(id, new JsonObject().put("activities", new JsonArray())));
            group(activities, byId);
            return byId;
        });
    }

    /** Adds each activity to its molecule's record; activities of molecules not asked for are ignored. */
    static void group(List<JsonObject> activities, Map<String, JsonObject> byId) {
        for (JsonObject activity : activities) {
            JsonObject record = byId.get(activity.getString("molecule_chembl_id", "").toUpperCase(Locale.ROOT));
            if (record != null) {
                record.getJsonArray("activities").add(activity);
            }
        }
    }

    @Override
    public List<ToxicityMeasurement> measurements(String id, JsonObject raw) {
        Map<String, ToxicityMeasurement> byRecord = new LinkedHashMap<>();
        for (Object entry : raw.getJsonArray("activities", new JsonArray())) {
            if (entry instanceof JsonObject activity && activity.getValue("activity_id") != null) {
                ToxicityMeasurement measurement = measurement(id, activity);
                byRecord.putIfAbsent(measurement.record(), measurement);
            }
        }
        return List.copyOf(byRecord.values());
    }

    static ToxicityMeasurement measurement(String id, JsonObject activity) {
        String record = String.valueOf(activity.getValue("activity_id"));
        String reference = activity.getString("document_chembl_id");
        Map<String, Object> details = new LinkedHashMap<>();
        DETAILS.forEach(key -> {
            if (activity.getValue(key) != null) {
                details.put(key, activity.getValue(key));
            }
        });
        String type = text(activity, "standard_type");
        String written = text(activity, "standard_relation");
        String relation = ToxicityVocabulary.relation(written).orElse(null);
        String units = text(activity, "standard_units");
        Double value = number(activity.getValue("standard_value"));
        List<String> missing = new ArrayList<>();
        if (type == null) {
            missing.add("no standard_type");
        }
        if (value == null) {
            missing.add("no numeric standard_value");
        }
        if (units == null) {
            missing.add("no standard_units");
        }
        if (relation == null) {
            missing.add("relation '" + written + "' is none of =, <, >, <=, >=, ~");
        }
        if (!missing.isEmpty()) {
            return new ToxicityMeasurement("chembl", null, id, record, null, reference, null, null, null, null, null, null,
                    null, "ChEMBL activity with " + String.join(", ", missing), details);
        }
        return new ToxicityMeasurement("chembl", null, id, record, null, reference, type, relation, value, units,
                text(activity, "target_organism"), route(text(activity, "assay_description")), null, null, details);
    }

    /**
     * ChEMBL has no route field; its assay descriptions name it ("... after oral administration").
     * The first word of four letters or more that names a route is the route as reported; shorter
     * abbreviations (ip, iv) are too easily other words in prose.
     */
    static String route(String description) {
        if (description == null) {
            return null;
        }
        for (String word : WORDS.split(description)) {
            if (word.length() >= 4 && ToxicityVocabulary.route(word).isPresent()) {
                return word;
            }
        }
        return null;
    }

    private static String text(JsonObject activity, String key) {
        return activity.getValue(key) instanceof String s && !s.isBlank() ? s.trim() : null;
    }

    /** ChEMBL writes decimals as strings ("780.0"). */
    private static Double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
