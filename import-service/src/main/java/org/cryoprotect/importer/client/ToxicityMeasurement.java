package org.cryoprotect.importer.client;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One measurement of molecule-service's toxicity batch (POST /api/toxicity/batch), as its source reported it.
 * {@code record} is its identity at the source; a measurement whose text did not parse carries the
 * text and {@code unparsedReason}, and no parsed fields.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToxicityMeasurement(String source, Long pubchemCid, String chemblId, String record, String text,
        String reference, String endpoint, String relation, Double value, String unit, String species, String route,
        String exposure, String unparsedReason, Map<String, Object> details) {

    public boolean unparsed() {
        return unparsedReason != null;
    }
}
