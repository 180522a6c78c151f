package org.cryoprotect.importer.upstream;

import java.util.ArrayList;
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
    /** ChEMBL's largest page. */
    static final int PAGE = 1000;

    private final Endpoint molecules;
    private final Endpoint activities;

    public ChemblClient(@RestClient ChemblApi api, Upstream upstream) {
        this.api = api;
        this.upstream = upstream;
        this.molecules = upstream.endpoint("chembl", "molecules");
        this.activities = upstream.endpoint("chembl", "activities");
    }

    /** Molecule objects; ids ChEMBL does not know are absent. */
    public Uni<List<JsonObject>> molecules(List<String> ids) {
        return upstream.call(molecules, ids.size(), () -> api.molecules(String.join(",", ids), ids.size()),
                reply -> reply.objects(reply.requireOk().json().getJsonArray("molecules", new JsonArray())));
    }

    /** Every activity of the molecules with one of the standard types, page after page. */
    public Uni<List<JsonObject>> activities(List<String> ids, List<String> types) {
        return activities(String.join(",", ids), String.join(",", types), 0, new ArrayList<>());
    }

    private Uni<List<JsonObject>> activities(String ids, String types, int offset, List<JsonObject> found) {
        return upstream.call(activities, PAGE, () -> api.activities(ids, types, PAGE, offset), reply -> {
            JsonObject page = reply.requireOk().json();
            return new Page(reply.objects(page.getJsonArray("activities", new JsonArray())),
                    page.getJsonObject("page_meta", new JsonObject()));
        }).chain(page -> {
            found.addAll(page.items());
            // the next page starts after what came; page_meta.next is absent on the last one
            int next = offset + page.items().size();
            boolean more = page.meta().getValue("next") != null && next > offset
                    && next < page.meta().getInteger("total_count", 0);
            return more ? activities(ids, types, next, found) : Uni.createFrom().item(found);
        });
    }

    private record Page(List<JsonObject> items, JsonObject meta) {
    }
}
