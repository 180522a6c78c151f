package org.cryoprotect.importer.client;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.importer.service.ImportMetrics;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;

/**
 * Writes a chunk's records through molecule-service's batch upsert. Retrying is safe: the upsert
 * is idempotent by InChIKey and source id, so a batch sent twice writes nothing twice.
 */
@ApplicationScoped
public class MoleculeServiceWriter {

    private final MoleculeServiceApi api;
    private final ServiceTokens tokens;
    private final ImportMetrics metrics;

    public MoleculeServiceWriter(@RestClient MoleculeServiceApi api, ServiceTokens tokens, ImportMetrics metrics) {
        this.api = api;
        this.tokens = tokens;
        this.metrics = metrics;
    }

    /** One result per record, in order. A batch molecule-service refuses as a whole fails with the reason. */
    @AsynchronousNonBlocking
    @Retry(maxRetries = 8, delay = 500, jitter = 250, maxDuration = 120_000, retryOn = {
            DownstreamUnavailableException.class, TimeoutException.class, CircuitBreakerOpenException.class,
            BulkheadException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 10_000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.6, delay = 5_000, successThreshold = 2,
            skipOn = BatchRefusedException.class)
    @CircuitBreakerName("molecule-service-batch")
    @Timeout(60_000)
    @Bulkhead(value = 8, waitingTaskQueue = 64)
    public Uni<List<BatchResult>> upsert(List<BatchRecord> records) {
        return tokens.bearer().chain(bearer -> api.batch(bearer, new BatchRequest(records))
                .onFailure().transform(e -> new DownstreamUnavailableException("cannot reach molecule-service: " + e.getMessage()))
                .map(response -> {
                    try (response) {
                        int status = response.getStatus();
                        metrics.upstreamRequest("molecule-service", "batch", String.valueOf(status));
                        if (status == 200) {
                            List<BatchResult> results = response.readEntity(BatchResponse.class).results();
                            if (results == null || results.size() != records.size()) {
                                throw new DownstreamUnavailableException("molecule-service answered "
                                        + (results == null ? 0 : results.size()) + " results for " + records.size() + " records");
                            }
                            return results;
                        }
                        String body = response.hasEntity() ? response.readEntity(String.class) : "";
                        if (status == 401) {
                            tokens.invalidate(); // revoked or expired early: the next attempt gets a new one
                            throw new DownstreamUnavailableException("molecule-service refused import-service's token");
                        }
                        if (status == 429 || status >= 500) {
                            throw new DownstreamUnavailableException("molecule-service answered " + status + ": " + body);
                        }
                        throw new BatchRefusedException("molecule-service refused the batch (" + status + "): " + body);
                    }
                }));
    }

    /** molecule-service found the batch itself invalid (4xx other than 401/429): not worth retrying. */
    public static class BatchRefusedException extends RuntimeException {
        public BatchRefusedException(String message) {
            super(message, null, false, false);
        }
    }
}
