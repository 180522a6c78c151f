package org.cryoprotect.importer.model;

/**
 * Toxicity measurements molecule-service acknowledged for a job's ids, by outcome; {@code unparsed}
 * counts those among them kept verbatim because their text did not parse.
 */
public record MeasurementCounts(int created, int updated, int unchanged, int unparsed) {

    public static final MeasurementCounts NONE = new MeasurementCounts(0, 0, 0, 0);

    public MeasurementCounts plus(String outcome, boolean unparsed) {
        return new MeasurementCounts(created + ("created".equals(outcome) ? 1 : 0),
                updated + ("updated".equals(outcome) ? 1 : 0), unchanged + ("unchanged".equals(outcome) ? 1 : 0),
                this.unparsed + (unparsed ? 1 : 0));
    }

    /** An id imported for its toxicity alone: created when any of its measurements is new, and so on. */
    public String outcome() {
        return created > 0 ? "created" : updated > 0 ? "updated" : "unchanged";
    }
}
