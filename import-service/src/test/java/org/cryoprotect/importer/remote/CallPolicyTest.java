package org.cryoprotect.importer.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.cryoprotect.importer.remote.CallPolicy.Endpoint;
import org.cryoprotect.importer.remote.CallPolicy.Gate;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;

/** The one call policy: what is retried, what is not, timeouts, the gate per attempt, the circuit breaker. */
@QuarkusTest
@TestProfile(CallPolicyTest.ShortTimeouts.class)
class CallPolicyTest {

    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cryo.import.calls.test.timeout", "300ms", "cryo.import.calls.test.max-retries", "3",
                    "cryo.import.calls.test.max-backoff", "1s");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    CallPolicy policy;

    @Inject
    MeterRegistry registry;

    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger gatePasses = new AtomicInteger();

    private final Gate countingGate = new Gate() {
        @Override
        public <T> Uni<T> pass(int size, Supplier<Uni<T>> attempt) {
            gatePasses.incrementAndGet();
            return attempt.get();
        }
    };

    private Endpoint endpoint() {
        return policy.endpoint("test", UUID.randomUUID().toString(), countingGate);
    }

    /** Fails the first {@code failures} attempts with {@code failure}, then answers "ok". */
    private Supplier<Uni<String>> failing(int failures, Supplier<Throwable> failure) {
        return () -> attempts.incrementAndGet() <= failures ? Uni.createFrom().failure(failure.get())
                : Uni.createFrom().item("ok");
    }

    @Test
    void unavailableRemotesAreRetriedEachAttemptThroughTheGate() {
        String answer = endpoint().call(failing(2, () -> new RemoteUnavailableException("busy")))
                .await().atMost(WAIT);
        assertEquals("ok", answer);
        assertEquals(3, attempts.get());
        assertEquals(3, gatePasses.get(), "every attempt waits at the gate");
    }

    @Test
    void refusalsAreNotRetried() {
        Uni<String> call = endpoint().call(failing(5, () -> new RemoteRefusedException("400")));
        assertInstanceOf(RemoteRefusedException.class, assertThrows(RuntimeException.class, () -> call.await().atMost(WAIT)));
        assertEquals(1, attempts.get());
    }

    @Test
    void anAttemptThatHangsTimesOutAndIsRetried() {
        String answer = endpoint().call(() -> attempts.incrementAndGet() == 1 ? Uni.createFrom().<String>nothing()
                : Uni.createFrom().item("ok")).await().atMost(WAIT);
        assertEquals("ok", answer);
        assertEquals(2, attempts.get());
    }

    @Test
    void theRetryBudgetEnds() {
        Uni<String> call = endpoint().call(failing(100, () -> new RemoteUnavailableException("down")));
        assertThrows(RemoteUnavailableException.class, () -> call.await().atMost(WAIT));
        assertEquals(4, attempts.get(), "the first attempt and 3 retries");
    }

    @Test
    void theCircuitOpensOnFailuresButNotOnRefusals() {
        Endpoint refused = endpoint();
        for (int i = 0; i < 15; i++) {
            Uni<String> call = refused.call(failing(100, () -> new RemoteRefusedException("400")));
            assertThrows(RemoteRefusedException.class, () -> call.await().atMost(WAIT));
        }
        assertEquals(0.0, breakerState(refused), "refusals say nothing about the remote's health");

        Endpoint down = endpoint();
        attempts.set(0);
        for (int i = 0; i < 3; i++) { // 4 attempts each: the breaker opens after 10
            Uni<String> call = down.call(failing(1000, () -> new RemoteUnavailableException("down")));
            assertThrows(RuntimeException.class, () -> call.await().atMost(WAIT));
        }
        assertEquals(1.0, breakerState(down));
        int before = attempts.get();
        Uni<String> call = down.call(failing(1000, () -> new RemoteUnavailableException("down")));
        assertInstanceOf(CircuitBreakerOpenException.class, assertThrows(RuntimeException.class, () -> call.await().atMost(WAIT)));
        assertEquals(before, attempts.get(), "an open circuit sends nothing");
    }

    private double breakerState(Endpoint endpoint) {
        return registry.get("cryo.import.circuit.breaker.state").tag("name", "test-" + endpoint.name()).gauge().value();
    }
}
