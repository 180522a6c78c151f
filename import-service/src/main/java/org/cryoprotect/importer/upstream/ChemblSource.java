package org.cryoprotect.importer.upstream;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.importer.ImportConfig;
import org.cryoprotect.importer.client.BatchRecord;
import org.cryoprotect.importer.model.Source;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** ChEMBL molecules, fetched by {@code molecule_chembl_id__in} in one request per chunk. */
@ApplicationScoped
public class ChemblSource implements RecordSource {

    /**
     * ChEMBL molecule_properties → molecule-service properties. ChEMBL's ALogP is not XLogP, so it
     * keeps its own name and molecule-service computes XLogP with CDK.
     */
    private static final Map<String, String> PROPERTIES = Map.ofEntries(
            Map.entry("full_mwt", "molecular_weight"),
            Map.entry("mw_freebase", "mw_freebase"),
            Map.entry("mw_monoisotopic", "monoisotopic_mass"),
            Map.entry("alogp", "alogp"),
            Map.entry("psa", "tpsa"),
            Map.entry("hbd", "hbd"),
            Map.entry("hba", "hba"),
            Map.entry("rtb", "rotatable_bonds"),
            Map.entry("heavy_atoms", "heavy_atoms"),
            Map.entry("aromatic_rings", "aromatic_rings"),
            Map.entry("num_ro5_violations", "num_ro5_violations"),
            Map.entry("qed_weighted", "qed_weighted"));

    private final ChemblClient chembl;
    private final ImportConfig config;

    public ChemblSource(ChemblClient chembl, ImportConfig config) {
        this.chembl = chembl;
        this.config = config;
    }

    @Override
    public Source source() {
        return Source.CHEMBL;
    }

    @Override
    public Uni<Map<String, JsonObject>> fetch(List<String> ids) {
        return chembl.molecules(ids).map(molecules -> RecordSource.byId(molecules,
                molecule -> molecule.getString("molecule_chembl_id", "").toUpperCase(Locale.ROOT), ids));
    }

    @Override
    public BatchRecord toRecord(String id, JsonObject molecule) throws UnusableRecordException {
        JsonObject structures = molecule.getJsonObject("molecule_structures");
        String smiles = structures == null ? null : structures.getString("canonical_smiles");
        if (smiles == null || smiles.isBlank()) {
            throw new UnusableRecordException("ChEMBL has no structure for " + id);
        }
        String name = molecule.getString("pref_name");
        name = name == null || name.isBlank() ? id : name.trim();
        JsonObject values = molecule.getJsonObject("molecule_properties", new JsonObject());
        Map<String, Object> properties = RecordSource.values(values, PROPERTIES);
        JsonArray synonyms = new JsonArray();
        for (Object entry : molecule.getJsonArray("molecule_synonyms", new JsonArray())) {
            if (entry instanceof JsonObject synonym) {
                synonyms.add(synonym.getString("molecule_synonym"));
            }
        }
        return new BatchRecord("chembl", id, name, smiles, structures.getString("standard_inchi"),
                structures.getString("standard_inchi_key"), values.getString("full_molformula"),
                Synonyms.clean(name, synonyms, config.maxSynonyms()), properties);
    }
}
