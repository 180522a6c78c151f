package org.cryoprotect.molecule.repository;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.cryoprotect.common.problem.ProblemException;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;

/** An opaque keyset position: the sort key and id of the last row of the previous page. */
public record Cursor(String key, UUID id) {

    public String encode() {
        byte[] json = new JsonArray().add(key).add(id.toString()).encode().getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    }

    public static Cursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            JsonArray position = new JsonArray(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            return new Cursor(position.getString(0), UUID.fromString(position.getString(1)));
        } catch (IllegalArgumentException | DecodeException | ClassCastException | IndexOutOfBoundsException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this service issued");
        }
    }
}
