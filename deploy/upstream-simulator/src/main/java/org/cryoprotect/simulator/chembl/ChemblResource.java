package org.cryoprotect.simulator.chembl;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.cryoprotect.simulator.http.ErrorPages;
import org.cryoprotect.simulator.http.Reply;
import org.cryoprotect.simulator.http.SimulatorStats;
import org.cryoprotect.simulator.http.UpstreamPipeline;

/**
 * ChEMBL's {@code /molecule} resource as JSON: detail, {@code set/A;B}, and the list with the filters
 * an importer uses ({@code molecule_chembl_id}, {@code molecule_structures__standard_inchi_key},
 * {@code pref_name}, each exact or {@code __in}) and limit/offset paging with {@code page_meta}.
 * POST with {@code X-HTTP-Method-Override: GET} and a form body works like GET, as on the real server.
 */
@Path("/chembl/api/data")
public class ChemblResource {

    static final String BASE = "/chembl/api/data";
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 1000;
    private static final Pattern LEADING_DIGITS = Pattern.compile("^\\d+");
    static final Set<String> PAGING = Set.of("limit", "offset", "format", "only", "order_by");

    private final UpstreamPipeline pipeline;
    private final DataStore data;
    private final FaultInjector faults;
    private final SimulatorStats stats;
    private final ObjectMapper mapper = new ObjectMapper();

    public ChemblResource(UpstreamPipeline pipeline, DataStore data, FaultInjector faults, SimulatorStats stats) {
        this.pipeline = pipeline;
        this.data = data;
        this.faults = faults;
        this.stats = stats;
    }

    @GET
    @Path("status{ext: (\\.json)?}")
    public Uni<Response> status() {
        return pipeline.chembl(() -> {
            ObjectNode s = JsonNodeFactory.instance.objectNode();
            s.put("api_version", "2.6.14-simulator");
            s.put("chembl_db_version", "ChEMBL_SIM");
            s.put("chembl_release_date", "2025-01-01");
            s.put("compounds", data.size());
            s.put("status", "UP");
            return Reply.json(200, write(s));
        });
    }

    @GET
    @Path("molecule{ext: (\\.json)?}")
    public Uni<Response> list(@Context UriInfo uri) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((k, v) -> params.put(k, List.copyOf(v)));
        return pipeline.chembl(() -> list(params));
    }

    @POST
    @Path("molecule{ext: (\\.json)?}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> listPost(@Context HttpServerRequest request, String body) {
        String override = request.getHeader("X-HTTP-Method-Override");
        Map<String, List<String>> params = parseForm(body);
        return pipeline.chembl(() -> override == null || !"GET".equalsIgnoreCase(override.trim())
                ? Reply.json(405, "{\"error_message\": \"Use GET, or POST with X-HTTP-Method-Override: GET\"}")
                : list(params));
    }

    @GET
    @Path("molecule/set/{ids: .+}")
    public Uni<Response> set(@Context HttpServerRequest request) {
        String path = request.path();
        String raw = path.substring(path.indexOf("/molecule/set/") + "/molecule/set/".length());
        return pipeline.chembl(() -> {
            String ids = URLDecoder.decode(raw, StandardCharsets.UTF_8);
            if (ids.endsWith(".json")) {
                ids = ids.substring(0, ids.length() - 5);
            }
            if (data.growing() && Arrays.stream(ids.split(";")).anyMatch(id -> data.byChemblId(id.trim()) == null)) {
                return growing();
            }
            ArrayNode molecules = JsonNodeFactory.instance.arrayNode();
            ArrayNode notFound = JsonNodeFactory.instance.arrayNode();
            for (String id : ids.split(";")) {
                Compound c = find(id.trim());
                if (c == null) {
                    notFound.add(id.trim());
                } else {
                    molecules.add(ChemblMolecules.molecule(c, faults, stats));
                }
            }
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            root.set("molecules", molecules);
            if (!notFound.isEmpty()) {
                root.set("not_found", notFound);
            }
            return Reply.json(200, write(root));
        });
    }

    @GET
    @Path("molecule/{id}")
    public Uni<Response> detail(@PathParam("id") String id) {
        return pipeline.chembl(() -> {
            String chemblId = id.endsWith(".json") ? id.substring(0, id.length() - 5) : id;
            if (data.growing() && data.byChemblId(chemblId) == null) {
                return growing();
            }
            Compound c = find(chemblId);
            if (c == null) {
                return Reply.of(404, "text/html; charset=utf-8", "");
            }
            return Reply.json(200, write(ChemblMolecules.molecule(c, faults, stats)));
        });
    }

    // ---------------------------------------------------------------------------------------------

    private Compound find(String chemblId) {
        Compound c = data.byChemblId(chemblId);
        if (c != null && faults.unknownChemblId(c.chemblId())) {
            stats.count("faults.unknown_id");
            return null;
        }
        return c;
    }

    private Reply list(Map<String, List<String>> params) {
        int limit = number(params, "limit", DEFAULT_LIMIT);
        if (limit <= 0 || limit > MAX_LIMIT) {
            limit = MAX_LIMIT;
        }
        int offset = number(params, "offset", 0);

        List<Compound> selected = null;
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            String key = p.getKey();
            if (PAGING.contains(key)) {
                continue;
            }
            String value = p.getValue().isEmpty() ? "" : p.getValue().get(p.getValue().size() - 1);
            List<Compound> matches = filter(key, value);
            if (matches == null) {
                return Reply.json(400, "{\"error_message\": " + quote("The simulator cannot filter by " + key
                        + "; it knows molecule_chembl_id, molecule_structures__standard_inchi_key and pref_name"
                        + " (exact, iexact, in)") + "}");
            }
            if (selected == null) {
                selected = matches;
            } else {
                Set<Compound> keep = new LinkedHashSet<>(matches);
                selected = selected.stream().filter(keep::contains).toList();
            }
        }
        if (data.growing() && mayGrow(params)) {
            return growing();
        }
        int total;
        List<Compound> page;
        if (selected == null) {
            List<Compound> all = data.all();
            total = all.size();
            page = offset >= total ? List.of() : all.subList(offset, Math.min(total, offset + limit));
        } else {
            List<Compound> sorted = new ArrayList<>(new LinkedHashSet<>(selected));
            sorted.removeIf(c -> {
                if (faults.unknownChemblId(c.chemblId())) {
                    stats.count("faults.unknown_id");
                    return true;
                }
                return false;
            });
            sorted.sort(Comparator.comparingInt(data::position));
            total = sorted.size();
            page = offset >= total ? List.of() : sorted.subList(offset, Math.min(total, offset + limit));
        }
        ArrayNode molecules = JsonNodeFactory.instance.arrayNode();
        for (Compound c : page) {
            if (selected == null && faults.unknownChemblId(c.chemblId())) {
                stats.count("faults.unknown_id");
                continue;
            }
            molecules.add(ChemblMolecules.molecule(c, faults, stats));
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("molecules", molecules);
        ObjectNode meta = root.putObject("page_meta");
        meta.put("limit", limit);
        meta.put("next", offset + limit < total ? link("molecule", params, limit, offset + limit) : null);
        meta.put("offset", offset);
        meta.put("previous", offset > 0 ? link("molecule", params, limit, Math.max(0, offset - limit)) : null);
        meta.put("total_count", total);
        return Reply.json(200, write(root));
    }

    /** Not "not found" while generated compounds may still appear: EBI's 503 page, ask again soon. */
    static Reply growing() {
        return Reply.growing(Reply.HTML, ErrorPages.ebi(503));
    }

    /**
     * Whether the answer could change once the generated set is complete: an unfiltered listing, or an
     * id or InChIKey filter with a value that finds nothing yet (generated compounds have no pref_name).
     */
    private boolean mayGrow(Map<String, List<String>> params) {
        boolean filtered = false;
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            if (PAGING.contains(p.getKey())) {
                continue;
            }
            filtered = true;
            String field = p.getKey().replaceFirst("__(exact|iexact|in)$", "");
            String value = p.getValue().isEmpty() ? "" : p.getValue().get(p.getValue().size() - 1);
            for (String raw : p.getKey().endsWith("__in") ? value.split(",") : new String[] {value}) {
                String v = raw.trim();
                if (!v.isEmpty() && (("molecule_chembl_id".equals(field) && data.byChemblId(v) == null)
                        || ("molecule_structures__standard_inchi_key".equals(field) && data.cidsByInchiKey(v).isEmpty()))) {
                    return true;
                }
            }
        }
        return !filtered;
    }

    /** The compounds a filter selects, or null if the simulator does not support it. */
    private List<Compound> filter(String key, String value) {
        String field = key;
        String lookup = "exact";
        int sep = key.lastIndexOf("__");
        if (sep > 0 && Set.of("exact", "iexact", "in").contains(key.substring(sep + 2))) {
            field = key.substring(0, sep);
            lookup = key.substring(sep + 2);
        }
        List<String> values = "in".equals(lookup) ? List.of(value.split(",")) : List.of(value);
        String how = lookup;
        List<Compound> result = new ArrayList<>();
        for (String raw : values) {
            String v = raw.trim();
            if (v.isEmpty()) {
                continue;
            }
            switch (field) {
                case "molecule_chembl_id" -> {
                    Compound c = data.byChemblId(v);
                    if (c != null && ("iexact".equals(how) || c.chemblId().equals(v))) {
                        result.add(c);
                    }
                }
                case "molecule_structures__standard_inchi_key" ->
                    data.cidsByInchiKey(v).forEach(cid -> result.add(data.byCid(cid)));
                case "pref_name" -> data.byChemblName(v).stream()
                        .filter(c -> "iexact".equals(how) || c.chemblName().equals(v))
                        .forEach(result::add);
                default -> {
                    return null;
                }
            }
        }
        return result;
    }

    /** A relative link to another page of a listing, carrying the request's filters (as ChEMBL's page_meta). */
    static String link(String resource, Map<String, List<String>> params, int limit, int offset) {
        StringBuilder s = new StringBuilder(BASE).append('/').append(resource).append(".json?limit=").append(limit).append("&offset=").append(offset);
        params.forEach((k, values) -> {
            if (!"limit".equals(k) && !"offset".equals(k)) {
                for (String v : values) {
                    s.append('&').append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                            .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("%2C", ","));
                }
            }
        });
        return s.toString();
    }

    /** Tastypie reads leading digits and falls back to the default otherwise. */
    static int number(Map<String, List<String>> params, String key, int fallback) {
        List<String> values = params.get(key);
        if (values == null || values.isEmpty()) {
            return fallback;
        }
        Matcher m = LEADING_DIGITS.matcher(values.get(values.size() - 1).trim());
        if (!m.find()) {
            return fallback;
        }
        try {
            return Integer.parseInt(m.group());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static Map<String, List<String>> parseForm(String body) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return params;
        }
        for (String pair : body.trim().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return params;
    }

    private String write(Object node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String quote(String text) {
        return write(JsonNodeFactory.instance.textNode(text));
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
