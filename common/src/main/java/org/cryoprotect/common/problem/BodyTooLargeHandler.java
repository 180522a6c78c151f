package org.cryoprotect.common.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A body over quarkus.http.limits.max-body-size gets the same problem+json as every other error,
 * naming the limit. Quarkus answers a declared Content-Length over the limit with a bare 413 from a
 * route of order -2; this one runs just before it (and after the request id is set) and, like it,
 * closes the connection once answered, since the body was never read. A 413 raised later (a chunked
 * body) goes through the failure handler.
 */
@ApplicationScoped
public class BodyTooLargeHandler {

    private final long limit;
    private final String detail;

    public BodyTooLargeHandler(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") String maxBodySize) {
        this.limit = new MemorySizeConverter().convert(maxBodySize).asLongValue();
        this.detail = "The request body is larger than the limit of " + describe(limit);
    }

    String detail() {
        return detail;
    }

    void register(@Observes Router router) {
        router.route().order(-3).handler(context -> {
            if (declaredLength(context) > limit) {
                context.response().putHeader(HttpHeaderNames.CONNECTION, "close")
                        .endHandler(ended -> context.request().connection().close());
                respond(context);
            } else {
                context.next();
            }
        });
        router.route().order(-3).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                respond(context);
            } else {
                context.next();
            }
        });
    }

    private void respond(RoutingContext context) {
        context.response().setStatusCode(413).putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(new Problem(413, "Content Too Large", detail)));
    }

    private static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // Vert.x refuses a malformed Content-Length itself
        }
    }

    static String describe(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB (" + bytes + " bytes)";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return (bytes >> 10) + " KiB (" + bytes + " bytes)";
        }
        return bytes + " bytes";
    }
}
