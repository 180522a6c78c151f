package org.cryoprotect.auth.rest;

import jakarta.ws.rs.core.Response;

import org.cryoprotect.auth.service.TooManyRequests;
import org.cryoprotect.common.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

public class TooManyRequestsMapper {

    @ServerExceptionMapper
    public Response tooMany(TooManyRequests e) {
        return Response.fromResponse(ProblemMappers.respond(e.problem())).header("Retry-After", e.retryAfterSeconds()).build();
    }
}
