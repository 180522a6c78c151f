package org.cryoprotect.importer.upstream;

import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.importer.metrics.ImportMetrics;
import org.cryoprotect.importer.ratelimit.RateAdjustment;
import org.cryoprotect.importer.ratelimit.RateLimiter;
import org.cryoprotect.importer.ratelimit.ThrottlingStatus;
import org.cryoprotect.importer.remote.CallPolicy;
import org.cryoprotect.importer.remote.CallPolicy.Endpoint;
import org.cryoprotect.importer.remote.CallPolicy.Gate;
import org.cryoprotect.importer.remote.RemoteUnavailableException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import io.smallrye.mutiny.Uni;

/**
 * PubChem's and ChEMBL's endpoints under the call policy. Every attempt waits for a slot of the
 * upstream's shared rate limiter; every answer is counted, feeds its throttling signals to the
 * limiter and its latency to the chunk sizer; statuses worth retrying (429, 5xx) and transport
 * failures become {@link RemoteUnavailableException}. Everything else is the reader's to interpret,
 * within the attempt, so a garbled body is retried like a 503.
 */
@ApplicationScoped
public class Upstream {

    private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);

    private final CallPolicy policy;
    private final RateLimiter limiter;
    private final ChunkSizer sizer;
    private final ImportMetrics metrics;

    public Upstream(CallPolicy policy, RateLimiter limiter, ChunkSizer sizer, ImportMetrics metrics) {
        this.policy = policy;
        this.limiter = limiter;
        this.sizer = sizer;
        this.metrics = metrics;
    }

    /** An endpoint of {@code upstream}, with its own circuit breaker; create it once. */
    Endpoint endpoint(String upstream, String name) {
        return policy.endpoint(upstream, name, new Gate() {
            @Override
            public <T> Uni<T> pass(int size, Supplier<Uni<T>> attempt) {
                return limiter.limited(upstream, name, size, attempt)
                        .onFailure(TimeoutException.class).invoke(() -> sizer.shrink(upstream));
            }
        });
    }

    /** Sends {@code request} for {@code size} ids or records (once per attempt) and reads the answer with {@code read}. */
    <T> Uni<T> call(Endpoint endpoint, int size, Supplier<Uni<Response>> request, Function<UpstreamReply, T> read) {
        return endpoint.call(size, () -> send(endpoint.remote(), endpoint.name(), request).map(read));
    }

    private Uni<UpstreamReply> send(String upstream, String endpoint, Supplier<Uni<Response>> request) {
        long start = System.nanoTime();
        return Uni.createFrom().deferred(request::get)
                .onFailure().transform(e -> {
                    metrics.upstreamRequest(upstream, endpoint, "connection_error");
                    sizer.shrink(upstream);
                    return new RemoteUnavailableException("cannot reach " + upstream + ": " + e.getMessage());
                })
                .map(response -> read(upstream, response, Duration.ofNanos(System.nanoTime() - start)))
                .call(reply -> throttle(upstream, reply))
                .invoke(reply -> {
                    metrics.upstreamRequest(upstream, endpoint, String.valueOf(reply.status()));
                    if (reply.status() == 200) {
                        sizer.succeeded(upstream, reply.latency(),
                                reply.throttling().requestTime().compareTo(ThrottlingStatus.Colour.YELLOW) >= 0);
                    }
                    if (RETRYABLE.contains(reply.status())) {
                        sizer.shrink(upstream);
                        throw new RemoteUnavailableException(upstream + " " + endpoint + ": " + reply.summary());
                    }
                });
    }

    private Uni<Void> throttle(String upstream, UpstreamReply reply) {
        RateAdjustment adjustment = RateAdjustment.forResponse(reply.status(), reply.throttling(),
                reply.retryAfterSeconds());
        if (adjustment.slowsDown()) {
            metrics.throttled(upstream, reply.status() == 503 || reply.status() == 429 ? String.valueOf(reply.status())
                    : "header");
        }
        return limiter.adjust(upstream, adjustment);
    }

    private static UpstreamReply read(String upstream, Response response, Duration latency) {
        try (response) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            return new UpstreamReply(upstream, response.getStatus(), body,
                    ThrottlingStatus.parse(response.getHeaderString("X-Throttling-Control")),
                    UpstreamReply.retryAfter(response.getHeaderString("Retry-After")), latency);
        }
    }
}
