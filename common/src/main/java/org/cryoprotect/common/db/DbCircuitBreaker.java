package org.cryoprotect.common.db;

import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;

/**
 * SmallRye Fault Tolerance's circuit breaker around every database attempt. It counts only failures
 * that say the database is unavailable ({@link DbFailure#isDatabaseDown()}); a constraint violation
 * or a 404 is a success as far as the database's health goes. While open, attempts fail at once
 * with {@link CircuitBreakerOpenException}, which the callers turn into a 503. One per pool: an
 * unreachable replica must not refuse work to the primary.
 */
public class DbCircuitBreaker {

    private static final Logger LOG = Logger.getLogger(DbCircuitBreaker.class);
    private static final TypeLiteral<Uni<Object>> UNI = new TypeLiteral<>() {
    };

    private final Guard guard;

    public DbCircuitBreaker(String poolName, DbConfig config, DbMetrics metrics) {
        DbConfig.CircuitBreaker breaker = config.circuitBreaker();
        this.guard = Guard.create()
                .withDescription("database " + poolName)
                .withCircuitBreaker()
                .name(Databases.DEFAULT.equals(poolName) ? "cryo-database" : "cryo-database-" + poolName)
                .requestVolumeThreshold(breaker.requestVolumeThreshold())
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(breaker.successThreshold())
                .when(failure -> DbFailure.of(failure).isDatabaseDown())
                .onStateChange(state -> {
                    LOG.warnf("Database circuit breaker (%s pool) is now %s", poolName, state);
                    metrics.circuitBreakerState(encode(state));
                })
                .onPrevented(metrics::circuitBreakerRejected)
                .done()
                .build();
    }

    @SuppressWarnings("unchecked")
    public <T> Uni<T> call(Supplier<Uni<T>> attempt) {
        return Uni.createFrom().deferred(() -> (Uni<T>) guard.get(() -> (Uni<Object>) attempt.get(), UNI));
    }

    static int encode(CircuitBreakerState state) {
        return switch (state) {
            case CLOSED -> 0;
            case OPEN -> 1;
            case HALF_OPEN -> 2;
        };
    }
}
