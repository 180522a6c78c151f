package org.cryoprotect.importer.upstream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.common.observability.RequestIdClientFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** PUG-REST, with CIDs in a form body as PubChem recommends for lists. */
@RegisterProvider(RequestIdClientFilter.class)
@RegisterRestClient(configKey = "pubchem")
@Path("/compound/cid")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
interface PubChemApi {

    @POST
    @Path("/property/{properties}/JSON")
    Uni<Response> properties(@PathParam("properties") String properties, @FormParam("cid") String cids);

    @POST
    @Path("/synonyms/JSON")
    Uni<Response> synonyms(@FormParam("cid") String cids);
}
