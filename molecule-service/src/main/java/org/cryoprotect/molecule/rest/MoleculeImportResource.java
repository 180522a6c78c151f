package org.cryoprotect.molecule.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cryoprotect.common.problem.Problem;
import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.exchange.FileFormat;
import org.cryoprotect.molecule.model.ImportResponse;
import org.cryoprotect.molecule.service.MoleculeImportService;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestHeader;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * POST /api/molecules/import: an SD file (V2000, V3000), a SMILES file or a CSV file, by its
 * Content-Type; at most {@value MoleculeImportService#MAX_RECORDS} records. The caller's own private
 * molecules (registry rows for the service role), with a result per record.
 */
@Path("/api/molecules/import")
public class MoleculeImportResource {

    private final MoleculeImportService imports;
    private final JsonWebToken token;

    public MoleculeImportResource(MoleculeImportService imports, JsonWebToken token) {
        this.imports = imports;
        this.token = token;
    }

    @POST
    @Authenticated
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ImportResponse> importFile(@RestHeader("Content-Type") String contentType, String body) {
        FileFormat format = FileFormat.ofContentType(contentType).orElseThrow(() -> new ProblemException(new Problem(415,
                "Unsupported Media Type", "Content-Type must be " + FileFormat.SDF_TYPE + " (SDF, V2000 or V3000), "
                        + FileFormat.SMILES_TYPE + " or text/plain (one 'SMILES name' per line), or " + FileFormat.CSV_TYPE
                        + " (with a header naming a smiles column)")));
        return imports.importFile(Caller.of(token), format, body == null ? "" : body);
    }
}
