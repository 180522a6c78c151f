package org.cryoprotect.molecule.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cryoprotect.molecule.model.Page;
import org.cryoprotect.molecule.model.PublicMolecule;
import org.cryoprotect.molecule.repository.Cursor;
import org.cryoprotect.molecule.service.PublicMoleculeService;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;

/** The public registry for anonymous visitors, served from the materialized view. */
@Path("/api/public/molecules")
@Produces(MediaType.APPLICATION_JSON)
public class PublicMoleculeResource {

    private final PublicMoleculeService publicMolecules;
    private final RequestParams params;

    public PublicMoleculeResource(PublicMoleculeService publicMolecules, RequestParams params) {
        this.publicMolecules = publicMolecules;
        this.params = params;
    }

    @GET
    public Uni<Page<PublicMolecule>> list(@RestQuery String q, @RestQuery String limit, @RestQuery String cursor) {
        return publicMolecules.list(RequestParams.text("q", q), params.limit(limit), Cursor.decode(cursor));
    }
}
