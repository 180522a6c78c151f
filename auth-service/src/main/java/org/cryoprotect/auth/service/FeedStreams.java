package org.cryoprotect.auth.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.auth.AuthConfig;

import io.smallrye.mutiny.Multi;

/** Caps the revocation-feed streams each client holds open on this replica. */
@ApplicationScoped
public class FeedStreams {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    private final int maxPerClient;

    public FeedStreams(AuthConfig config) {
        this.maxPerClient = config.feed().maxStreamsPerClient();
    }

    /** The stream, counted against the client until it ends, fails or is cancelled; or a 429. */
    public <T> Multi<T> open(String clientId, Supplier<Multi<T>> stream) {
        boolean[] admitted = new boolean[1];
        open.compute(clientId, (id, count) -> {
            int current = count == null ? 0 : count;
            admitted[0] = current < maxPerClient;
            return admitted[0] ? current + 1 : count;
        });
        if (!admitted[0]) {
            throw new TooManyRequests("Client " + clientId + " already holds " + maxPerClient
                    + " revocation-feed streams open", RETRY_AFTER);
        }
        AtomicBoolean closed = new AtomicBoolean();
        return stream.get().onTermination().invoke(() -> {
            if (closed.compareAndSet(false, true)) {
                open.computeIfPresent(clientId, (id, count) -> count <= 1 ? null : count - 1);
            }
        });
    }

    public int openStreams(String clientId) {
        return open.getOrDefault(clientId, 0);
    }
}
