package org.cryoprotect.web.model;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** molecule-service's molecule JSON (DESIGN section 5); {@code similarity} only in similarity searches. */
@RegisterForReflection
public record Molecule(UUID id, String name, String formula, String smiles, String canonicalSmiles, String inchi,
        String inchikey, String parentInchikey, Long pubchemCid, String chemblId, boolean isPublic, UUID createdBy,
        List<String> synonyms, Map<String, PropertyValue> properties, Double similarity) {

    public List<String> synonymList() {
        return synonyms == null ? List.of() : synonyms;
    }

    public Map<String, PropertyValue> propertyMap() {
        return properties == null ? Map.of() : properties;
    }

    /** A property's value for a table cell, or empty. */
    public String value(String property) {
        PropertyValue value = propertyMap().get(property);
        return value == null ? "" : value.display();
    }

    public boolean isCreatedBy(UUID user) {
        return user != null && user.equals(createdBy);
    }

    /** A search for every form (salt, charge state) of this molecule's parent structure. */
    public String sameParentLink() {
        return "/molecules?mode=exact&smiles=" + java.net.URLEncoder.encode(smiles == null ? "" : smiles, java.nio.charset.StandardCharsets.UTF_8);
    }

    public String pubchemUrl() {
        return pubchemCid == null ? null : "https://pubchem.ncbi.nlm.nih.gov/compound/" + pubchemCid;
    }

    public String chemblUrl() {
        return chemblId == null ? null : "https://www.ebi.ac.uk/chembl/compound_report_card/" + chemblId + "/";
    }
}
