package org.cryoprotect.web.model;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One toxicity measurement as reported and normalized (DESIGN section 5). */
@RegisterForReflection
public record Toxicity(UUID id, String endpoint, String relation, Double value, String unit, Double normalizedValue,
        String normalizedUnit, String normalizationNote, String species, String speciesReported, String route,
        String routeReported, String exposure, String originalText, String source, String sourceRecord, String reference,
        String unparsedReason) {

    public String speciesShown() {
        return species != null ? species : speciesReported;
    }

    public String routeShown() {
        return route != null ? route : routeReported;
    }
}
