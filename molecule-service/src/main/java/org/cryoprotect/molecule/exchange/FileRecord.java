package org.cryoprotect.molecule.exchange;

import java.util.List;
import java.util.Map;

/**
 * One record of an imported file, as read without chemistry: its structure (a molfile block or a
 * SMILES string), name, synonyms and property values, or why it cannot be read ({@code problem}).
 * {@code index} counts records from 0 (as the batch upsert does); {@code line} is where it starts, from 1.
 */
public record FileRecord(int index, int line, String molfile, String smiles, String name, List<String> synonyms,
        Map<String, Object> properties, String problem) {

    static FileRecord unreadable(int index, int line, String problem) {
        return new FileRecord(index, line, null, null, null, List.of(), Map.of(), problem);
    }
}
