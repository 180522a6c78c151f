package org.cryoprotect.web.remote;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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

/** molecule-service, as the signed-in user (bearer null: anonymous, public rows only). */
@RegisterProvider(RequestIdClientFilter.class)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
interface MoleculeApi {

    @GET
    @Path("/molecules")
    Uni<Response> search(@HeaderParam("Authorization") String bearer, @RestQuery Map<String, String> query);

    @GET
    @Path("/molecules/{id}")
    Uni<Response> get(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("/molecules")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> create(@HeaderParam("Authorization") String bearer, Map<String, Object> molecule);

    @PATCH
    @Path("/molecules/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> update(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, Map<String, Object> patch);

    @GET
    @Path("/molecules/{id}/permissions")
    Uni<Response> permissions(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Path("/molecules/{id}/depiction.svg")
    @Produces("image/svg+xml")
    Uni<Response> depiction(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
            @HeaderParam("If-None-Match") String ifNoneMatch);

    @GET
    @Path("/molecules/{id}/toxicity")
    Uni<Response> toxicity(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
            @RestQuery("limit") int limit);

    @GET
    @Path("/mixtures")
    Uni<Response> mixtures(@HeaderParam("Authorization") String bearer, @RestQuery("limit") int limit,
            @RestQuery("cursor") String cursor);

    @GET
    @Path("/projects")
    Uni<Response> projects(@HeaderParam("Authorization") String bearer);

    @GET
    @Path("/projects/{id}/molecules")
    Uni<Response> projectMolecules(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
            @RestQuery("limit") int limit);
}
