package org.cryoprotect.molecule.model;

import java.util.List;

public record BatchResponse(List<BatchResult> results) {
}
