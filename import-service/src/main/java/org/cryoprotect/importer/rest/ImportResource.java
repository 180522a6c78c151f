package org.cryoprotect.importer.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.common.security.Caller;
import org.cryoprotect.importer.model.FailurePage;
import org.cryoprotect.importer.model.ImportJob;
import org.cryoprotect.importer.model.JobList;
import org.cryoprotect.importer.model.NewImport;
import org.cryoprotect.importer.service.ImportService;
import org.cryoprotect.importer.service.JobProgress;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@Path("/api/imports")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    static final String WRITE_SCOPE = "imports:write";

    private final ImportService imports;
    private final JobProgress progress;
    private final EventStreamSlots streams;
    private final JsonWebToken token;

    public ImportResource(ImportService imports, JobProgress progress, EventStreamSlots streams, JsonWebToken token) {
        this.imports = imports;
        this.progress = progress;
        this.streams = streams;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ImportJob>> start(NewImport request) {
        requireWriteScope();
        return imports.start(token.getSubject(), request)
                .map(job -> RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, job)
                        .location(URI.create("/api/imports/" + job.id())).build());
    }

    @GET
    public Uni<JobList> list(@RestQuery @Min(1) @Max(100) Integer limit) {
        return imports.list(token.getSubject(), limit == null ? 20 : limit).map(JobList::new);
    }

    @GET
    @Path("/{id}")
    public Uni<ImportJob> get(@RestPath UUID id) {
        return imports.get(caller(), token.getSubject(), id);
    }

    @GET
    @Path("/{id}/failures")
    public Uni<FailurePage> failures(@RestPath UUID id, @RestQuery @Min(1) @Max(1000) Integer limit,
            @RestQuery String cursor) {
        return imports.failures(caller(), token.getSubject(), id, limit == null ? 100 : limit, cursor);
    }

    /**
     * Server-sent progress: the job as JSON each time it changes, until it is finished. The stream's
     * slot is freed when it ends, whether the job finished or the client went away.
     */
    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<ImportJob> events(@RestPath UUID id) {
        // EventStreamGuard has turned unknown ids into a 404 already: a failing stream could not say so
        Runnable release = streams.take(token.getSubject());
        return imports.get(caller(), token.getSubject(), id).toMulti()
                .flatMap(progress::watch)
                .onTermination().invoke(release);
    }

    @POST
    @Path("/{id}/cancel")
    @ResponseStatus(200)
    public Uni<ImportJob> cancel(@RestPath UUID id) {
        requireWriteScope();
        return imports.cancel(caller(), token.getSubject(), id);
    }

    @POST
    @Path("/{id}/resume")
    @ResponseStatus(200)
    public Uni<ImportJob> resume(@RestPath UUID id) {
        requireWriteScope();
        return imports.resume(caller(), token.getSubject(), id);
    }

    private Caller caller() {
        return Caller.of(token);
    }

    private void requireWriteScope() {
        if (!caller().hasScope(WRITE_SCOPE)) {
            throw ProblemException.forbidden("This token lacks the scope " + WRITE_SCOPE);
        }
    }
}
