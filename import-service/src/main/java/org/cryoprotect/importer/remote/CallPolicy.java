package org.cryoprotect.importer.remote;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import org.cryoprotect.importer.ImportConfig;
import org.cryoprotect.importer.metrics.ImportMetrics;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;

/**
 * The one fault-tolerance policy of every call import-service makes to PubChem, ChEMBL and
 * molecule-service. A call is retried with exponential backoff and jitter on retryable failures
 * only ({@link RemoteUnavailableException}, a timeout, an open circuit, a full bulkhead), never on
 * a {@link RemoteRefusedException}. Every attempt first passes its gate (an upstream's rate-limiter
 * slot, so a retry waits for a slot of its own), then the endpoint's own circuit breaker (refusals
 * do not count), the remote's timeout and a bulkhead. Timeouts and retry budgets are set per
 * remote ({@code cryo.import.calls.<remote>.*}).
 */
@ApplicationScoped
public class CallPolicy {

    private static final TypeLiteral<Uni<Object>> UNI = new TypeLiteral<>() {
    };

    /**
     * What an attempt passes before it is sent, e.g. a rate limiter. {@code size} is how much it
     * asks for (identifiers, a page's records): requests of one endpoint and size take alike.
     */
    public interface Gate {
        <T> Uni<T> pass(int size, Supplier<Uni<T>> attempt);
    }

    public static final Gate OPEN = new Gate() {
        @Override
        public <T> Uni<T> pass(int size, Supplier<Uni<T>> attempt) {
            return attempt.get();
        }
    };

    private final ImportConfig config;
    private final ImportMetrics metrics;

    public CallPolicy(ImportConfig config, ImportMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    /** One endpoint of a remote, with its circuit breaker {@code <remote>-<name>}; create it once. */
    public Endpoint endpoint(String remote, String name, Gate gate) {
        ImportConfig.Calls calls = config.calls().get(remote);
        String breaker = remote + "-" + name;
        AtomicInteger state = new AtomicInteger();
        metrics.watch("cryo.import.circuit.breaker.state", "Circuit breaker state: 0 closed, 1 open, 2 half-open",
                state::get, "name", breaker, "upstream", remote);
        Guard retries = Guard.create().withDescription(breaker + " retries")
                .withRetry()
                .maxRetries(calls.maxRetries())
                .delay(500, ChronoUnit.MILLIS).jitter(250, ChronoUnit.MILLIS)
                .maxDuration(calls.maxRetryDuration().toMillis(), ChronoUnit.MILLIS)
                .retryOn(List.of(RemoteUnavailableException.class, TimeoutException.class,
                        CircuitBreakerOpenException.class, BulkheadException.class))
                .withExponentialBackoff().factor(2).maxDelay(calls.maxBackoff().toMillis(), ChronoUnit.MILLIS).done()
                .done()
                .build();
        Guard attempts = Guard.create().withDescription(breaker)
                .withCircuitBreaker().name(breaker)
                .requestVolumeThreshold(10).failureRatio(0.6).delay(5, ChronoUnit.SECONDS).successThreshold(2)
                .skipOn(RemoteRefusedException.class)
                .onStateChange(s -> state.set(encode(s)))
                .done()
                .withTimeout().duration(calls.timeout().toMillis(), ChronoUnit.MILLIS).done()
                .withBulkhead().limit(8).queueSize(64).done()
                .build();
        return new Endpoint(remote, name, retries, attempts, gate);
    }

    /** A remote endpoint under the policy. */
    public record Endpoint(String remote, String name, Guard retries, Guard attempts, Gate gate) {

        /** {@code attempt} is called once per attempt. */
        public <T> Uni<T> call(Supplier<Uni<T>> attempt) {
            return call(1, attempt);
        }

        /** {@code attempt}, asking for {@code size} (see {@link Gate}), is called once per attempt. */
        public <T> Uni<T> call(int size, Supplier<Uni<T>> attempt) {
            return guarded(retries, () -> gate.pass(size, () -> guarded(attempts, attempt)));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Uni<T> guarded(Guard guard, Supplier<Uni<T>> attempt) {
        return Uni.createFrom().deferred(() -> (Uni<T>) guard.get(() -> (Uni<Object>) attempt.get(), UNI));
    }

    private static int encode(CircuitBreakerState state) {
        return switch (state) {
            case CLOSED -> 0;
            case OPEN -> 1;
            case HALF_OPEN -> 2;
        };
    }
}
