package org.cryoprotect.importer.upstream;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import org.cryoprotect.importer.ratelimit.RateLimiter;
import org.cryoprotect.importer.service.ChunkSizer;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Upstream requests with retries: exponential backoff with jitter, on retryable failures only
 * (busy, 5xx, timeouts, garbled bodies, connection errors, an open circuit) — never on a 400 or an
 * unknown id. Every attempt first waits for a slot of the shared rate limiter, which also holds
 * everyone back for as long as a Retry-After asked.
 */
@ApplicationScoped
public class UpstreamRequests {

    private static final Logger LOG = Logger.getLogger(UpstreamRequests.class);

    /** Since mid-2025 PubChem names the SMILES columns SMILES and ConnectivitySMILES. */
    static final String PROPERTIES = "Title,IUPACName,MolecularFormula,MolecularWeight,ExactMass,MonoisotopicMass,"
            + "SMILES,ConnectivitySMILES,InChI,InChIKey,XLogP,TPSA,HBondDonorCount,HBondAcceptorCount,"
            + "RotatableBondCount,HeavyAtomCount,Complexity,Charge";
    /** Before 2025 (and in the July 2025 transition) only the old names were accepted. */
    static final String LEGACY_PROPERTIES = PROPERTIES.replace("SMILES,ConnectivitySMILES",
            "IsomericSMILES,CanonicalSMILES");

    private final UpstreamCalls calls;
    private final RateLimiter limiter;
    private final ChunkSizer sizer;
    private final AtomicReference<String> propertyNames = new AtomicReference<>(PROPERTIES);

    public UpstreamRequests(UpstreamCalls calls, RateLimiter limiter, ChunkSizer sizer) {
        this.calls = calls;
        this.limiter = limiter;
        this.sizer = sizer;
    }

    @AsynchronousNonBlocking
    @Retry(maxRetries = 12, delay = 500, jitter = 250, maxDuration = 300_000, retryOn = {
            UpstreamUnavailableException.class, TimeoutException.class, CircuitBreakerOpenException.class,
            BulkheadException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public Uni<List<JsonObject>> pubchemProperties(List<String> cids) {
        String names = propertyNames.get();
        return limited("pubchem", () -> calls.pubchemProperties(names, String.join(",", cids)))
                .onFailure(InvalidPropertyException.class).recoverWithUni(e -> {
                    String other = names.equals(PROPERTIES) ? LEGACY_PROPERTIES : PROPERTIES;
                    if (!propertyNames.compareAndSet(names, other)) {
                        return pubchemProperties(cids); // another worker switched already
                    }
                    LOG.warnf("PubChem refused the property names (%s); switching to %s", e.getMessage(), other);
                    return limited("pubchem", () -> calls.pubchemProperties(other, String.join(",", cids)));
                });
    }

    @AsynchronousNonBlocking
    @Retry(maxRetries = 12, delay = 500, jitter = 250, maxDuration = 300_000, retryOn = {
            UpstreamUnavailableException.class, TimeoutException.class, CircuitBreakerOpenException.class,
            BulkheadException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public Uni<Map<String, JsonArray>> pubchemSynonyms(List<String> cids) {
        return limited("pubchem", () -> calls.pubchemSynonyms(String.join(",", cids)));
    }

    @AsynchronousNonBlocking
    @Retry(maxRetries = 12, delay = 500, jitter = 250, maxDuration = 300_000, retryOn = {
            UpstreamUnavailableException.class, TimeoutException.class, CircuitBreakerOpenException.class,
            BulkheadException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public Uni<List<JsonObject>> chemblMolecules(List<String> ids) {
        return limited("chembl", () -> calls.chemblMolecules(ids));
    }

    private <T> Uni<T> limited(String upstream, java.util.function.Supplier<Uni<T>> call) {
        return limiter.limited(upstream, call)
                .onFailure(TimeoutException.class).invoke(() -> sizer.shrink(upstream));
    }
}
