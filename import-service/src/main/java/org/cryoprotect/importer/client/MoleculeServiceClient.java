package org.cryoprotect.importer.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.importer.metrics.ImportMetrics;
import org.cryoprotect.importer.remote.CallPolicy;
import org.cryoprotect.importer.remote.CallPolicy.Endpoint;
import org.cryoprotect.importer.remote.RemoteRefusedException;
import org.cryoprotect.importer.remote.RemoteUnavailableException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

/**
 * Writes through molecule-service's batch endpoints with import-service's service token, under the
 * call policy. Retrying is safe: the upserts are idempotent (molecules by InChIKey and source id),
 * so a batch sent twice writes nothing twice.
 */
@Startup // its circuit breakers' gauges are exported before the first import
@ApplicationScoped
public class MoleculeServiceClient {

    private static final String REMOTE = "molecule-service";
    /** molecule-service takes at most this many measurements per request. */
    static final int MAX_MEASUREMENTS = 1000;

    private final MoleculeServiceApi api;
    private final ServiceTokens tokens;
    private final ImportMetrics metrics;
    private final Endpoint batch;
    private final Endpoint toxicity;

    public MoleculeServiceClient(@RestClient MoleculeServiceApi api, ServiceTokens tokens, CallPolicy policy,
            ImportMetrics metrics) {
        this.api = api;
        this.tokens = tokens;
        this.metrics = metrics;
        this.batch = policy.endpoint(REMOTE, "batch", CallPolicy.OPEN);
        this.toxicity = policy.endpoint(REMOTE, "toxicity", CallPolicy.OPEN);
    }

    /** One result per record, in order. A batch molecule-service refuses as a whole fails with the reason. */
    public Uni<List<BatchResult>> upsert(List<BatchRecord> records) {
        return batch.call(() -> post(batch, bearer -> api.batch(bearer, new BatchRequest(records)), records.size()));
    }

    /**
     * One result per measurement, in order, in requests of at most 1000, one after the other: a
     * retry resends only the request that failed. Idempotent by (molecule, source, record).
     */
    public Uni<List<BatchResult>> writeToxicity(List<ToxicityMeasurement> measurements) {
        Uni<List<BatchResult>> results = Uni.createFrom().item(ArrayList::new);
        for (int from = 0; from < measurements.size(); from += MAX_MEASUREMENTS) {
            List<ToxicityMeasurement> part = measurements.subList(from, Math.min(measurements.size(), from + MAX_MEASUREMENTS));
            results = results.chain(all -> toxicity.call(() -> post(toxicity,
                    bearer -> api.toxicity(bearer, new ToxicityBatch(part)), part.size())).map(more -> {
                        all.addAll(more);
                        return all;
                    }));
        }
        return results;
    }

    private Uni<List<BatchResult>> post(Endpoint endpoint, Function<String, Uni<Response>> request, int sent) {
        return tokens.bearer().chain(bearer -> request.apply(bearer)
                .onFailure().transform(e -> new RemoteUnavailableException("cannot reach molecule-service: " + e.getMessage()))
                .map(response -> {
                    try (response) {
                        return results(endpoint, response, sent);
                    }
                }));
    }

    private List<BatchResult> results(Endpoint endpoint, Response response, int sent) {
        int status = response.getStatus();
        metrics.upstreamRequest(REMOTE, endpoint.name(), String.valueOf(status));
        if (status == 200) {
            List<BatchResult> results = response.readEntity(BatchResponse.class).results();
            if (results == null || results.size() != sent) {
                throw new RemoteUnavailableException("molecule-service answered "
                        + (results == null ? 0 : results.size()) + " results for " + sent + " items");
            }
            return results;
        }
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        if (status == 401) {
            tokens.invalidate(); // revoked or expired early: the next attempt gets a new one
            throw new RemoteUnavailableException("molecule-service refused import-service's token");
        }
        if (status == 429 || status >= 500) {
            throw new RemoteUnavailableException("molecule-service answered " + status + ": " + body);
        }
        throw new RemoteRefusedException("molecule-service refused the batch (" + status + "): " + body);
    }
}
