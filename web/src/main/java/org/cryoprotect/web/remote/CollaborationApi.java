package org.cryoprotect.web.remote;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.common.observability.RequestIdClientFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;

/** molecule-service's teams, invitations, projects and mixtures (DESIGN section 5), as the signed-in user. */
@RegisterProvider(RequestIdClientFilter.class)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface CollaborationApi {

    @PUT
    @Path("/me")
    Uni<Response> saveProfile(@HeaderParam("Authorization") String bearer, Map<String, Object> profile);

    @GET
    @Path("/teams")
    Uni<Response> teams(@HeaderParam("Authorization") String bearer);

    @POST
    @Path("/teams")
    Uni<Response> createTeam(@HeaderParam("Authorization") String bearer, Map<String, Object> team);

    @PATCH
    @Path("/teams/{id}")
    Uni<Response> renameTeam(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, Map<String, Object> team);

    @DELETE
    @Path("/teams/{id}")
    Uni<Response> deleteTeam(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Path("/teams/{id}/members")
    Uni<Response> members(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("/teams/{id}/members")
    Uni<Response> putMember(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, Map<String, Object> member);

    @DELETE
    @Path("/teams/{id}/members/{userId}")
    Uni<Response> removeMember(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
            @PathParam("userId") String userId);

    @GET
    @Path("/teams/{id}/invitations")
    Uni<Response> invitations(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("/teams/{id}/invitations")
    Uni<Response> invite(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, Map<String, Object> invitation);

    @DELETE
    @Path("/teams/{id}/invitations/{invitationId}")
    Uni<Response> withdraw(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
            @PathParam("invitationId") String invitationId);

    @GET
    @Path("/invitations")
    Uni<Response> myInvitations(@HeaderParam("Authorization") String bearer);

    @POST
    @Path("/invitations/{id}/accept")
    Uni<Response> accept(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @DELETE
    @Path("/invitations/{id}")
    Uni<Response> decline(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Path("/projects")
    Uni<Response> projects(@HeaderParam("Authorization") String bearer);

    @GET
    @Path("/projects/{id}")
    Uni<Response> project(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("/projects")
    Uni<Response> createProject(@HeaderParam("Authorization") String bearer, Map<String, Object> project);

    @PATCH
    @Path("/projects/{id}")
    Uni<Response> renameProject(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, Map<String, Object> project);

    @DELETE
    @Path("/projects/{id}")
    Uni<Response> deleteProject(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Path("/projects/{id}/molecules")
    Uni<Response> projectMolecules(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
            @RestQuery("limit") int limit);

    @POST
    @Path("/projects/{id}/molecules")
    Uni<Response> link(@HeaderParam("Authorization") String bearer, @PathParam("id") String id, Map<String, Object> link);

    @DELETE
    @Path("/projects/{id}/molecules/{moleculeId}")
    Uni<Response> unlink(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
            @PathParam("moleculeId") String moleculeId);

    @GET
    @Path("/molecules")
    Uni<Response> findMolecules(@HeaderParam("Authorization") String bearer, @RestQuery("q") String q, @RestQuery("limit") int limit);

    @GET
    @Path("/mixtures")
    Uni<Response> mixtures(@HeaderParam("Authorization") String bearer, @RestQuery("q") String q, @RestQuery("limit") int limit);

    @GET
    @Path("/mixtures/{id}")
    Uni<Response> mixture(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("/mixtures")
    Uni<Response> createMixture(@HeaderParam("Authorization") String bearer, Map<String, Object> mixture);
}
