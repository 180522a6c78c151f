package org.cryoprotect.auth.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.cryoprotect.common.problem.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Quarkus refuses a body above quarkus.http.limits.max-body-size with a bare 413 before any JAX-RS
 * mapper runs; this gives it the problem+json body every other error has. A declared Content-Length
 * is refused up front; a chunked body that grows too large fails routing with 413.
 */
@ApplicationScoped
public class BodyTooLarge {

    private final long maxBodySize;

    public BodyTooLarge(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && isAbove(length)) {
                refuse(context);
            } else {
                context.next();
            }
        }).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                refuse(context);
            } else {
                context.next();
            }
        });
    }

    private boolean isAbove(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void refuse(RoutingContext context) {
        context.response().setStatusCode(413)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(Json.encode(new Problem(413, "Content Too Large",
                        "The request body is larger than " + maxBodySize / 1024 + " KiB")));
    }
}
