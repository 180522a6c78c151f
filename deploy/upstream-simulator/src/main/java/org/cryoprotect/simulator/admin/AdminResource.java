package org.cryoprotect.simulator.admin;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.NonBlocking;

import org.cryoprotect.simulator.SimulatorConfig;
import org.cryoprotect.simulator.data.Compound;
import org.cryoprotect.simulator.data.DataStore;
import org.cryoprotect.simulator.faults.FaultInjector;
import org.cryoprotect.simulator.faults.FaultSettings;
import org.cryoprotect.simulator.http.SimulatorStats;
import org.cryoprotect.simulator.policy.PolicySettings;
import org.cryoprotect.simulator.policy.ThrottlePolicy;

/**
 * Control of the simulator: faults, policy, counters, reset, and a look at the data set. Not part
 * of either upstream's API; never throttled.
 */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@NonBlocking
public class AdminResource {

    private final FaultInjector faults;
    private final ThrottlePolicy policy;
    private final SimulatorStats stats;
    private final DataStore data;
    private final SimulatorConfig config;
    private final ObjectMapper mapper;

    public AdminResource(FaultInjector faults, ThrottlePolicy policy, SimulatorStats stats, DataStore data,
            SimulatorConfig config, ObjectMapper mapper) {
        this.faults = faults;
        this.policy = policy;
        this.stats = stats;
        this.data = data;
        this.config = config;
        this.mapper = mapper;
    }

    @GET
    @Path("faults")
    public FaultSettings faults() {
        return faults.settings();
    }

    /** Replaces the faults (fields left out take their defaults: {@code {}} clears them all). */
    @POST
    @Path("faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setFaults(FaultSettings settings) {
        FaultSettings s = settings == null ? new FaultSettings() : settings;
        String error = s.validate();
        if (error != null) {
            return problem(error);
        }
        faults.update(s);
        return Response.ok(s).build();
    }

    @DELETE
    @Path("faults")
    public FaultSettings clearFaults() {
        FaultSettings s = new FaultSettings();
        faults.update(s);
        return s;
    }

    @GET
    @Path("policy")
    public PolicySettings policy() {
        return policy.settings();
    }

    /** Changes the given policy fields and keeps the others. */
    @POST
    @Path("policy")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setPolicy(JsonNode changes) {
        PolicySettings updated;
        try {
            updated = mapper.readerForUpdating(policy.settings().copy()).readValue(changes == null ? mapper.createObjectNode() : changes);
        } catch (IOException e) {
            return problem("Invalid policy: " + e.getMessage());
        }
        String error = updated.validate();
        if (error != null) {
            return problem(error);
        }
        policy.settings(updated);
        return Response.ok(updated).build();
    }

    /** Back to the state at start: no faults, configured policy, empty counters and throttling windows. */
    @POST
    @Path("reset")
    public Map<String, Object> reset() {
        faults.update(new FaultSettings());
        policy.settings(PolicySettings.from(config.policy()));
        policy.reset();
        stats.reset();
        return Map.of("reset", true);
    }

    @GET
    @Path("stats")
    public Map<String, Object> stats() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("since", stats.since().toString());
        s.put("requests", stats.get("pubchem.requests") + stats.get("chembl.requests"));
        s.put("pubchem", upstream("pubchem"));
        s.put("chembl", upstream("chembl"));
        s.put("faults_injected", stats.withPrefix("faults."));
        s.put("bursts_left", faults.burstsLeft());
        s.put("in_flight", policy.inFlight());
        s.put("blocked_clients", policy.blockedClients());
        s.put("clients", policy.clientStats());
        return s;
    }

    private Map<String, Object> upstream(String key) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("requests", stats.get(key + ".requests"));
        u.put("ok", stats.get(key + ".status.200"));
        u.put("by_status", stats.withPrefix(key + ".status."));
        Map<String, Long> byReason = stats.withPrefix(key + ".503.");
        u.put("service_unavailable_by_reason", byReason);
        if ("pubchem".equals(key)) {
            Map<String, Long> throttled = stats.withPrefix("pubchem.throttled.");
            u.put("throttled", throttled.values().stream().mapToLong(Long::longValue).sum());
            u.put("throttled_by_reason", throttled);
        }
        return u;
    }

    /** Size of the data set and a page of its identifiers (valid CIDs and ChEMBL ids for tests and benchmarks). */
    @GET
    @Path("data")
    public Map<String, Object> data(@QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        List<Compound> all = data.all();
        long demo = all.stream().filter(c -> "demo".equals(c.origin())).count();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("compounds", all.size());
        d.put("demo", demo);
        d.put("generated", all.size() - demo);
        d.put("generation", data.generation().name().toLowerCase(Locale.ROOT));
        int from = Math.max(0, Math.min(offset, all.size()));
        int to = Math.min(all.size(), from + Math.max(0, Math.min(limit, 10_000)));
        d.put("offset", from);
        d.put("items", all.subList(from, to).stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cid", c.cid());
            m.put("chembl_id", c.chemblId());
            m.put("title", c.title());
            m.put("inchikey", c.inchiKey());
            m.put("origin", c.origin());
            return m;
        }).toList());
        return d;
    }

    private static Response problem(String detail) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", "Bad Request");
        p.put("status", 400);
        p.put("detail", detail);
        return Response.status(400).type("application/problem+json").entity(p).build();
    }
}
