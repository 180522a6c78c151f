package org.cryoprotect.importer.model;

import java.util.List;

/**
 * {@code POST /api/imports}: ids may be JSON numbers or strings; they are checked one by one.
 * {@code include} defaults to {@code ["properties"]}.
 */
public record NewImport(String source, List<Object> ids, List<String> include) {
}
