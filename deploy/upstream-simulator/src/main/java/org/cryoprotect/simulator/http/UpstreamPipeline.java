package org.cryoprotect.simulator.http;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

import org.cryoprotect.simulator.SimulatorConfig;
import org.cryoprotect.simulator.faults.FaultInjector;
import org.cryoprotect.simulator.faults.FaultPlan;
import org.cryoprotect.simulator.faults.Upstream;
import org.cryoprotect.simulator.policy.Decision;
import org.cryoprotect.simulator.policy.PolicySettings;
import org.cryoprotect.simulator.policy.ThrottlePolicy;
import org.cryoprotect.simulator.pubchem.PubChemJson;

/**
 * What every simulated request goes through: PubChem's policy, then the injected faults, the
 * endpoint's own answer, body corruption, and finally the delay (simulated server time plus injected
 * latency) on a Vert.x timer, so the event loop never waits.
 */
@ApplicationScoped
public class UpstreamPipeline {

    private static final Logger LOG = Logger.getLogger(UpstreamPipeline.class);

    private final Vertx vertx;
    private final ThrottlePolicy policy;
    private final FaultInjector faults;
    private final SimulatorStats stats;
    private final PubChemJson pubchemJson;
    private final Optional<String> clientIdHeader;

    public UpstreamPipeline(Vertx vertx, ThrottlePolicy policy, FaultInjector faults, SimulatorStats stats,
            PubChemJson pubchemJson, SimulatorConfig config) {
        this.vertx = vertx;
        this.policy = policy;
        this.faults = faults;
        this.stats = stats;
        this.pubchemJson = pubchemJson;
        this.clientIdHeader = config.policy().clientIdHeader().filter(h -> !h.isBlank());
    }

    /** Who the policy counts a request against: the client-id header if configured and sent, else the address. */
    public String clientOf(HttpServerRequest request) {
        if (clientIdHeader.isPresent()) {
            String id = request.getHeader(clientIdHeader.get());
            if (id != null && !id.isBlank()) {
                return id.trim();
            }
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /** A PubChem request about {@code ids} identifiers, answered by {@code handler} once admitted. */
    public Uni<Response> pubchem(HttpServerRequest request, int ids, Supplier<Reply> handler) {
        stats.count("pubchem.requests");
        PolicySettings settings = policy.settings();
        FaultPlan plan = faults.plan(Upstream.PUBCHEM);
        long serverTime = settings.serverTimeBaseMs + Math.round(settings.serverTimePerIdMs * Math.max(1, ids))
                + plan.latencyMs();
        String client = clientOf(request);
        Decision decision = policy.admit(client, serverTime);
        if (plan.omitThrottlingHeader()) {
            stats.count("faults.omit_throttling_header");
        }
        String throttling = plan.omitThrottlingHeader() ? null : decision.throttlingHeader();

        if (!decision.admitted()) {
            stats.count("pubchem.throttled." + decision.reason().key);
            Reply reply;
            if (plan.throttleHtml()) {
                stats.count("faults.throttle_html");
                reply = Reply.of(503, Reply.HTML, ErrorPages.ncbi(503));
            } else {
                reply = Reply.json(503, pubchemJson.fault("PUGREST.ServerBusy", "Too many requests or server too busy"));
            }
            return Uni.createFrom().item(finish(Upstream.PUBCHEM, "policy_" + decision.reason().key, reply,
                    throttling, decision.retryAfterSeconds()));
        }

        policy.started();
        Uni<Response> answer;
        if (plan.timeout()) {
            stats.count("faults.timeout");
            answer = after(plan.holdMs(), () -> finish(Upstream.PUBCHEM, "fault_timeout",
                    Reply.json(504, pubchemJson.fault("PUGREST.Timeout", "The request timed out")), throttling, -1));
        } else if (serverTime > settings.requestTimeoutMs) {
            answer = after(settings.requestTimeoutMs, () -> finish(Upstream.PUBCHEM, "policy_timeout",
                    Reply.json(504, pubchemJson.fault("PUGREST.Timeout", "The request timed out")), throttling, -1));
        } else {
            Reply reply = pubchemFault(plan);
            String reason = reply == null ? null : plan.error() ? "fault_error" : "fault_html_503";
            if (reply == null) {
                reply = run(handler, () -> Reply.json(500, pubchemJson.fault("PUGREST.ServerError", "Internal server error")));
                reply = corrupt(plan, reply);
            }
            long delay = settings.delayResponses ? serverTime : plan.latencyMs();
            countLatency(plan);
            Reply done = reply;
            int retryAfter = reply.status() == 503 && plan.error() && !plan.errorHtml() ? settings.retryAfterSeconds : -1;
            boolean withHeader = !plan.html503() && !(plan.error() && plan.errorHtml());
            answer = after(delay, () -> finish(Upstream.PUBCHEM, reason, done, withHeader ? throttling : null, retryAfter));
        }
        return answer.onTermination().invoke(policy::finished);
    }

    /** A ChEMBL request, answered by {@code handler}; ChEMBL publishes no rate limit, so none is enforced. */
    public Uni<Response> chembl(Supplier<Reply> handler) {
        stats.count("chembl.requests");
        FaultPlan plan = faults.plan(Upstream.CHEMBL);
        if (plan.timeout()) {
            stats.count("faults.timeout");
            return after(plan.holdMs(), () -> finish(Upstream.CHEMBL, "fault_timeout",
                    Reply.of(504, Reply.HTML, ErrorPages.ebi(504)), null, -1));
        }
        Reply reply = null;
        String reason = null;
        if (plan.error()) {
            stats.count("faults.error");
            reason = "fault_error";
            reply = plan.errorStatus() == 500 && !plan.errorHtml()
                    ? Reply.json(500, "{\"error_message\": \"An internal server error occurred. Please contact ChEMBL help.\"}")
                    : Reply.of(plan.errorStatus(), Reply.HTML, ErrorPages.ebi(plan.errorStatus()));
        } else if (plan.html503()) {
            stats.count("faults.html_503");
            reason = "fault_html_503";
            reply = Reply.of(503, Reply.HTML, ErrorPages.ebi(503));
        }
        if (reply == null) {
            reply = run(handler, () -> Reply.json(500,
                    "{\"error_message\": \"An internal server error occurred. Please contact ChEMBL help.\"}"));
            reply = corrupt(plan, reply);
        }
        countLatency(plan);
        Reply done = reply;
        String why = reason;
        return after(plan.latencyMs(), () -> finish(Upstream.CHEMBL, why, done, null, -1));
    }

    private Reply pubchemFault(FaultPlan plan) {
        if (plan.error()) {
            stats.count("faults.error");
            int status = plan.errorStatus();
            if (plan.errorHtml() || status == 502) {
                return Reply.of(status, Reply.HTML, ErrorPages.ncbi(status));
            }
            return Reply.json(status, switch (status) {
                case 503 -> pubchemJson.fault("PUGREST.ServerBusy", "Too many requests or server too busy");
                case 504 -> pubchemJson.fault("PUGREST.Timeout", "The request timed out");
                default -> pubchemJson.fault("PUGREST.ServerError", "Some problem on the server side");
            });
        }
        if (plan.html503()) {
            stats.count("faults.html_503");
            return Reply.of(503, Reply.HTML, ErrorPages.ncbi(503));
        }
        return null;
    }

    private Reply run(Supplier<Reply> handler, Supplier<Reply> fallback) {
        try {
            return handler.get();
        } catch (RuntimeException e) {
            LOG.error("Simulated endpoint failed", e);
            return fallback.get();
        }
    }

    private void countLatency(FaultPlan plan) {
        if (plan.latencyMs() > 0) {
            stats.count("faults.latency");
        }
    }

    /** Cuts or breaks a successful JSON body. */
    private Reply corrupt(FaultPlan plan, Reply reply) {
        if (reply.status() != 200 || !reply.isJson()) {
            return reply;
        }
        String body = reply.body();
        if (plan.truncate()) {
            stats.count("faults.truncated_json");
            return new Reply(200, reply.contentType(), body.substring(0, Math.max(1, body.length() / 2)), reply.headers());
        }
        if (plan.malformed()) {
            stats.count("faults.malformed_json");
            int colon = body.indexOf(':', body.length() / 3);
            if (colon < 0) {
                colon = body.indexOf(':');
            }
            String broken = colon < 0 ? body + "}}" : body.substring(0, colon) + " = " + body.substring(colon + 1);
            return new Reply(200, reply.contentType(), broken, reply.headers());
        }
        return reply;
    }

    private Response finish(Upstream upstream, String reason, Reply reply, String throttling, int retryAfter) {
        String prefix = upstream.key + ".";
        stats.count(prefix + "status." + reply.status());
        if (reply.status() == 503) {
            // the only 503 an endpoint answers itself: a lookup made while the generated set is incomplete
            stats.count(prefix + "503." + (reason == null ? "data_generating" : reason));
        }
        Response.ResponseBuilder b = Response.status(reply.status()).entity(reply.body()).type(reply.contentType());
        reply.headers().forEach(b::header);
        if (upstream == Upstream.PUBCHEM) {
            b.header("Access-Control-Allow-Origin", "*");
            if (throttling != null) {
                b.header("X-Throttling-Control", throttling);
            }
        }
        if (retryAfter >= 0) {
            b.header("Retry-After", String.valueOf(retryAfter));
        }
        return b.build();
    }

    private <T> Uni<T> after(long ms, Supplier<T> supplier) {
        if (ms <= 0) {
            return Uni.createFrom().item(supplier);
        }
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(ms, id -> {
            try {
                emitter.complete(supplier.get());
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        }));
    }
}
