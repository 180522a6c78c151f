package org.cryoprotect.importer.model;

import java.util.List;

public record JobList(List<ImportJob> items) {
}
