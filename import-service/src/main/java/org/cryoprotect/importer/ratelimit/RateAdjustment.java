package org.cryoprotect.importer.ratelimit;

import java.time.Duration;
import java.util.OptionalLong;

import org.cryoprotect.importer.ratelimit.ThrottlingStatus.Colour;

/**
 * How one upstream response moves the shared rate: multiply the rate factor (slow down), add to it
 * (recover gradually), and pause everyone for a while (Retry-After, a block).
 *
 * Request Count Yellow is the expected state at the pace the limiter keeps (255 of 400 requests a
 * minute is 64 %), so it is neutral; Red and Black slow down. Request Time Yellow is the chunk
 * size's business (see ChunkSizer); Red and Black slow down too. Service status reflects everyone's
 * load on PubChem, so it slows us down from Yellow on.
 */
public record RateAdjustment(double multiply, double add, Duration pause) {

    static final double RECOVERY_STEP = 0.05;
    static final Duration PAUSE_WITHOUT_RETRY_AFTER = Duration.ofSeconds(2);
    public static final RateAdjustment NONE = new RateAdjustment(1, 0, Duration.ZERO);

    public static RateAdjustment forResponse(int status, ThrottlingStatus throttling, OptionalLong retryAfterSeconds) {
        boolean refused = status == 503 || status == 429;
        if (refused || throttling.blocked()) {
            Duration pause = retryAfterSeconds.isPresent() ? Duration.ofSeconds(retryAfterSeconds.getAsLong())
                    : throttling.remainingBlockSeconds().map(Duration::ofSeconds).orElse(PAUSE_WITHOUT_RETRY_AFTER);
            return new RateAdjustment(0.5, 0, pause);
        }
        double multiply = Math.min(limitFactor(throttling.requestCount()),
                Math.min(limitFactor(throttling.requestTime()), serviceFactor(throttling.service())));
        return new RateAdjustment(multiply, multiply == 1 ? RECOVERY_STEP : 0, Duration.ZERO);
    }

    private static double limitFactor(Colour colour) {
        return switch (colour) {
            case GREEN, YELLOW -> 1;
            case RED -> 0.8;
            case BLACK -> 0.5;
        };
    }

    private static double serviceFactor(Colour colour) {
        return switch (colour) {
            case GREEN -> 1;
            case YELLOW -> 0.9;
            case RED -> 0.7;
            case BLACK -> 0.5;
        };
    }

    public boolean changesNothing() {
        return multiply == 1 && add == 0 && pause.isZero();
    }

    public boolean slowsDown() {
        return multiply < 1 || !pause.isZero();
    }
}
