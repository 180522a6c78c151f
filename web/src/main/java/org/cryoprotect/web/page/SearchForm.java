package org.cryoprotect.web.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The search page's fields as the user typed them, and how they become molecule-service's query
 * (DESIGN section 5): the structure box is a substructure, a similarity (with its threshold) or an
 * exact-parent query. Invalid values are molecule-service's to name.
 */
public record SearchForm(String q, String formula, String mwMin, String mwMax, String logpMin, String logpMax, String tpsaMax,
        String projectId, String mode, String smiles, String minSimilarity, String limit, String cursor) {

    public static final String SUBSTRUCTURE = "substructure";
    public static final String SIMILAR = "similar";
    public static final String EXACT = "exact";

    public SearchForm {
        mode = SIMILAR.equals(mode) || EXACT.equals(mode) ? mode : SUBSTRUCTURE;
        limit = limit == null || limit.isBlank() ? "50" : limit.trim();
        minSimilarity = minSimilarity == null || minSimilarity.isBlank() ? "0.7" : minSimilarity.trim();
    }

    /** Whether the user asked anything (else the page shows the form and the first molecules by name). */
    public boolean hasCriteria() {
        return !apiFilters().isEmpty();
    }

    public boolean isSimilarity() {
        return SIMILAR.equals(mode) && present(smiles);
    }

    public boolean isSubstructure() {
        return SUBSTRUCTURE.equals(mode) && present(smiles);
    }

    /** molecule-service's query for one page. */
    public Map<String, String> apiQuery() {
        Map<String, String> query = apiFilters();
        query.put("limit", limit);
        put(query, "cursor", cursor);
        return query;
    }

    /** The filters alone: what the export streams (every page). */
    public Map<String, String> apiFilters() {
        Map<String, String> query = new LinkedHashMap<>();
        putPlainFilters(query);
        if (present(smiles)) {
            switch (mode) {
                case SIMILAR -> {
                    query.put("similar_to", smiles.trim());
                    query.put("min_similarity", minSimilarity);
                }
                case EXACT -> query.put("exact", smiles.trim());
                default -> query.put("substructure", smiles.trim());
            }
        }
        return query;
    }

    /** This page's own query string with another cursor (the next page) or none (the first). */
    public String pageLink(String nextCursor) {
        Map<String, String> fields = formFields();
        put(fields, "cursor", nextCursor);
        return "/molecules?" + encode(fields);
    }

    /** The export link for a format: the same filters, every row. */
    public String exportLink(String format) {
        Map<String, String> fields = formFields();
        fields.remove("limit");
        fields.put("format", format);
        return "/molecules/export?" + encode(fields);
    }

    /** The filters that read the same in the form and in molecule-service's query. */
    private void putPlainFilters(Map<String, String> target) {
        put(target, "q", q);
        put(target, "formula", formula);
        put(target, "mw_min", mwMin);
        put(target, "mw_max", mwMax);
        put(target, "logp_min", logpMin);
        put(target, "logp_max", logpMax);
        put(target, "tpsa_max", tpsaMax);
        put(target, "project_id", projectId);
    }

    private Map<String, String> formFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        putPlainFilters(fields);
        if (present(smiles)) {
            fields.put("mode", mode);
            fields.put("smiles", smiles.trim());
            if (SIMILAR.equals(mode)) {
                fields.put("min_similarity", minSimilarity);
            }
        }
        fields.put("limit", limit);
        return fields;
    }

    static String encode(Map<String, String> fields) {
        StringJoiner query = new StringJoiner("&");
        fields.forEach((k, v) -> query.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return query.toString();
    }

    private static void put(Map<String, String> query, String name, String value) {
        if (present(value)) {
            query.put(name, value.trim());
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    public String value(String field) {
        return field == null ? "" : field;
    }
}
