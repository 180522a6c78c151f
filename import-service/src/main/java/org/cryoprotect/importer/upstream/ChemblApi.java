package org.cryoprotect.importer.upstream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.cryoprotect.common.observability.RequestIdClientFilter;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * ChEMBL's molecule resource. Long id lists go in a form body with {@code X-HTTP-Method-Override:
 * GET}, as chembl_webresource_client does, since URLs over ~4000 characters are refused.
 */
@RegisterProvider(RequestIdClientFilter.class)
@RegisterRestClient(configKey = "chembl")
@Path("/molecule.json")
interface ChemblApi {

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @ClientHeaderParam(name = "X-HTTP-Method-Override", value = "GET")
    Uni<Response> molecules(@FormParam("molecule_chembl_id__in") String ids, @FormParam("limit") int limit);
}
