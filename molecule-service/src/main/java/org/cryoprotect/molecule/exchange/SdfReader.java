package org.cryoprotect.molecule.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an SD file into records without chemistry: each record's molfile block (V2000 or V3000, read
 * later by CDK on the chemistry threads) and its data items. Plain string work, linear in the file.
 */
final class SdfReader {

    private static final Pattern DATA_HEADER = Pattern.compile("^>.*?<([^>]+)>");
    private static final String RECORD_END = "$$$$";
    private static final int MAX_IGNORED = 50;
    /** A 500-atom molfile is some 40 KB: a record far beyond that is abuse, refused before CDK sees it. */
    private static final int MAX_RECORD_CHARS = 1 << 20;

    private SdfReader() {
    }

    static ParsedFile read(String text, int maxRecords) {
        List<FileRecord> records = new ArrayList<>();
        Set<String> ignored = new LinkedHashSet<>();
        String[] lines = text.split("\r?\n", -1);
        int start = 0;
        for (int i = 0; i <= lines.length; i++) {
            boolean end = i == lines.length || lines[i].startsWith(RECORD_END);
            if (!end) {
                continue;
            }
            if (i == lines.length && blank(lines, start, i)) {
                break; // trailing newline(s) after the last $$$$
            }
            if (records.size() == maxRecords) {
                throw new TooManyRecordsException(maxRecords);
            }
            records.add(record(records.size(), lines, start, i, ignored));
            start = i + 1;
        }
        return new ParsedFile(records, List.copyOf(ignored));
    }

    private static FileRecord record(int index, String[] lines, int from, int to, Set<String> ignored) {
        int end = -1;
        for (int i = from; i < to; i++) {
            if (lines[i].startsWith("M  END")) {
                end = i;
                break;
            }
        }
        long size = 0;
        for (int i = from; i < to; i++) {
            size += lines[i].length() + 1;
        }
        if (size > MAX_RECORD_CHARS) {
            return FileRecord.unreadable(index, from + 1, "the record is larger than " + MAX_RECORD_CHARS + " characters");
        }
        if (end < 0) {
            return FileRecord.unreadable(index, from + 1, "no 'M  END' line: the record is not a molfile");
        }
        if (end - from < 3) {
            return FileRecord.unreadable(index, from + 1, "the molfile lacks its header and counts lines");
        }
        Map<String, String> data = dataItems(lines, end + 1, to);
        data.keySet().stream().filter(FileFields::isUnknown).limit(MAX_IGNORED - ignored.size()).forEach(ignored::add);
        String title = lines[from].trim();
        String name = data.containsKey("name") ? data.get("name").trim() : title.isEmpty() ? null : title;
        List<String> synonyms = new ArrayList<>();
        if (data.containsKey("synonyms")) {
            for (String synonym : data.get("synonyms").split("\n")) {
                if (!synonym.isBlank()) {
                    synonyms.add(synonym.trim());
                }
            }
        }
        String molfile = String.join("\n", Arrays.asList(lines).subList(from, end + 1)) + "\n";
        return new FileRecord(index, from + 1, molfile, null, name, synonyms, FileFields.properties(data), null);
    }

    /** Data items: a header line "> ... <tag>", then value lines up to a blank line; multi-line values keep their lines. */
    private static Map<String, String> dataItems(String[] lines, int from, int to) {
        Map<String, String> items = new LinkedHashMap<>();
        int i = from;
        while (i < to) {
            Matcher header = DATA_HEADER.matcher(lines[i]);
            i++;
            if (!header.find()) {
                continue;
            }
            StringBuilder value = new StringBuilder();
            while (i < to && !lines[i].isBlank()) {
                value.append(value.length() == 0 ? "" : "\n").append(lines[i].strip());
                i++;
            }
            items.putIfAbsent(header.group(1).trim(), value.toString());
        }
        return items;
    }

    private static boolean blank(String[] lines, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!lines[i].isBlank()) {
                return false;
            }
        }
        return true;
    }
}
