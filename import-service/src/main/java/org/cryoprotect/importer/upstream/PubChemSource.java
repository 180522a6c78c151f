package org.cryoprotect.importer.upstream;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.importer.ImportConfig;
import org.cryoprotect.importer.client.BatchRecord;
import org.cryoprotect.importer.model.Source;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** PubChem compounds: a property-table request, then (unless turned off) a synonyms request for the CIDs found. */
@ApplicationScoped
public class PubChemSource implements RecordSource {

    /** PubChem property → molecule-service property. Values stay as PubChem wrote them ("92.09"). */
    private static final Map<String, String> PROPERTIES = Map.ofEntries(
            Map.entry("MolecularWeight", "molecular_weight"),
            Map.entry("ExactMass", "exact_mass"),
            Map.entry("MonoisotopicMass", "monoisotopic_mass"),
            Map.entry("XLogP", "xlogp"),
            Map.entry("TPSA", "tpsa"),
            Map.entry("HBondDonorCount", "hbd"),
            Map.entry("HBondAcceptorCount", "hba"),
            Map.entry("RotatableBondCount", "rotatable_bonds"),
            Map.entry("HeavyAtomCount", "heavy_atoms"),
            Map.entry("Complexity", "complexity"),
            Map.entry("Charge", "charge"));
    /** Absolute SMILES first: the 2025 name, then its pre-2025 name; connectivity-only as a last resort. */
    private static final List<String> SMILES_KEYS = List.of("SMILES", "IsomericSMILES", "ConnectivitySMILES",
            "CanonicalSMILES");

    private final PubChemClient pubchem;
    private final ImportConfig config;

    public PubChemSource(PubChemClient pubchem, ImportConfig config) {
        this.pubchem = pubchem;
        this.config = config;
    }

    @Override
    public Source source() {
        return Source.PUBCHEM;
    }

    @Override
    public Uni<Map<String, JsonObject>> fetch(List<String> cids) {
        return pubchem.properties(cids).chain(rows -> {
            Map<String, JsonObject> byCid = RecordSource.byId(rows, row -> String.valueOf(row.getValue("CID")), cids);
            if (byCid.isEmpty() || !config.pubchemSynonyms()) {
                return Uni.createFrom().item(byCid);
            }
            return pubchem.synonyms(List.copyOf(byCid.keySet())).map(synonyms -> {
                synonyms.forEach((cid, names) -> {
                    if (byCid.containsKey(cid)) {
                        byCid.get(cid).put("Synonym", names);
                    }
                });
                return byCid;
            });
        });
    }

    @Override
    public BatchRecord toRecord(String cid, JsonObject row) throws UnusableRecordException {
        String smiles = SMILES_KEYS.stream().map(row::getValue).filter(v -> v instanceof String s && !s.isBlank())
                .map(Object::toString).findFirst()
                .orElseThrow(() -> new UnusableRecordException("PubChem returned no SMILES for CID " + cid));
        String name = firstText(row, "Title", "IUPACName");
        name = name == null ? "CID " + cid : name;
        Map<String, Object> properties = RecordSource.values(row, PROPERTIES);
        return new BatchRecord("pubchem", cid, name, smiles, firstText(row, "InChI"), firstText(row, "InChIKey"),
                firstText(row, "MolecularFormula"),
                Synonyms.clean(name, row.getJsonArray("Synonym", new JsonArray()), config.maxSynonyms()), properties);
    }

    private static String firstText(JsonObject row, String... keys) {
        for (String key : keys) {
            if (row.getValue(key) instanceof String text && !text.isBlank()) {
                return text.trim();
            }
        }
        return null;
    }
}
