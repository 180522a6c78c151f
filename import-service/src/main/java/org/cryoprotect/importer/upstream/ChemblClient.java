package org.cryoprotect.importer.upstream;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.importer.remote.CallPolicy.Endpoint;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;

import io.vertx.core.json.JsonObject;

/** ChEMBL's endpoints the import uses, each under the call policy with its own circuit breaker. */
@Startup // its circuit breakers' gauges are exported before the first import
@ApplicationScoped
public class ChemblClient {

    private final ChemblApi api;
    private final Upstream upstream;
    private final Endpoint molecules;

    public ChemblClient(@RestClient ChemblApi api, Upstream upstream) {
        this.api = api;
        this.upstream = upstream;
        this.molecules = upstream.endpoint("chembl", "molecules");
    }

    /** Molecule objects; ids ChEMBL does not know are absent. */
    public Uni<List<JsonObject>> molecules(List<String> ids) {
        return upstream.call(molecules, () -> api.molecules(String.join(",", ids), ids.size()),
                reply -> reply.objects(reply.requireOk().json().getJsonArray("molecules", new JsonArray())));
    }
}
