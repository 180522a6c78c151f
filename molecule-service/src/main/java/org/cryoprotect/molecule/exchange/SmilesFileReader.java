package org.cryoprotect.molecule.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A SMILES file: one "SMILES name" per line (the name is the rest of the line); blank lines and '#' comments skipped. */
final class SmilesFileReader {

    private SmilesFileReader() {
    }

    static List<FileRecord> read(String text, int maxRecords) {
        List<FileRecord> records = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (records.size() == maxRecords) {
                throw new TooManyRecordsException(maxRecords);
            }
            String[] parts = line.split("\\s+", 2);
            String name = parts.length > 1 && !parts[1].isBlank() ? parts[1].trim() : null;
            records.add(new FileRecord(records.size(), i + 1, null, parts[0], name, List.of(), Map.of(), null));
        }
        return records;
    }
}
