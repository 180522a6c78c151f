package org.cryoprotect.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

import org.cryoprotect.common.testing.TestDatabase;

/** What table web.sessions holds for a browser's cookie, read as the superuser. */
final class Sessions {

    record Row(String accessToken, String refreshToken, String csrfToken) {
    }

    private Sessions() {
    }

    static Optional<Row> of(String database, Browser browser) throws Exception {
        try (Connection db = TestDatabase.superuser(database);
                PreparedStatement sql = db.prepareStatement(
                        "select access_token, refresh_token, csrf_token from web.sessions where id_hash = ?")) {
            sql.setBytes(1, MessageDigest.getInstance("SHA-256").digest(browser.cookie("cryo_session").getBytes(StandardCharsets.UTF_8)));
            try (ResultSet row = sql.executeQuery()) {
                return row.next() ? Optional.of(new Row(row.getString(1), row.getString(2), row.getString(3))) : Optional.empty();
            }
        }
    }
}
