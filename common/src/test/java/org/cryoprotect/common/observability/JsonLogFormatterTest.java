package org.cryoprotect.common.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

class JsonLogFormatterTest {

    @Test
    void oneParsableLineWithTheRequestIdAndTheStackTrace() {
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "chunk %d of \"job\" failed", ExtLogRecord.FormatStyle.PRINTF,
                JsonLogFormatterTest.class.getName());
        record.setParameters(new Object[] {7});
        record.setLoggerName("org.cryoprotect.importer");
        record.setMdc(java.util.Map.of(RequestIds.MDC_KEY, "req-42"));
        record.setThrown(new IllegalStateException("boom"));

        String line = new JsonLogFormatter("import-service").format(record);

        assertTrue(line.endsWith(System.lineSeparator()) && line.indexOf('\n') == line.length() - 1, "one line: " + line);
        JsonObject json = new JsonObject(line);
        assertEquals("WARNING", json.getString("level"));
        assertEquals("import-service", json.getString("service"));
        assertEquals("chunk 7 of \"job\" failed", json.getString("message"));
        assertEquals("req-42", json.getString("request_id"));
        assertTrue(json.getString("exception").contains("IllegalStateException: boom"));
    }
}
