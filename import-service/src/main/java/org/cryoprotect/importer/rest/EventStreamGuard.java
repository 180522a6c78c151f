package org.cryoprotect.importer.rest;

import java.util.UUID;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.common.problem.ProblemMappers;
import org.cryoprotect.common.security.Caller;
import org.cryoprotect.importer.service.ImportService;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.smallrye.mutiny.Uni;

/**
 * Once a server-sent event stream has begun, errors can no longer change its status; so the job
 * of {@code GET /api/imports/{id}/events} is looked up before the stream starts.
 */
public class EventStreamGuard {

    private final ImportService imports;
    private final JsonWebToken token;

    public EventStreamGuard(ImportService imports, JsonWebToken token) {
        this.imports = imports;
        this.token = token;
    }

    @ServerRequestFilter
    public Uni<Response> jobMustBeVisible(ContainerRequestContext request) {
        String id = request.getUriInfo().getPathParameters().getFirst("id");
        if (id == null || !request.getUriInfo().getPath().endsWith("/events") || token.getRawToken() == null) {
            return Uni.createFrom().nullItem();
        }
        UUID job;
        try {
            job = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().nullItem(); // the resource answers 404 for ids that are no UUID
        }
        return imports.get(Caller.of(token), token.getSubject(), job).map(found -> (Response) null)
                .onFailure(ProblemException.class).recoverWithItem(e -> ProblemMappers.respond(((ProblemException) e).problem()));
    }
}
