package org.cryoprotect.importer.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.common.observability.RequestIdClientFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

@RegisterProvider(RequestIdClientFilter.class)
@RegisterRestClient(configKey = "molecule-service")
@Path("/api")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface MoleculeServiceApi {

    @POST
    @Path("/molecules/batch")
    Uni<Response> batch(@HeaderParam("Authorization") String bearer, BatchRequest request);

    @POST
    @Path("/toxicity/batch")
    Uni<Response> toxicity(@HeaderParam("Authorization") String bearer, ToxicityBatch batch);
}
