package org.cryoprotect.molecule.rest;

import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.common.problem.Problem;
import org.cryoprotect.common.problem.ProblemMappers;
import org.cryoprotect.common.security.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Scopes gate what a token may do: every change needs {@code molecules:write}; reading needs none. */
public class WriteScopeFilter {

    public static final String WRITE_SCOPE = "molecules:write";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final JsonWebToken token;

    public WriteScopeFilter(JsonWebToken token) {
        this.token = token;
    }

    @ServerRequestFilter
    public Response requireWriteScope(ContainerRequestContext request) {
        if (READS.contains(request.getMethod()) || !request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        Caller caller = Caller.of(token);
        if (caller.isAnonymous() || caller.hasScope(WRITE_SCOPE)) {
            return null; // anonymous writes are refused with 401 by @Authenticated
        }
        return ProblemMappers.respond(new Problem(403, "Forbidden", "This token lacks the scope " + WRITE_SCOPE));
    }
}
