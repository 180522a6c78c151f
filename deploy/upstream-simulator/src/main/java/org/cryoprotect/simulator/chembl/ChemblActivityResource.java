package org.cryoprotect.simulator.chembl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

import org.cryoprotect.simulator.data.Compound;
import org.cryoprotect.simulator.data.DataStore;
import org.cryoprotect.simulator.faults.FaultInjector;
import org.cryoprotect.simulator.http.Reply;
import org.cryoprotect.simulator.http.SimulatorStats;
import org.cryoprotect.simulator.http.UpstreamPipeline;
import org.cryoprotect.simulator.toxicity.ChemblActivities;

/**
 * ChEMBL's {@code /activity} list as JSON, with the filters a toxicity import uses
 * ({@code molecule_chembl_id} and {@code standard_type}, each exact, {@code __iexact} or {@code __in}) and
 * limit/offset paging in activity_id order. POST with {@code X-HTTP-Method-Override: GET} and a form body
 * works like GET (and, the effective method being GET, gets the same next/previous links).
 */
@Path("/chembl/api/data")
public class ChemblActivityResource {

    private static final Set<String> FIELDS = Set.of("molecule_chembl_id", "standard_type");
    private static final Set<String> LOOKUPS = Set.of("exact", "iexact", "in");

    private final UpstreamPipeline pipeline;
    private final DataStore data;
    private final FaultInjector faults;
    private final SimulatorStats stats;
    private final ChemblActivities activities;
    private final ObjectMapper mapper = new ObjectMapper();

    public ChemblActivityResource(UpstreamPipeline pipeline, DataStore data, FaultInjector faults,
            SimulatorStats stats, ChemblActivities activities) {
        this.pipeline = pipeline;
        this.data = data;
        this.faults = faults;
        this.stats = stats;
        this.activities = activities;
    }

    @GET
    @Path("activity{ext: (\\.json)?}")
    public Uni<Response> list(@Context UriInfo uri) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((k, v) -> params.put(k, List.copyOf(v)));
        return pipeline.chembl(() -> list(params));
    }

    @POST
    @Path("activity{ext: (\\.json)?}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> listPost(@Context HttpServerRequest request, String body) {
        String override = request.getHeader("X-HTTP-Method-Override");
        Map<String, List<String>> params = ChemblResource.parseForm(body);
        return pipeline.chembl(() -> override == null || !"GET".equalsIgnoreCase(override.trim())
                ? Reply.json(405, "{\"error_message\": \"Use GET, or POST with X-HTTP-Method-Override: GET\"}")
                : list(params));
    }

    // ---------------------------------------------------------------------------------------------

    private Reply list(Map<String, List<String>> params) {
        int limit = ChemblResource.number(params, "limit", ChemblResource.DEFAULT_LIMIT);
        if (limit <= 0 || limit > ChemblResource.MAX_LIMIT) {
            limit = ChemblResource.MAX_LIMIT;
        }
        int offset = ChemblResource.number(params, "offset", 0);

        List<String> moleculeIds = null;
        Predicate<String> typeWanted = type -> true;
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            if (ChemblResource.PAGING.contains(p.getKey())) {
                continue;
            }
            Filter filter = Filter.of(p.getKey(), p.getValue().isEmpty() ? "" : p.getValue().get(p.getValue().size() - 1));
            if (filter == null) {
                return Reply.json(400, "{\"error_message\": " + write(JsonNodeFactory.instance.textNode(
                        "The simulator cannot filter activities by " + p.getKey() + "; it knows molecule_chembl_id and "
                                + "standard_type (exact, iexact, in)")) + "}");
            }
            if (filter.field.equals("molecule_chembl_id")) {
                List<String> ids = filter.values.stream().map(v -> v.toUpperCase(Locale.ROOT)).toList();
                moleculeIds = moleculeIds == null ? ids : moleculeIds.stream().filter(ids::contains).toList();
            } else {
                typeWanted = typeWanted.and(filter::matches);
            }
        }
        List<Compound> molecules;
        if (moleculeIds == null) {
            if (data.growing()) {
                return ChemblResource.growing();
            }
            molecules = data.all();
        } else {
            if (data.growing() && moleculeIds.stream().anyMatch(id -> data.byChemblId(id) == null)) {
                return ChemblResource.growing();
            }
            molecules = new ArrayList<>();
            for (String id : new LinkedHashSet<>(moleculeIds)) {
                Compound c = data.byChemblId(id);
                if (c != null) {
                    molecules.add(c);
                }
            }
        }
        List<ObjectNode> selected = new ArrayList<>();
        for (Compound c : molecules) {
            if (faults.unknownChemblId(c.chemblId())) {
                stats.count("faults.unknown_id");
                continue;
            }
            for (ObjectNode a : activities.of(c)) {
                if (typeWanted.test(a.path("standard_type").asText())) {
                    selected.add(a);
                }
            }
        }
        selected.sort(Comparator.comparingLong(a -> a.get("activity_id").asLong()));
        int total = selected.size();
        ArrayNode page = JsonNodeFactory.instance.arrayNode();
        for (int i = offset; i < Math.min(total, offset + limit); i++) {
            page.add(selected.get(i));
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("activities", page);
        ObjectNode meta = root.putObject("page_meta");
        meta.put("limit", limit);
        meta.put("next", offset + limit < total ? ChemblResource.link("activity", params, limit, offset + limit) : null);
        meta.put("offset", offset);
        meta.put("previous", offset > 0 ? ChemblResource.link("activity", params, limit, Math.max(0, offset - limit)) : null);
        meta.put("total_count", total);
        return Reply.json(200, write(root));
    }

    private String write(Object node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One {@code field[__lookup]=value} filter on a supported field, or null. */
    private record Filter(String field, String lookup, List<String> values) {

        static Filter of(String key, String value) {
            String field = key;
            String lookup = "exact";
            int sep = key.lastIndexOf("__");
            if (sep > 0 && LOOKUPS.contains(key.substring(sep + 2))) {
                field = key.substring(0, sep);
                lookup = key.substring(sep + 2);
            }
            if (!FIELDS.contains(field)) {
                return null;
            }
            List<String> values = ("in".equals(lookup) ? List.of(value.split(",")) : List.of(value)).stream()
                    .map(String::trim).filter(v -> !v.isEmpty()).toList();
            return new Filter(field, lookup, values);
        }

        boolean matches(String type) {
            return values.stream().anyMatch(v -> "iexact".equals(lookup) ? v.equalsIgnoreCase(type) : v.equals(type));
        }
    }
}
