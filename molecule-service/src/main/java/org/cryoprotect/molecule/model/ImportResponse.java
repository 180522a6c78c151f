package org.cryoprotect.molecule.model;

import java.util.List;
import java.util.Map;

/**
 * What an import did: counts by status ({@code created}, {@code existing}, {@code rejected}), a result per
 * record in file order, and the fields of the file that an import does not read.
 */
public record ImportResponse(String format, int total, Map<String, Integer> counts, List<ImportResult> results,
        List<String> ignoredFields) {
}
