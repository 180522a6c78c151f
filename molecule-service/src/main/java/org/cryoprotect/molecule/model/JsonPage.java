package org.cryoprotect.molecule.model;

import java.util.List;

import io.vertx.core.json.Json;

/**
 * A page whose items PostgreSQL already rendered as JSON: the hot list and search paths pass them
 * through instead of parsing and re-serializing every molecule. {@code complete} is set by searches
 * that run against a time budget (substructure): false when the budget ran out before the page was
 * full, and {@code nextCursor} then continues after the last candidate examined. Null (left out of
 * the JSON) for searches without a budget, whose pages are always complete.
 */
public record JsonPage(List<String> items, String nextCursor, Boolean complete) {

    public JsonPage(List<String> items, String nextCursor) {
        this(items, nextCursor, null);
    }

    public String toJson() {
        StringBuilder json = new StringBuilder(items.stream().mapToInt(String::length).sum() + 64).append("{\"items\":[");
        for (int i = 0; i < items.size(); i++) {
            json.append(i == 0 ? "" : ",").append(items.get(i));
        }
        json.append("],\"next_cursor\":").append(nextCursor == null ? "null" : Json.encode(nextCursor));
        if (complete != null) {
            json.append(",\"complete\":").append(complete);
        }
        return json.append('}').toString();
    }
}
