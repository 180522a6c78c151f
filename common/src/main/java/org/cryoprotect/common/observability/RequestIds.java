package org.cryoprotect.common.observability;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;

/**
 * Every request has an id: the caller's {@code X-Request-Id} when it is sane, a new UUID otherwise.
 * It is in the MDC (so in every log line of the request, {@code request_id} in JSON logs), echoed in
 * the response, and {@link RequestIdClientFilter} passes it on to the services this one calls.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            String id = accept(context.request().getHeader(HEADER));
            context.put(MDC_KEY, id);
            MDC.put(MDC_KEY, id);
            context.response().putHeader(HEADER, id);
            context.next();
        });
    }

    /** The id of the request being handled on this context, if any. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    static String accept(String presented) {
        return presented != null && SANE.matcher(presented).matches() ? presented : UUID.randomUUID().toString();
    }
}
