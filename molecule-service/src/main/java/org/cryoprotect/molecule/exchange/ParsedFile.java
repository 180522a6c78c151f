package org.cryoprotect.molecule.exchange;

import java.util.List;

/** The records of an imported file and the fields it has that an import does not read (reported, not fatal). */
public record ParsedFile(List<FileRecord> records, List<String> ignoredFields) {
}
