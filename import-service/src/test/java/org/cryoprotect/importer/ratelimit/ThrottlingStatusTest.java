package org.cryoprotect.importer.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import org.cryoprotect.importer.ratelimit.ThrottlingStatus.Colour;
import org.junit.jupiter.api.Test;

class ThrottlingStatusTest {

    @Test
    void readsPubChemsDocumentedHeader() {
        ThrottlingStatus status = ThrottlingStatus.parse(
                "Request Count status: Green (0%), Request Time status: Yellow (55%), Service status: Red (80%)");
        assertEquals(Colour.GREEN, status.requestCount());
        assertEquals(Colour.YELLOW, status.requestTime());
        assertEquals(Colour.RED, status.service());
        assertEquals(Optional.empty(), status.tail());
        assertFalse(status.blocked());
    }

    @Test
    void theObservedBlockTailMeansBlockedEvenWhenTheCountersAreGreen() {
        ThrottlingStatus status = ThrottlingStatus.parse("Request Count status: Green (0%), Request Time status: Green (0%), "
                + "Service status: Green (13%), too many requests per second or blacklisted");
        assertTrue(status.blocked());
        assertEquals(Optional.of("too many requests per second or blacklisted"), status.tail());
    }

    @Test
    void readsTheRemainingBlockingTime() {
        ThrottlingStatus status = ThrottlingStatus.parse("Request Count status: Black (100%), Request Time status: Green (0%), "
                + "Service status: Green (1%), Remaining blocking time: 0:3:59");
        assertTrue(status.blocked());
        assertEquals(Optional.of(239L), status.remainingBlockSeconds());
    }

    @Test
    void aMissingOrGarbledHeaderIsNoSignal() {
        assertEquals(ThrottlingStatus.UNKNOWN, ThrottlingStatus.parse(null));
        assertFalse(ThrottlingStatus.parse("nonsense").blocked());
    }

    @Test
    void a503PausesForRetryAfterAndHalvesTheRate() {
        RateAdjustment adjustment = RateAdjustment.forResponse(503, ThrottlingStatus.UNKNOWN, OptionalLong.of(30));
        assertEquals(0.5, adjustment.multiply());
        assertEquals(Duration.ofSeconds(30), adjustment.pause());
    }

    @Test
    void anHtml503WithoutRetryAfterStillPausesBriefly() {
        RateAdjustment adjustment = RateAdjustment.forResponse(503, ThrottlingStatus.UNKNOWN, OptionalLong.empty());
        assertTrue(adjustment.pause().compareTo(Duration.ZERO) > 0);
    }

    @Test
    void countYellowIsTheExpectedPaceAndRecovers() {
        RateAdjustment adjustment = RateAdjustment.forResponse(200, ThrottlingStatus.parse(
                "Request Count status: Yellow (71%), Request Time status: Green (10%), Service status: Green (3%)"),
                OptionalLong.empty());
        assertEquals(1, adjustment.multiply());
        assertTrue(adjustment.add() > 0);
    }

    @Test
    void redAndBusyServiceSlowDown() {
        assertEquals(0.8, RateAdjustment.forResponse(200, ThrottlingStatus.parse(
                "Request Count status: Red (80%), Request Time status: Green (0%), Service status: Green (3%)"),
                OptionalLong.empty()).multiply());
        assertEquals(0.9, RateAdjustment.forResponse(200, ThrottlingStatus.parse(
                "Request Count status: Green (8%), Request Time status: Green (0%), Service status: Yellow (60%)"),
                OptionalLong.empty()).multiply());
        RateAdjustment black = RateAdjustment.forResponse(200, ThrottlingStatus.parse(
                "Request Count status: Green (8%), Request Time status: Green (0%), Service status: Black (99%)"),
                OptionalLong.empty());
        assertEquals(0.5, black.multiply());
        assertEquals(0, black.add());
    }
}
