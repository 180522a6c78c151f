package org.cryoprotect.importer.upstream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Single requests to PubChem and ChEMBL, each endpoint behind its own circuit breaker, a timeout
 * (PubChem's own limit is 30 s) and a bulkhead. Retries and the rate limiter sit one level up, in
 * {@link UpstreamRequests}, so that every attempt waits for its own rate-limiter slot.
 */
@ApplicationScoped
public class UpstreamCalls {

    private final PubChemApi pubchem;
    private final ChemblApi chembl;
    private final UpstreamExchange exchange;

    public UpstreamCalls(@RestClient PubChemApi pubchem, @RestClient ChemblApi chembl, UpstreamExchange exchange) {
        this.pubchem = pubchem;
        this.chembl = chembl;
        this.exchange = exchange;
    }

    /** PubChem property rows, in request order; CIDs PubChem does not know are absent. */
    @AsynchronousNonBlocking
    @Timeout(30_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.6, delay = 5_000, successThreshold = 2,
            skipOn = UpstreamRejectedException.class)
    @CircuitBreakerName("pubchem-properties")
    @Bulkhead(value = 8, waitingTaskQueue = 64)
    public Uni<List<JsonObject>> pubchemProperties(String properties, String cids) {
        return exchange.send("pubchem", "properties", () -> pubchem.properties(properties, cids)).map(reply -> {
            if (reply.status() == 404) {
                return List.<JsonObject>of();
            }
            if (reply.status() == 400 && reply.body().contains("Invalid property")) {
                throw new InvalidPropertyException(reply.summary());
            }
            requireOk(reply);
            return objects(reply.json().getJsonObject("PropertyTable", new JsonObject())
                    .getJsonArray("Properties", new JsonArray()));
        });
    }

    /** Synonyms by CID; CIDs without synonyms are absent. */
    @AsynchronousNonBlocking
    @Timeout(30_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.6, delay = 5_000, successThreshold = 2,
            skipOn = UpstreamRejectedException.class)
    @CircuitBreakerName("pubchem-synonyms")
    @Bulkhead(value = 8, waitingTaskQueue = 64)
    public Uni<Map<String, JsonArray>> pubchemSynonyms(String cids) {
        return exchange.send("pubchem", "synonyms", () -> pubchem.synonyms(cids)).map(reply -> {
            Map<String, JsonArray> synonyms = new HashMap<>();
            if (reply.status() != 404) {
                requireOk(reply);
                for (JsonObject info : objects(reply.json().getJsonObject("InformationList", new JsonObject())
                        .getJsonArray("Information", new JsonArray()))) {
                    synonyms.put(String.valueOf(info.getValue("CID")), info.getJsonArray("Synonym", new JsonArray()));
                }
            }
            return synonyms;
        });
    }

    /** ChEMBL molecule objects; ids ChEMBL does not know are absent. */
    @AsynchronousNonBlocking
    @Timeout(30_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.6, delay = 5_000, successThreshold = 2,
            skipOn = UpstreamRejectedException.class)
    @CircuitBreakerName("chembl-molecules")
    @Bulkhead(value = 8, waitingTaskQueue = 64)
    public Uni<List<JsonObject>> chemblMolecules(List<String> ids) {
        return exchange.send("chembl", "molecules", () -> chembl.molecules(String.join(",", ids), ids.size()))
                .map(reply -> {
                    requireOk(reply);
                    return objects(reply.json().getJsonArray("molecules", new JsonArray()));
                });
    }

    private static void requireOk(UpstreamReply reply) {
        if (reply.status() != 200) {
            throw new UpstreamRejectedException(reply.upstream() + " refused the request: " + reply.summary());
        }
    }

    private static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> objects = new ArrayList<>(array.size());
        for (Object item : array) {
            if (!(item instanceof JsonObject object)) {
                throw new UpstreamUnavailableException("upstream sent an unexpected JSON shape");
            }
            objects.add(object);
        }
        return objects;
    }
}
