package org.cryoprotect.molecule.model;

/**
 * What GET /api/toxicity/ranking ranks by: one endpoint, species and route (controlled terms; null
 * means all of them), normalized values in one unit, a statistic, highest first or lowest first.
 */
public record ToxicityRanking(String endpoint, String species, String route, String unit, Statistic statistic,
        boolean descending) {

    public enum Statistic {
        MIN, MEDIAN, MAX;

        public String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
