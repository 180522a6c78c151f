package org.cryoprotect.molecule.service;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.cryoprotect.molecule.model.ToxicityBatchItem;

import io.vertx.core.json.JsonObject;

/** What an imported measurement must satisfy to be stored: the table's limits, in words. */
final class BatchItemCheck {

    static final Set<String> RELATIONS = Set.of("=", "<", ">", "<=", ">=", "~");
    private static final Set<String> SOURCES = Set.of("pubchem", "chembl");
    private static final Pattern CHEMBL_ID = Pattern.compile("CHEMBL[1-9][0-9]{0,11}");
    private static final int MAX_DETAILS = 8_000;

    private BatchItemCheck() {
    }

    /** @return why the item cannot be stored, or null */
    static String problem(ToxicityBatchItem item) {
        if (item.source() == null || !SOURCES.contains(item.source())) {
            return "source must be one of " + SOURCES;
        }
        if (item.pubchemCid() == null && (item.chemblId() == null || item.chemblId().isBlank())) {
            return "pubchem_cid or chembl_id names the molecule";
        }
        if (item.pubchemCid() != null && item.pubchemCid() <= 0) {
            return "pubchem_cid must be positive";
        }
        if (item.pubchemCid() == null && !CHEMBL_ID.matcher(item.chemblId().trim()).matches()) {
            return "chembl_id is malformed: '" + item.chemblId() + "'";
        }
        String tooLong = firstTooLong(item);
        if (tooLong != null) {
            return tooLong;
        }
        if (item.details() != null && new JsonObject(item.details()).encode().length() > MAX_DETAILS) {
            return "details must be at most " + MAX_DETAILS + " characters of JSON";
        }
        if (item.relation() != null && relation(item.relation()) == null) {
            return "relation must be one of " + RELATIONS;
        }
        if (item.value() != null && !Double.isFinite(item.value())) {
            return "value must be a finite number";
        }
        if (item.unparsedReason() != null && !item.unparsedReason().isBlank()) {
            return item.text() == null || item.text().isBlank() ? "an unparsed measurement keeps its text" : null;
        }
        if (blank(item.endpoint()) || item.value() == null || blank(item.unit())) {
            return "a parsed measurement needs endpoint, value and unit (or unparsed_reason and text)";
        }
        return null;
    }

    /** The relation without ChEMBL's quotes ("'='"), or null when it is none of {@link #RELATIONS}. */
    static String relation(String reported) {
        if (reported == null) {
            return "=";
        }
        String relation = reported.trim().replace("'", "");
        return RELATIONS.contains(relation) ? relation : null;
    }

    private record Limit(String field, String value, int max) {
    }

    private static String firstTooLong(ToxicityBatchItem item) {
        if (blank(item.record()) || item.record().trim().length() > 200) {
            return "record (the source record's identity) is required, at most 200 characters";
        }
        for (Limit limit : List.of(new Limit("text", item.text(), 4000), new Limit("reference", item.reference(), 4000),
                new Limit("endpoint", item.endpoint(), 50), new Limit("unit", item.unit(), 50),
                new Limit("species", item.species(), 200), new Limit("route", item.route(), 100),
                new Limit("exposure", item.exposure(), 100), new Limit("unparsed_reason", item.unparsedReason(), 1000))) {
            String problem = longer(limit.field(), limit.value(), limit.max());
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String longer(String field, String value, int max) {
        return value != null && value.trim().length() > max ? field + " must be at most " + max + " characters" : null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
