package org.cryoprotect.importer.client;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A record of molecule-service's batch upsert (DESIGN section 5); missing properties are computed there with CDK. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchRecord(String source, String sourceId, String name, String smiles, String inchi, String inchikey,
        String formula, List<String> synonyms, Map<String, Object> properties) {
}
