package org.cryoprotect.web.remote;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.common.observability.RequestIdClientFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;

/** import-service's jobs (DESIGN section 5), as the signed-in user. */
@RegisterProvider(RequestIdClientFilter.class)
@Path("/api/imports")
@Produces(MediaType.APPLICATION_JSON)
interface ImportApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> create(@HeaderParam("Authorization") String bearer, Map<String, Object> job);

    @GET
    Uni<Response> list(@HeaderParam("Authorization") String bearer, @RestQuery Map<String, String> query);

    @GET
    @Path("/{id}")
    Uni<Response> get(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Path("/{id}/failures")
    Uni<Response> failures(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
            @RestQuery Map<String, String> query);

    @POST
    @Path("/{id}/cancel")
    Uni<Response> cancel(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("/{id}/resume")
    Uni<Response> resume(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);
}
