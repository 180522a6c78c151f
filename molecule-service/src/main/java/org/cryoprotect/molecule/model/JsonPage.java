package org.cryoprotect.molecule.model;

import java.util.List;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/**
 * A page whose items PostgreSQL already rendered as JSON (UTF-8 bytes): the hot list and search paths
 * pass them through instead of decoding, parsing and re-serializing every molecule. {@code complete} is
 * set by searches that run against a time budget (substructure): false when the budget ran out before
 * the page was full, and {@code nextCursor} then continues after the last candidate examined. Null
 * (left out of the JSON) for searches without a budget, whose pages are always complete.
 */
public record JsonPage(List<Buffer> items, String nextCursor, Boolean complete) {

    public JsonPage(List<Buffer> items, String nextCursor) {
        this(items, nextCursor, null);
    }

    public Buffer toJson() {
        Buffer json = Buffer.buffer(items.stream().mapToInt(Buffer::length).sum() + 64).appendString("{\"items\":[");
        for (int i = 0; i < items.size(); i++) {
            json.appendString(i == 0 ? "" : ",").appendBuffer(items.get(i));
        }
        json.appendString("],\"next_cursor\":").appendString(nextCursor == null ? "null" : Json.encode(nextCursor));
        if (complete != null) {
            json.appendString(",\"complete\":").appendString(complete.toString());
        }
        return json.appendString("}");
    }

    /** Item {@code i} parsed, for the readers that look inside (the file exports). */
    public JsonObject item(int i) {
        return new JsonObject(items.get(i));
    }
}
