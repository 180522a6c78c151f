package org.cryoprotect.simulator.pubchem;

import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

import org.cryoprotect.simulator.data.Compound;
import org.cryoprotect.simulator.data.DataStore;
import org.cryoprotect.simulator.faults.FaultInjector;
import org.cryoprotect.simulator.http.Reply;
import org.cryoprotect.simulator.http.SimulatorStats;
import org.cryoprotect.simulator.http.UpstreamPipeline;
import org.cryoprotect.simulator.toxicity.PugViewRecords;

/**
 * PUG-View's compound record, {@code /rest/pug_view/data/compound/{cid}/JSON[?heading=...]}, with the
 * toxicity sections: one CID per request, through the same policy, counting and faults as PUG-REST.
 */
@Path("/rest/pug_view/data/compound")
public class PugViewResource {

    private final UpstreamPipeline pipeline;
    private final DataStore data;
    private final FaultInjector faults;
    private final SimulatorStats stats;
    private final PubChemJson json;
    private final PugViewRecords records;

    public PugViewResource(UpstreamPipeline pipeline, DataStore data, FaultInjector faults, SimulatorStats stats,
            PubChemJson json, PugViewRecords records) {
        this.pipeline = pipeline;
        this.data = data;
        this.faults = faults;
        this.stats = stats;
        this.json = json;
        this.records = records;
    }

    @GET
    @Path("{cid}/{format}")
    public Uni<Response> record(@Context HttpServerRequest request, @PathParam("cid") String cid,
            @PathParam("format") String format, @QueryParam("heading") String heading) {
        return pipeline.pubchem(request, 1, () -> answer(cid, format, heading));
    }

    private Reply answer(String cidText, String format, String heading) {
        if (!"JSON".equals(format.toUpperCase(Locale.ROOT))) {
            return Reply.json(400, json.fault("PUGVIEW.BadRequest", "Invalid output format",
                    "The simulator serves PUG-View records as JSON only"));
        }
        long cid = parseCid(cidText);
        if (cid <= 0) {
            return Reply.json(400, json.fault("PUGVIEW.BadRequest", "Invalid record number",
                    "Invalid identifier: " + cidText + " (one CID per request)"));
        }
        Compound compound = data.byCid(cid);
        if (compound == null && data.growing()) {
            return Reply.growing(Reply.JSON, json.fault("PUGREST.ServerBusy", "Too many requests or server too busy",
                    "The simulator is still generating its data set"));
        }
        if (compound != null && faults.unknownCid(cid)) {
            stats.count("faults.unknown_id");
            compound = null;
        }
        ObjectNode record = compound == null ? null : records.record(compound);
        if (record != null && heading != null && !heading.isBlank()) {
            record = PugViewRecords.underHeading(record, heading);
        }
        if (record == null) {
            return Reply.json(404, json.fault("PUGVIEW.NotFound", "No data found"));
        }
        return Reply.json(200, json.write(record));
    }

    private static long parseCid(String id) {
        String s = id.trim();
        if (s.isEmpty() || s.length() > 12 || !s.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(s);
    }
}
