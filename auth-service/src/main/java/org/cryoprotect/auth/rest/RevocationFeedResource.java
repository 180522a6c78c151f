package org.cryoprotect.auth.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cryoprotect.auth.service.FeedStreams;
import org.cryoprotect.auth.service.RevocationEvent;
import org.cryoprotect.auth.service.Revocations;
import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.common.security.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The feed every service follows, with a service token of its own client (role service_role,
 * audience auth-service). It carries only token ids, client ids and user ids — nothing usable
 * without the tokens themselves — and is meant for the cluster network (see k8s NetworkPolicy).
 */
@Path("/api/revocations")
@Authenticated
public class RevocationFeedResource {

    private final Revocations revocations;
    private final FeedStreams streams;
    private final JsonWebToken token;

    public RevocationFeedResource(Revocations revocations, FeedStreams streams, JsonWebToken token) {
        this.revocations = revocations;
        this.streams = streams;
        this.token = token;
    }

    /** Catch-up read: the still-relevant events after {@code since}. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<RevocationEvent>> since(@RestQuery String since) {
        requireService();
        return revocations.since(sequence(since));
    }

    /** Server-sent events: the catch-up from {@code since}, then each revocation as it happens. */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<RevocationEvent> stream(@RestQuery String since) {
        Caller caller = requireService();
        long from = sequence(since);
        return streams.open(caller.clientId(), () -> revocations.feed(from));
    }

    private Caller requireService() {
        Caller caller = Caller.of(token);
        if (!caller.isService()) {
            throw ProblemException.forbidden("The revocation feed is for service clients");
        }
        return caller;
    }

    private static long sequence(String since) {
        if (since == null || since.isBlank()) {
            return 0;
        }
        try {
            long value = Long.parseLong(since.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalidField("since", "must be a sequence number (0 or more)");
    }
}
