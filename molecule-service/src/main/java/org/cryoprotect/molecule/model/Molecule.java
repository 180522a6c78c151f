package org.cryoprotect.molecule.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A molecule; {@code toxicity} is in single reads only (lists leave it out). {@code parentInchikey} is null
 * until the structure backfill has reached a row registered before structure search existed.
 */
public record Molecule(UUID id, String name, String formula, String smiles, String canonicalSmiles, String inchi,
        String inchikey, String parentInchikey, Long pubchemCid, String chemblId, boolean isPublic, UUID createdBy, List<String> synonyms,
        Map<String, PropertyValue> properties, OffsetDateTime createdAt, OffsetDateTime updatedAt, ToxicityOverview toxicity) {
}
