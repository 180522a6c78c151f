package org.cryoprotect.molecule.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * A CSV file (RFC 4180: quoted fields may hold commas, quotes as "" and line breaks) with a header
 * naming its columns: {@code smiles} (required), {@code name}, {@code synonyms} (';'-separated) and
 * property columns; column names are case-insensitive.
 */
final class CsvReader {

    private CsvReader() {
    }

    /** @throws IllegalArgumentException when the header is missing or has no smiles column */
    static ParsedFile read(String text, int maxRecords) {
        List<Row> rows = rows(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (rows.isEmpty()) {
            return new ParsedFile(List.of(), List.of());
        }
        List<String> header = rows.get(0).fields().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        if (!header.contains("smiles")) {
            throw new IllegalArgumentException("the CSV header (first line) must name a 'smiles' column; it has " + header);
        }
        List<String> ignored = header.stream().filter(FileFields::isUnknown).toList();
        List<FileRecord> records = new ArrayList<>();
        for (Row row : rows.subList(1, rows.size())) {
            if (records.size() == maxRecords) {
                throw new TooManyRecordsException(maxRecords);
            }
            records.add(record(records.size(), row, header));
        }
        return new ParsedFile(records, ignored);
    }

    private static FileRecord record(int index, Row row, List<String> header) {
        if (row.fields().size() != header.size()) {
            return FileRecord.unreadable(index, row.line(), "has " + row.fields().size() + " fields where the header has "
                    + header.size());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            fields.putIfAbsent(header.get(i), row.fields().get(i));
        }
        Map<String, Object> properties = FileFields.properties(fields);
        String others = fields.get(FileFields.OTHER_PROPERTIES);
        if (others != null && !others.isBlank()) {
            try {
                JsonObject values = new JsonObject(others);
                for (String property : values.fieldNames()) {
                    Object entry = values.getValue(property);
                    JsonObject value = entry instanceof JsonObject object ? object : new JsonObject().put("value", entry);
                    if (!"cdk".equals(value.getString("source"))) {
                        properties.putIfAbsent(property, value.getValue("value"));
                    }
                }
            } catch (DecodeException | ClassCastException e) {
                return FileRecord.unreadable(index, row.line(), FileFields.OTHER_PROPERTIES
                        + " must be a JSON object of {value, unit, source} by property name");
            }
        }
        String smiles = fields.get("smiles").trim();
        String name = fields.getOrDefault("name", "").trim();
        return new FileRecord(index, row.line(), null, smiles, name.isEmpty() ? null : name,
                FileFields.splitSynonyms(fields.get("synonyms")), properties, null);
    }

    record Row(int line, List<String> fields) {
    }

    /** RFC 4180 rows with the line each starts on; rows that are entirely empty are skipped. */
    static List<Row> rows(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int rowLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                addRow(rows, rowLine, fields);
                fields = new ArrayList<>();
                field.setLength(0);
                wasQuoted = false;
                line++;
                rowLine = line;
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !fields.isEmpty() || wasQuoted) {
            fields.add(field.toString());
            addRow(rows, rowLine, fields);
        }
        return rows;
    }

    private static void addRow(List<Row> rows, int line, List<String> fields) {
        if (!(fields.size() == 1 && fields.get(0).isBlank())) {
            rows.add(new Row(line, fields));
        }
    }
}
