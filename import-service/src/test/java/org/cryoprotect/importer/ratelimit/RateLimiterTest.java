package org.cryoprotect.importer.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The shared limiter (real PostgreSQL) against a stand-in upstream that judges the way PubChem
 * does: by arrival. Forty concurrent requests, each reaching the upstream 1 to 25 ms after it was
 * sent and answered after 40 ms to 3 s of server time: no request may arrive as the sixth within
 * one second.
 */
@QuarkusTest
class RateLimiterTest {

    private static final int PER_SECOND = 5;
    private static final long SECOND = 1_000_000_000L;

    @Inject
    RateLimiter limiter;

    @Test
    void noSixRequestsArriveWithinOneSecondWhateverTheirLatency() {
        List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
        List<Integer> answered = Multi.createFrom().range(0, 40)
                .onItem().transformToUni(i -> limiter.limited("pubchem", "test", 1, () -> upstream(i, arrivals)))
                .merge(40)
                .collect().asList()
                .await().atMost(Duration.ofMinutes(2));

        assertEquals(40, answered.size());
        List<Long> sorted = new ArrayList<>(arrivals);
        Collections.sort(sorted);
        for (int i = PER_SECOND; i < sorted.size(); i++) {
            long span = sorted.get(i) - sorted.get(i - PER_SECOND);
            assertTrue(span >= SECOND, "arrival " + i + " was the sixth within " + span / 1_000_000 + " ms");
        }
    }

    /** Arrives 1 to 25 ms after it was sent and is answered after 40 to 440 ms, or after 3 s. */
    private static Uni<Integer> upstream(int i, List<Long> arrivals) {
        long network = ThreadLocalRandom.current().nextLong(1, 25);
        long serverTime = i % 7 == 0 ? 3_000 : 40 + ThreadLocalRandom.current().nextLong(0, 400);
        return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(network))
                .invoke(() -> arrivals.add(System.nanoTime()))
                .onItem().delayIt().by(Duration.ofMillis(serverTime))
                .replaceWith(i);
    }
}
