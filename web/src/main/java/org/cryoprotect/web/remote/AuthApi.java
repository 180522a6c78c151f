package org.cryoprotect.web.remote;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.common.observability.RequestIdClientFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

import io.smallrye.mutiny.Uni;

/** auth-service's account and OAuth endpoints (DESIGN section 5). */
@RegisterProvider(RequestIdClientFilter.class)
@Produces(MediaType.APPLICATION_JSON)
interface AuthApi {

    @POST
    @Path("/api/auth/signup")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> signup(@HeaderParam("X-Forwarded-For") String browser, Map<String, String> body);

    @POST
    @Path("/api/auth/login")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> login(@HeaderParam("X-Forwarded-For") String browser, Map<String, String> body);

    @POST
    @Path("/oauth/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Response> token(MultivaluedMap<String, String> form);

    @POST
    @Path("/oauth/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Response> revoke(@HeaderParam("Authorization") String bearer, MultivaluedMap<String, String> form);
}
