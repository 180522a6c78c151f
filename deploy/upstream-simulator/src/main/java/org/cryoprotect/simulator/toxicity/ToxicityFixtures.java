package org.cryoprotect.simulator.toxicity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The toxicity ground truth of the demo compounds, read once from the classpath:
 * {@code demo/toxicity-pubchem.json} (PUG-View records by CID) and {@code demo/toxicity-chembl.json}
 * (activities by ChEMBL id). Both are served exactly as written there; callers get copies.
 */
@ApplicationScoped
public class ToxicityFixtures {

    public static final String PUBCHEM_FILE = "demo/toxicity-pubchem.json";
    public static final String CHEMBL_FILE = "demo/toxicity-chembl.json";

    private final Map<Long, ObjectNode> records = new HashMap<>();
    private final Set<Long> withoutToxicity = new HashSet<>();
    private final Map<String, List<ObjectNode>> activities = new HashMap<>();

    public ToxicityFixtures() {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode pubchem = read(mapper, PUBCHEM_FILE);
        pubchem.get("no_toxicity").forEach(cid -> withoutToxicity.add(cid.asLong()));
        for (JsonNode entry : pubchem.get("compounds")) {
            records.put(entry.get("cid").asLong(), (ObjectNode) entry.get("record"));
        }
        for (JsonNode molecule : read(mapper, CHEMBL_FILE).get("molecules")) {
            List<ObjectNode> list = new java.util.ArrayList<>();
            molecule.get("activities").forEach(a -> list.add((ObjectNode) a));
            activities.put(molecule.get("molecule_chembl_id").asText(), List.copyOf(list));
        }
    }

    /** The PUG-View record of a demo CID (a copy), or null when the fixture has none. */
    public ObjectNode pubchemRecord(long cid) {
        ObjectNode record = withoutToxicity.contains(cid) ? null : records.get(cid);
        return record == null ? null : record.deepCopy();
    }

    /** The fixture activities of a demo ChEMBL molecule in activity_id order (shared, read-only), or none. */
    public List<ObjectNode> chemblActivities(String chemblId) {
        return activities.getOrDefault(chemblId, List.of());
    }

    private static JsonNode read(ObjectMapper mapper, String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the classpath");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the toxicity fixture " + resource, e);
        }
    }
}
