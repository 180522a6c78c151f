package org.cryoprotect.importer.upstream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.common.observability.RequestIdClientFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** PubChem's PUG-View, next to PUG-REST: annotation records, one CID per request. */
@RegisterProvider(RequestIdClientFilter.class)
@RegisterRestClient(configKey = "pubchem-view")
@Path("/data/compound")
interface PugViewApi {

    @GET
    @Path("/{cid}/JSON")
    Uni<Response> record(@PathParam("cid") String cid, @QueryParam("heading") String heading);
}
