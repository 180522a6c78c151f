package org.cryoprotect.importer.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.problem.Problem;
import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.importer.ImportConfig;

/**
 * Open progress streams per user on this replica, at most {@code cryo.import.max-event-streams-per-user}.
 * Taking a slot is one atomic step per user, so simultaneous requests cannot overshoot the limit.
 */
@ApplicationScoped
public class EventStreamSlots {

    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    private final int max;

    public EventStreamSlots(ImportConfig config) {
        this.max = config.maxEventStreamsPerUser();
    }

    /** A slot for one more stream of this user, or 429 when all are taken. Running the result frees it; again is harmless. */
    public Runnable take(String user) {
        boolean[] taken = {false};
        open.compute(user, (key, streams) -> {
            int now = streams == null ? 0 : streams;
            taken[0] = now < max;
            return taken[0] ? now + 1 : streams;
        });
        if (!taken[0]) {
            throw new ProblemException(new Problem(429, "Too Many Requests", "At most " + max
                    + " progress streams may be open per user; close one first"));
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                open.computeIfPresent(user, (key, streams) -> streams > 1 ? streams - 1 : null);
            }
        };
    }
}
