package org.cryoprotect.molecule.model;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One measurement. {@code species} and {@code route} are controlled terms (null when the reported
 * words, kept in {@code *_reported}, map to none); {@code normalized_value} is in mg/kg for doses and
 * µM for concentrations, or null with {@code normalization_note} saying why. A measurement whose text
 * did not parse has {@code unparsed_reason} and {@code original_text}, and may lack endpoint, value
 * and unit.
 */
public record Toxicity(UUID id, UUID moleculeId, String endpoint, String relation, Double value, String unit,
        Double normalizedValue, String normalizedUnit, String normalizationNote, String species, String speciesReported,
        String route, String routeReported, String exposure, Double exposureHours, String originalText, String source,
        String sourceRecord, String reference, String unparsedReason, Map<String, Object> details, UUID createdBy,
        OffsetDateTime createdAt) {

    /** Whether the source's text was read as one measurement (DESIGN's {@code parsed}). */
    @JsonProperty("parsed")
    public boolean isParsed() {
        return unparsedReason == null;
    }
}
