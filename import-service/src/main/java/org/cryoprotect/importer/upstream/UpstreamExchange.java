package org.cryoprotect.importer.upstream;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.importer.ratelimit.RateAdjustment;
import org.cryoprotect.importer.ratelimit.RateLimiter;
import org.cryoprotect.importer.ratelimit.ThrottlingStatus;
import org.cryoprotect.importer.service.ChunkSizer;
import org.cryoprotect.importer.service.ImportMetrics;

import io.smallrye.mutiny.Uni;

/**
 * One request to an upstream: reads the answer, counts it, feeds its throttling signals to the
 * shared rate limiter, and turns statuses worth retrying (429, 5xx) and transport failures into
 * {@link UpstreamUnavailableException}. Everything else is the caller's to interpret.
 */
@ApplicationScoped
public class UpstreamExchange {

    private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);

    private final RateLimiter limiter;
    private final ChunkSizer sizer;
    private final ImportMetrics metrics;

    public UpstreamExchange(RateLimiter limiter, ChunkSizer sizer, ImportMetrics metrics) {
        this.limiter = limiter;
        this.sizer = sizer;
        this.metrics = metrics;
    }

    public Uni<UpstreamReply> send(String upstream, String endpoint, Supplier<Uni<Response>> request) {
        long start = System.nanoTime();
        return Uni.createFrom().deferred(request::get)
                .onFailure().transform(e -> {
                    metrics.upstreamRequest(upstream, endpoint, "connection_error");
                    sizer.shrink(upstream);
                    return new UpstreamUnavailableException("cannot reach " + upstream + ": " + e.getMessage());
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
                        throw new UpstreamUnavailableException(upstream + " " + endpoint + ": " + reply.summary());
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
