package org.cryoprotect.web.remote;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cryoprotect.common.observability.RequestIdClientFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.jboss.resteasy.reactive.RestStreamElementType;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Multi;

/** import-service's server-sent progress of a job: the job's JSON each time it changes, until it is finished. */
@RegisterProvider(RequestIdClientFilter.class)
@Path("/api/imports")
interface ImportEventsApi {

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    Multi<JsonNode> events(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);
}
