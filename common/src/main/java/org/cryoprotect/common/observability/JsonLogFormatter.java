package org.cryoprotect.common.observability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

import io.vertx.core.json.JsonObject;

/** One JSON object per line: what a log pipeline (Loki, Elasticsearch, Cloud Logging) parses without rules. */
public class JsonLogFormatter extends ExtFormatter {

    private final String service;

    public JsonLogFormatter(String service) {
        this.service = service;
    }

    @Override
    public String format(ExtLogRecord record) {
        JsonObject line = new JsonObject()
                .put("timestamp", Instant.ofEpochMilli(record.getMillis()).toString())
                .put("level", record.getLevel().getName())
                .put("service", service)
                .put("logger", record.getLoggerName())
                .put("thread", record.getThreadName())
                .put("message", formatMessage(record));
        Object requestId = record.getMdc(RequestIds.MDC_KEY);
        if (requestId != null) {
            line.put("request_id", requestId.toString());
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.put("exception", trace.toString());
        }
        return line.encode() + System.lineSeparator();
    }
}
