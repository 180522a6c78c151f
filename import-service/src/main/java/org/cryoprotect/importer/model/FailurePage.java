package org.cryoprotect.importer.model;

import java.util.List;

public record FailurePage(List<ImportFailure> items, String nextCursor) {
}
