package org.cryoprotect.auth.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cryoprotect.auth.service.RevocationEvent;
import org.cryoprotect.auth.service.Revocations;
import org.cryoprotect.common.problem.ProblemException;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The feed every service follows. It carries only token ids, client ids and user ids — nothing
 * usable without the tokens themselves — and is meant for the cluster network (see k8s NetworkPolicy).
 */
@Path("/api/revocations")
public class RevocationFeedResource {

    private final Revocations revocations;

    public RevocationFeedResource(Revocations revocations) {
        this.revocations = revocations;
    }

    /** Catch-up read: the still-relevant events after {@code since}. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<RevocationEvent>> since(@RestQuery String since) {
        return revocations.since(sequence(since));
    }

    /** Server-sent events: the catch-up from {@code since}, then each revocation as it happens. */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<RevocationEvent> stream(@RestQuery String since) {
        return revocations.feed(sequence(since));
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
