package org.cryoprotect.molecule.model;

import java.util.List;
import java.util.Map;

/**
 * One imported record. Checked record by record by the batch service, so one bad record is
 * rejected with its reason while the rest of the batch goes in. {@code toxicity} is read only to
 * reject a record carrying it: imported measurements go through {@code POST /api/toxicity/batch}.
 */
public record BatchRecord(String source, String sourceId, String name, String smiles, String inchi, String inchikey,
        String formula, List<String> synonyms, Map<String, Object> properties, List<ToxicityInput> toxicity) {
}
