package org.cryoprotect.molecule.service;

import org.cryoprotect.common.toxicity.ToxicityUnits;
import org.cryoprotect.common.toxicity.ToxicityVocabulary;

import io.vertx.core.json.JsonObject;

/**
 * What is stored for a measurement as reported: the words kept, species and route mapped to common's
 * controlled vocabulary, exposure in hours, the value normalized with the molecule's molecular weight
 * (or the reason it could not be). One way for every path: manual, literature and imported rows.
 */
record MeasurementColumns(String endpoint, String relation, Double value, String unit, Double normalizedValue,
        String normalizedUnit, String normalizationNote, String species, String speciesReported, String route,
        String routeReported, String exposure, Double exposureHours) {

    static MeasurementColumns of(String endpoint, String relation, Double value, String unit, String species, String route,
            String exposure, Double molecularWeight) {
        String speciesWords = trimmed(species);
        String routeWords = trimmed(route);
        String exposureWords = trimmed(exposure);
        String unitWords = trimmed(unit);
        Double normalizedValue = null;
        String normalizedUnit = null;
        String note = null;
        if (value != null && unitWords != null) {
            ToxicityUnits.Normalized normalized = ToxicityUnits.normalize(value, unitWords, molecularWeight);
            if (normalized.normalized()) {
                normalizedValue = normalized.value();
                normalizedUnit = normalized.unit();
            } else {
                note = normalized.reason();
            }
        }
        return new MeasurementColumns(trimmed(endpoint), relation == null ? "=" : relation, value, unitWords,
                normalizedValue, normalizedUnit, note,
                speciesWords == null ? null : ToxicityVocabulary.species(speciesWords).orElse(null), speciesWords,
                routeWords == null ? null : ToxicityVocabulary.route(routeWords).orElse(null), routeWords,
                exposureWords, exposureWords == null ? null : ToxicityVocabulary.exposureHours(exposureWords).orElse(null));
    }

    /** The columns under their table names, for set-based inserts from jsonb. */
    JsonObject toRow() {
        return new JsonObject().put("endpoint", endpoint).put("relation", relation).put("value", value).put("unit", unit)
                .put("normalized_value", normalizedValue).put("normalized_unit", normalizedUnit)
                .put("normalization_note", normalizationNote).put("species", species).put("species_reported", speciesReported)
                .put("route", route).put("route_reported", routeReported).put("exposure", exposure)
                .put("exposure_hours", exposureHours);
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
