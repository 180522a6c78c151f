package org.cryoprotect.importer.upstream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.common.observability.RequestIdClientFilter;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * ChEMBL's molecule and activity resources. Long id lists go in a form body with
 * {@code X-HTTP-Method-Override: GET}, as chembl_webresource_client does, since URLs over ~4000
 * characters are refused.
 */
@RegisterProvider(RequestIdClientFilter.class)
@RegisterRestClient(configKey = "chembl")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@ClientHeaderParam(name = "X-HTTP-Method-Override", value = "GET")
interface ChemblApi {

    @POST
    @Path("/molecule.json")
    Uni<Response> molecules(@FormParam("molecule_chembl_id__in") String ids, @FormParam("limit") int limit);

    @POST
    @Path("/activity.json")
    Uni<Response> activities(@FormParam("molecule_chembl_id__in") String ids, @FormParam("standard_type__in") String types,
            @FormParam("limit") int limit, @FormParam("offset") int offset);
}
