package org.cryoprotect.simulator.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The policy on a hand-driven clock: windows slide, blocks start and end. */
class ThrottlePolicyTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final PolicySettings settings = new PolicySettings();
    private final ThrottlePolicy policy = new ThrottlePolicy(settings, now::get);

    @Test
    void fivePerSecondIsAdmittedAndTheSixthIsNot() {
        for (int i = 0; i < 5; i++) {
            assertTrue(policy.admit("a", 100).admitted());
            now.addAndGet(10);
        }
        Decision sixth = policy.admit("a", 100);
        assertEquals(RejectReason.RATE_PER_SECOND, sixth.reason());
        assertEquals(30, sixth.retryAfterSeconds());
        now.addAndGet(1000);
        assertTrue(policy.admit("a", 100).admitted(), "the window slid");
    }

    @Test
    void steadyFivePerSecondNeverHitsTheMinuteLimit() {
        for (int i = 0; i < 5 * 120; i++) {
            Decision d = policy.admit("steady", 100);
            assertNull(d.reason(), "request " + i);
            now.addAndGet(200);
        }
    }

    @Test
    void theTightestSpanSaysHowCloseAClientCameToThePerSecondLimit() {
        for (int i = 0; i < 5; i++) {
            policy.admit("t", 1);
            now.addAndGet(210);
        }
        assertNull(policy.clientStats().get("t").get("tightest_span_ms"), "fewer than six requests");
        policy.admit("t", 1);                   // the sixth, 5 x 210 ms after the first
        now.addAndGet(190);
        policy.admit("t", 1);                   // 210 + 210 + 210 + 210 + 190 after the second
        assertEquals(1030L, policy.clientStats().get("t").get("tightest_span_ms"));
        now.addAndGet(100);
        assertEquals(RejectReason.RATE_PER_SECOND, policy.admit("t", 1).reason());
        assertEquals(1030L, policy.clientStats().get("t").get("tightest_span_ms"), "rejected requests are not spans");
    }

    @Test
    void fourHundredPerMinute() {
        settings.requestsPerSecond = 1000;
        for (int i = 0; i < 400; i++) {
            assertTrue(policy.admit("m", 1).admitted());
            now.addAndGet(100);
        }
        assertEquals(RejectReason.RATE_PER_MINUTE, policy.admit("m", 1).reason());
        now.addAndGet(20_000);
        assertTrue(policy.admit("m", 1).admitted());
    }

    @Test
    void serverTimeBudget() {
        settings.blockAfterViolations = 1_000;
        // Five requests/s of 1.5 s each use 450 s per minute: the time budget binds after 200 requests.
        int admitted = 0;
        for (int i = 0; i < 300; i++) {
            Decision d = policy.admit("slow", 1500);
            if (d.admitted()) {
                admitted++;
            } else {
                assertEquals(RejectReason.SERVER_TIME, d.reason());
                assertTrue(d.throttlingHeader().contains("Request Time status: Black"));
            }
            now.addAndGet(200);
        }
        assertTrue(admitted < 250 && admitted >= 200, "admitted " + admitted);
    }

    @Test
    void violationsEscalateToABlockThatExpires() {
        settings.blockAfterViolations = 3;
        settings.blockDurationMs = 10_000;
        for (int i = 0; i < 8; i++) {
            policy.admit("b", 1);
        }
        now.addAndGet(2_000);
        Decision blocked = policy.admit("b", 1);
        assertEquals(RejectReason.BLOCKED, blocked.reason());
        assertTrue(blocked.throttlingHeader().endsWith(", too many requests per second or blacklisted"));
        assertTrue(policy.blockedClients().containsKey("b"));
        assertTrue(policy.admit("other", 1).admitted());
        now.addAndGet(8_001);
        assertTrue(policy.admit("b", 1).admitted());
        assertTrue(policy.blockedClients().isEmpty());
    }

    @Test
    void headerGrammarAndColours() {
        assertEquals("Green", ThrottlePolicy.colour(49.9, false));
        assertEquals("Yellow", ThrottlePolicy.colour(50, false));
        assertEquals("Yellow", ThrottlePolicy.colour(75, false));
        assertEquals("Red", ThrottlePolicy.colour(76, false));
        assertEquals("Black", ThrottlePolicy.colour(10, true));
        String h = policy.admit("h", 1).throttlingHeader();
        assertEquals("Request Count status: Green (0%), Request Time status: Green (0%), Service status: Green (0%)", h);
    }

    @Test
    void disabledPolicyAdmitsEverything() {
        settings.enabled = false;
        for (int i = 0; i < 50; i++) {
            assertTrue(policy.admit("x", 1).admitted());
        }
    }
}
