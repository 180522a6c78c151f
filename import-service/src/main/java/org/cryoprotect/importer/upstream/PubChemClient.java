package org.cryoprotect.importer.upstream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.importer.remote.CallPolicy.Endpoint;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** PubChem's endpoints the import uses, each under the call policy with its own circuit breaker. */
@Startup // its circuit breakers' gauges are exported before the first import
@ApplicationScoped
public class PubChemClient {

    private static final Logger LOG = Logger.getLogger(PubChemClient.class);

    /** Since mid-2025 PubChem names the SMILES columns SMILES and ConnectivitySMILES. */
    static final String PROPERTIES = "Title,IUPACName,MolecularFormula,MolecularWeight,ExactMass,MonoisotopicMass,"
            + "SMILES,ConnectivitySMILES,InChI,InChIKey,XLogP,TPSA,HBondDonorCount,HBondAcceptorCount,"
            + "RotatableBondCount,HeavyAtomCount,Complexity,Charge";
    /** Before 2025 (and in the July 2025 transition) only the old names were accepted. */
    static final String LEGACY_PROPERTIES = PROPERTIES.replace("SMILES,ConnectivitySMILES",
            "IsomericSMILES,CanonicalSMILES");

    /** The PUG-View heading asked for: the path down to it is all the record then holds. */
    static final String TOXICITY_HEADING = "Toxicity";

    private final PubChemApi api;
    private final PugViewApi view;
    private final Upstream upstream;
    private final Endpoint properties;
    private final Endpoint synonyms;
    private final Endpoint toxicity;
    private final AtomicReference<String> propertyNames = new AtomicReference<>(PROPERTIES);

    public PubChemClient(@RestClient PubChemApi api, @RestClient PugViewApi view, Upstream upstream) {
        this.api = api;
        this.view = view;
        this.upstream = upstream;
        this.properties = upstream.endpoint("pubchem", "properties");
        this.synonyms = upstream.endpoint("pubchem", "synonyms");
        this.toxicity = upstream.endpoint("pubchem", "toxicity");
    }

    /**
     * Property rows, in request order; CIDs PubChem does not know are absent. When PubChem refuses
     * the property names (the 2025 renames), every worker switches to the other spelling.
     */
    public Uni<List<JsonObject>> properties(List<String> cids) {
        String names = propertyNames.get();
        return properties(names, cids).onFailure(InvalidPropertyException.class).recoverWithUni(e -> {
            String other = names.equals(PROPERTIES) ? LEGACY_PROPERTIES : PROPERTIES;
            if (!propertyNames.compareAndSet(names, other)) {
                return properties(cids); // another worker switched already
            }
            LOG.warnf("PubChem refused the property names (%s); switching to %s", e.getMessage(), other);
            return properties(other, cids);
        });
    }

    private Uni<List<JsonObject>> properties(String names, List<String> cids) {
        return upstream.call(properties, cids.size(), () -> api.properties(names, String.join(",", cids)), reply -> {
            if (reply.status() == 404) {
                return List.of();
            }
            if (reply.status() == 400 && reply.body().contains("Invalid property")) {
                throw new InvalidPropertyException(reply.summary());
            }
            return reply.objects(reply.requireOk().json().getJsonObject("PropertyTable", new JsonObject())
                    .getJsonArray("Properties", new JsonArray()));
        });
    }

    /** Synonyms by CID; CIDs without synonyms are absent. */
    public Uni<Map<String, JsonArray>> synonyms(List<String> cids) {
        return upstream.call(synonyms, cids.size(), () -> api.synonyms(String.join(",", cids)), reply -> {
            Map<String, JsonArray> byCid = new HashMap<>();
            if (reply.status() != 404) {
                for (JsonObject info : reply.objects(reply.requireOk().json()
                        .getJsonObject("InformationList", new JsonObject()).getJsonArray("Information", new JsonArray()))) {
                    byCid.put(String.valueOf(info.getValue("CID")), info.getJsonArray("Synonym", new JsonArray()));
                }
            }
            return byCid;
        });
    }

    /** The PUG-View record of the CID's Toxicity section; an empty object when PubChem has none (404 PUGVIEW.NotFound). */
    public Uni<JsonObject> toxicity(String cid) {
        return upstream.call(toxicity, 1, () -> view.record(cid, TOXICITY_HEADING),
                reply -> reply.status() == 404 ? new JsonObject() : reply.requireOk().json());
    }
}
