package org.cryoprotect.common.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * A bad bearer token is refused during proactive authentication, before any JAX-RS mapper runs;
 * this gives that 401 the same problem+json body as every other error.
 */
@ApplicationScoped
public class AuthenticationFailureHandler {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.failure() instanceof AuthenticationFailedException && !context.response().headWritten()) {
                context.response().setStatusCode(401)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                        .end(Json.encode(new Problem(401, "Unauthorized", "The bearer token is invalid, expired or revoked")));
            } else {
                context.next();
            }
        });
    }
}
