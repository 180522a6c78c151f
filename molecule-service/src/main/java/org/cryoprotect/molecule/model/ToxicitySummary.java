package org.cryoprotect.molecule.model;

/** Statistics over one molecule's measurements of one endpoint, species and route, in the normalized unit. */
public record ToxicitySummary(String endpoint, String species, String route, String unit, long count,
        double min, double max, double median) {
}
