package org.cryoprotect.molecule.model;

import java.util.UUID;

public record ToxicitySearch(UUID moleculeId, String endpoint, String species, String route, Double maxValue) {
}
