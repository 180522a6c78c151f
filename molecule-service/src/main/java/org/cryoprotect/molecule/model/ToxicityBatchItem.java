package org.cryoprotect.molecule.model;

import java.util.Map;

/**
 * One imported measurement as its source reported it (TOXICITY.md B). Checked item by item: a bad one
 * is rejected with its reason while the others go in.
 */
public record ToxicityBatchItem(String source, Long pubchemCid, String chemblId, String record, String text,
        String reference, String endpoint, String relation, Double value, String unit, String species, String route,
        String exposure, String unparsedReason, Map<String, Object> details) {
}
