package org.cryoprotect.simulator.pubchem;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

import org.cryoprotect.simulator.data.Compound;
import org.cryoprotect.simulator.data.DataStore;
import org.cryoprotect.simulator.faults.FaultInjector;
import org.cryoprotect.simulator.faults.Upstream;
import org.cryoprotect.simulator.http.Reply;
import org.cryoprotect.simulator.http.SimulatorStats;
import org.cryoprotect.simulator.http.UpstreamPipeline;

/**
 * PUG-REST's compound endpoints an importer needs: the property table, synonyms and identifier
 * lookups, by CID, name, InChIKey or SMILES, with identifiers in the URL (GET) or in a form body
 * such as {@code cid=1,2,3} (POST).
 */
@Path("/rest/pug/compound")
public class PubChemResource {

    private static final String CSV = "text/csv";
    private static final String TXT = "text/plain";
    private static final List<String> UNSIMULATED_FORMATS = List.of("XML", "ASNT", "ASNB", "JSONP", "SDF", "PNG");

    private final UpstreamPipeline pipeline;
    private final DataStore data;
    private final FaultInjector faults;
    private final SimulatorStats stats;
    private final PubChemJson json;

    public PubChemResource(UpstreamPipeline pipeline, DataStore data, FaultInjector faults, SimulatorStats stats,
            PubChemJson json) {
        this.pipeline = pipeline;
        this.data = data;
        this.faults = faults;
        this.stats = stats;
        this.json = json;
    }

    @GET
    @Path("{namespace}/{identifiers}/property/{properties}/{format}")
    public Uni<Response> properties(@Context HttpServerRequest request, @PathParam("namespace") String namespace,
            @PathParam("identifiers") String identifiers, @PathParam("properties") String properties,
            @PathParam("format") String format) {
        return serve(request, namespace, identifiers, "property", properties, format);
    }

    @POST
    @Path("{namespace}/property/{properties}/{format}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> propertiesPost(@Context HttpServerRequest request, @PathParam("namespace") String namespace,
            @PathParam("properties") String properties, @PathParam("format") String format, String body) {
        return serve(request, namespace, formValue(body, namespace), "property", properties, format);
    }

    @GET
    @Path("{namespace}/{identifiers}/synonyms/{format}")
    public Uni<Response> synonyms(@Context HttpServerRequest request, @PathParam("namespace") String namespace,
            @PathParam("identifiers") String identifiers, @PathParam("format") String format) {
        return serve(request, namespace, identifiers, "synonyms", null, format);
    }

    @POST
    @Path("{namespace}/synonyms/{format}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> synonymsPost(@Context HttpServerRequest request, @PathParam("namespace") String namespace,
            @PathParam("format") String format, String body) {
        return serve(request, namespace, formValue(body, namespace), "synonyms", null, format);
    }

    @GET
    @Path("{namespace}/{identifiers}/cids/{format}")
    public Uni<Response> cids(@Context HttpServerRequest request, @PathParam("namespace") String namespace,
            @PathParam("identifiers") String identifiers, @PathParam("format") String format) {
        return serve(request, namespace, identifiers, "cids", null, format);
    }

    @POST
    @Path("{namespace}/cids/{format}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> cidsPost(@Context HttpServerRequest request, @PathParam("namespace") String namespace,
            @PathParam("format") String format, String body) {
        return serve(request, namespace, formValue(body, namespace), "cids", null, format);
    }

    // ---------------------------------------------------------------------------------------------

    private Uni<Response> serve(HttpServerRequest request, String namespace, String identifiers, String operation,
            String properties, String format) {
        String ns = namespace.toLowerCase(Locale.ROOT);
        List<String> ids = splitIdentifiers(ns, identifiers);
        return pipeline.pubchem(request, ids.size(), () -> answer(ns, ids, operation, properties, format));
    }

    private Reply answer(String namespace, List<String> ids, String operation, String properties, String format) {
        String f = format.toUpperCase(Locale.ROOT);
        if (UNSIMULATED_FORMATS.contains(f)) {
            return Reply.json(501, json.fault("PUGREST.Unimplemented", "The simulator serves JSON, CSV and TXT only"));
        }
        if (!f.equals("JSON") && !f.equals("CSV") && !f.equals("TXT")) {
            return Reply.json(400, json.fault("PUGREST.BadRequest", "Invalid output format"));
        }
        List<String> props = null;
        boolean legacyKeys = "legacy".equals(faults.legacySmiles());
        if ("property".equals(operation)) {
            props = new ArrayList<>();
            for (String p : properties.split(",")) {
                String name = PubChemProperties.canonicalName(p);
                if (name == null
                        || (PubChemProperties.isLegacySmiles(name) && "reject".equals(faults.legacySmiles()))
                        || (PubChemProperties.isModernSmiles(name) && legacyKeys)) {
                    return Reply.json(400, json.fault("PUGREST.BadRequest", "Invalid property"));
                }
                props.add(name);
            }
        }
        if (ids.isEmpty()) {
            return Reply.json(400, json.fault("PUGREST.BadRequest", "No identifiers given"));
        }
        List<Compound> compounds;
        switch (namespace) {
            case "cid" -> {
                List<Long> cids = new ArrayList<>(ids.size());
                for (String id : ids) {
                    long cid = parseCid(id);
                    if (cid <= 0) {
                        return Reply.json(400, json.fault("PUGREST.BadRequest", "Invalid CID",
                                "Invalid identifier: " + id));
                    }
                    cids.add(cid);
                }
                if (data.growing() && cids.stream().anyMatch(cid -> data.byCid(cid) == null)) {
                    return growing();
                }
                compounds = known(cids);
                if (compounds.isEmpty()) {
                    return Reply.json(404, json.fault("PUGREST.NotFound", "No records found for the given CID(s)"));
                }
            }
            case "name" -> {
                if (data.growing() && data.cidsByName(ids.get(0)).isEmpty()) {
                    return growing();
                }
                compounds = known(data.cidsByName(ids.get(0)));
                if (compounds.isEmpty()) {
                    return Reply.json(404, json.fault("PUGREST.NotFound", "No CID found",
                            "No CID found that matches the given name"));
                }
            }
            case "inchikey" -> {
                if (data.growing() && ids.stream().anyMatch(key -> data.cidsByInchiKey(key).isEmpty())) {
                    return growing();
                }
                List<Long> cids = new ArrayList<>();
                ids.forEach(key -> cids.addAll(data.cidsByInchiKey(key)));
                compounds = known(cids);
                if (compounds.isEmpty()) {
                    return Reply.json(404, json.fault("PUGREST.NotFound", "No CID found",
                            "No CID found that matches the given InChIKey(s)"));
                }
            }
            case "smiles" -> {
                if (data.growing() && data.cidsBySmiles(ids.get(0)).isEmpty()) {
                    return growing();
                }
                compounds = known(data.cidsBySmiles(ids.get(0)));
                if (compounds.isEmpty()) {
                    return Reply.json(404, json.fault("PUGREST.NotFound", "No CID found",
                            "No CID found that matches the given SMILES"));
                }
            }
            default -> {
                return Reply.json(400, json.fault("PUGREST.BadRequest", "Invalid namespace",
                        "The simulator knows the namespaces cid, name, inchikey and smiles"));
            }
        }
        return switch (operation) {
            case "property" -> propertyTable(compounds, props, legacyKeys, f);
            case "synonyms" -> synonyms(compounds, f);
            default -> identifierList(compounds, f);
        };
    }

    /** Not "not found" while generated compounds may still appear: PubChem's busy fault, ask again soon. */
    private Reply growing() {
        return Reply.growing(Reply.JSON, json.fault("PUGREST.ServerBusy", "Too many requests or server too busy",
                "The simulator is still generating its data set"));
    }

    private List<Compound> known(List<Long> cids) {
        List<Compound> result = new ArrayList<>(cids.size());
        for (Long cid : cids) {
            Compound c = data.byCid(cid);
            if (c != null && faults.unknownCid(cid)) {
                stats.count("faults.unknown_id");
                c = null;
            }
            if (c != null) {
                result.add(c);
            }
        }
        return result;
    }

    private Reply propertyTable(List<Compound> compounds, List<String> props, boolean legacyKeys, String format) {
        ArrayNode rows = PubChemJson.NODES.arrayNode();
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("CID", "CID");
        for (String p : props) {
            columns.putIfAbsent(PubChemProperties.key(p, legacyKeys), p);
        }
        for (Compound c : compounds) {
            ObjectNode row = rows.addObject();
            row.put("CID", c.cid());
            for (Map.Entry<String, String> column : columns.entrySet()) {
                if ("CID".equals(column.getKey())) {
                    continue;
                }
                if (faults.missing(Upstream.PUBCHEM, column.getValue()) || faults.missing(Upstream.PUBCHEM, column.getKey())) {
                    stats.count("faults.missing_property");
                    continue;
                }
                PubChemProperties.put(row, column.getKey(), column.getValue(), c);
            }
        }
        if ("CSV".equals(format)) {
            StringBuilder csv = new StringBuilder();
            csv.append(String.join(",", columns.keySet().stream().map(k -> '"' + k + '"').toList())).append('\n');
            for (var row : rows) {
                List<String> cells = new ArrayList<>();
                for (String key : columns.keySet()) {
                    var v = row.get(key);
                    cells.add(v == null ? "" : v.isTextual() ? '"' + v.asText().replace("\"", "\"\"") + '"' : v.asText());
                }
                csv.append(String.join(",", cells)).append('\n');
            }
            return Reply.of(200, CSV, csv.toString());
        }
        if ("TXT".equals(format)) {
            if (columns.size() != 2) {
                return Reply.json(400, json.fault("PUGREST.BadRequest", "TXT output is for a single property only"));
            }
            String key = columns.keySet().stream().skip(1).findFirst().orElseThrow();
            StringBuilder txt = new StringBuilder();
            rows.forEach(row -> txt.append(row.has(key) ? row.get(key).asText() : "").append('\n'));
            return Reply.of(200, TXT, txt.toString());
        }
        ObjectNode table = PubChemJson.NODES.objectNode();
        table.putObject("PropertyTable").set("Properties", rows);
        return Reply.json(200, json.write(table));
    }

    private Reply synonyms(List<Compound> compounds, String format) {
        if (!"JSON".equals(format)) {
            if ("CSV".equals(format)) {
                return Reply.json(400, json.fault("PUGREST.BadRequest", "Invalid output format"));
            }
            StringBuilder txt = new StringBuilder();
            compounds.forEach(c -> c.synonyms().forEach(s -> txt.append(s).append('\n')));
            return Reply.of(200, TXT, txt.toString());
        }
        ArrayNode information = PubChemJson.NODES.arrayNode();
        for (Compound c : compounds) {
            ObjectNode entry = information.addObject();
            entry.put("CID", c.cid());
            ArrayNode synonyms = entry.putArray("Synonym");
            synonyms.add(c.title());
            c.synonyms().stream().filter(s -> !s.equalsIgnoreCase(c.title())).forEach(synonyms::add);
        }
        ObjectNode root = PubChemJson.NODES.objectNode();
        root.putObject("InformationList").set("Information", information);
        return Reply.json(200, json.write(root));
    }

    private Reply identifierList(List<Compound> compounds, String format) {
        if (!"JSON".equals(format)) {
            StringBuilder txt = new StringBuilder();
            compounds.forEach(c -> txt.append(c.cid()).append('\n'));
            return Reply.of(200, "CSV".equals(format) ? CSV : TXT, txt.toString());
        }
        ObjectNode root = PubChemJson.NODES.objectNode();
        ArrayNode cids = root.putObject("IdentifierList").putArray("CID");
        compounds.forEach(c -> cids.add(c.cid()));
        return Reply.json(200, json.write(root));
    }

    /** Names and SMILES are single identifiers (they contain commas); CIDs and InChIKeys are lists. */
    static List<String> splitIdentifiers(String namespace, String identifiers) {
        if (identifiers == null || identifiers.isBlank()) {
            return List.of();
        }
        if ("name".equals(namespace) || "smiles".equals(namespace)) {
            return List.of(identifiers.trim());
        }
        return Arrays.stream(identifiers.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** The value of the namespace's field in an application/x-www-form-urlencoded body ("cid=1,2,3"). */
    static String formValue(String body, String namespace) {
        if (body == null) {
            return "";
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).trim().equalsIgnoreCase(namespace)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static long parseCid(String id) {
        if (id.length() > 12) {
            return -1;
        }
        for (int i = 0; i < id.length(); i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return -1;
            }
        }
        return Long.parseLong(id);
    }
}
