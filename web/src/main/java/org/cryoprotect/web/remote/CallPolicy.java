package org.cryoprotect.web.remote;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;

/**
 * The one fault-tolerance policy of web's calls to the services, as import-service's: reads are
 * retried with backoff and jitter on {@link RemoteUnavailable}, timeouts and an open circuit; writes
 * are not retried (a user's click is not repeated behind their back). Each endpoint has its own
 * circuit breaker; a {@link RemoteProblem} (the service said no) never opens it.
 */
public final class CallPolicy {

    private static final TypeLiteral<Uni<Object>> UNI = new TypeLiteral<>() {
    };

    private final Guard guard;

    private CallPolicy(Guard guard) {
        this.guard = guard;
    }

    /** Safe to repeat: retried. */
    public static CallPolicy read(String name, Duration timeout) {
        return new CallPolicy(Guard.create().withDescription(name)
                .withRetry().maxRetries(2).delay(100, ChronoUnit.MILLIS).jitter(50, ChronoUnit.MILLIS)
                .maxDuration(timeout.toMillis() * 3, ChronoUnit.MILLIS)
                .retryOn(List.of(RemoteUnavailable.class, TimeoutException.class))
                .abortOn(List.of(RemoteProblem.class, CircuitBreakerOpenException.class, BulkheadException.class))
                .done()
                .withCircuitBreaker().name(name).requestVolumeThreshold(20).failureRatio(0.5)
                .delay(5, ChronoUnit.SECONDS).successThreshold(2).skipOn(RemoteProblem.class).done()
                .withTimeout().duration(timeout.toMillis(), ChronoUnit.MILLIS).done()
                .build());
    }

    /** Not repeated. */
    public static CallPolicy write(String name, Duration timeout) {
        return new CallPolicy(Guard.create().withDescription(name)
                .withCircuitBreaker().name(name).requestVolumeThreshold(20).failureRatio(0.5)
                .delay(5, ChronoUnit.SECONDS).successThreshold(2).skipOn(RemoteProblem.class).done()
                .withTimeout().duration(timeout.toMillis(), ChronoUnit.MILLIS).done()
                .build());
    }

    @SuppressWarnings("unchecked")
    public <T> Uni<T> call(Supplier<Uni<T>> attempt) {
        return Uni.createFrom().deferred(() -> (Uni<T>) guard.get(() -> (Uni<Object>) attempt.get(), UNI))
                .onFailure(f -> f instanceof TimeoutException || f instanceof CircuitBreakerOpenException
                        || f instanceof BulkheadException)
                .transform(f -> new RemoteUnavailable("the service did not answer in time (" + f.getClass().getSimpleName() + ")"));
    }
}
