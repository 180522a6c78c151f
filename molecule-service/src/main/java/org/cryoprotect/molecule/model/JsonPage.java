package org.cryoprotect.molecule.model;

import java.util.List;

import io.vertx.core.json.Json;

/**
 * A page whose items PostgreSQL already rendered as JSON: the hot list and search paths pass them
 * through instead of parsing and re-serializing every molecule.
 */
public record JsonPage(List<String> items, String nextCursor) {

    public String toJson() {
        StringBuilder json = new StringBuilder(items.stream().mapToInt(String::length).sum() + 64).append("{\"items\":[");
        for (int i = 0; i < items.size(); i++) {
            json.append(i == 0 ? "" : ",").append(items.get(i));
        }
        return json.append("],\"next_cursor\":").append(nextCursor == null ? "null" : Json.encode(nextCursor)).append('}')
                .toString();
    }
}
