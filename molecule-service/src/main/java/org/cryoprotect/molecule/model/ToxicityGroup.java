package org.cryoprotect.molecule.model;

/**
 * Statistics over one molecule's normalized values of one endpoint, species and route (controlled
 * terms; null when the reported words map to none) in one normalized unit.
 */
public record ToxicityGroup(String endpoint, String species, String route, String unit, long count,
        double min, double median, double max) {
}
