package org.cryoprotect.importer.rest;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.cryoprotect.common.problem.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A body larger than {@code quarkus.http.limits.max-body-size} is refused with 413 problem+json
 * (Quarkus itself answers an empty 413), by its Content-Length, before any of it is read.
 * Local to import-service until common has one such handler for every service.
 */
@ApplicationScoped
public class OversizedBodies {

    private final Optional<MemorySize> maxBodySize;

    public OversizedBodies(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    void register(@Observes Router router) {
        maxBodySize.ifPresent(max -> {
            // before Quarkus's own limit handler (order -2)
            router.route().order(Integer.MIN_VALUE).handler(context -> refuseIfLarger(context, max.asLongValue()));
            router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
                if (context.statusCode() == 413 && !context.response().headWritten()) {
                    respond(context, max.asLongValue());
                } else {
                    context.next();
                }
            });
        });
    }

    private static void refuseIfLarger(RoutingContext context, long max) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            declared = -1; // Vert.x refuses a malformed Content-Length itself
        }
        if (declared > max) {
            respond(context, max);
        } else {
            context.next();
        }
    }

    private static void respond(RoutingContext context, long max) {
        // the rest of the body is not read: the connection cannot be reused
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Json.encode(new Problem(413, "Content Too Large",
                        "The request body is larger than " + max + " bytes; split an import into several")));
    }
}
