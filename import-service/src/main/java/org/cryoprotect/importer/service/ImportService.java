package org.cryoprotect.importer.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.problem.Problem;
import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.common.security.Caller;
import org.cryoprotect.importer.ImportConfig;
import org.cryoprotect.importer.model.FailurePage;
import org.cryoprotect.importer.model.ImportFailure;
import org.cryoprotect.importer.model.ImportJob;
import org.cryoprotect.importer.model.Include;
import org.cryoprotect.importer.model.NewImport;
import org.cryoprotect.importer.model.Source;
import org.cryoprotect.importer.repository.JobRepository;

import io.smallrye.mutiny.Uni;

/** Starting, watching, cancelling and resuming imports. A job is visible to its creator (and to services). */
@ApplicationScoped
public class ImportService {

    private static final int MAX_REPORTED_ERRORS = 5;

    private final JobRepository jobs;
    private final ImportConfig config;

    public ImportService(JobRepository jobs, ImportConfig config) {
        this.jobs = jobs;
        this.config = config;
    }

    public Uni<ImportJob> start(String creator, NewImport request) {
        if (request == null) {
            throw ProblemException.badRequest("A JSON body {\"source\": \"pubchem\" | \"chembl\", \"ids\": [...], "
                    + "\"include\": [\"properties\", \"toxicity\"]} is required");
        }
        Source source = Source.of(request.source()).orElseThrow(() -> ProblemException.invalidField("source",
                "must be \"pubchem\" or \"chembl\", got " + (request.source() == null ? "nothing" : "\"" + request.source() + "\"")));
        List<String> ids = validIds(source, request.ids());
        Set<Include> include = include(request.include());
        return jobs.create(source, include, creator, ids, config.maxActiveJobsPerUser())
                .map(job -> job.orElseThrow(this::activeLimitReached));
    }

    private ProblemException activeLimitReached() {
        return new ProblemException(new Problem(429, "Too Many Requests", "At most " + config.maxActiveJobsPerUser()
                + " imports may be active (queued or running) per user; wait until one finishes, or cancel one"));
    }

    private List<String> validIds(Source source, List<Object> raw) {
        if (raw == null || raw.isEmpty()) {
            throw ProblemException.invalidField("ids", "must list at least one id");
        }
        if (raw.size() > config.maxIdsPerJob()) {
            throw new ProblemException(new Problem(413, "Content Too Large",
                    "ids: at most " + config.maxIdsPerJob() + " ids per import, got " + raw.size() + "; split the list"));
        }
        Set<String> ids = new LinkedHashSet<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Object id = raw.get(i);
            int index = i;
            source.normalize(id).ifPresentOrElse(ids::add, () -> errors.add(new Problem.FieldError("ids[" + index + "]",
                    "'" + id + "' is not " + source.idDescription())));
        }
        if (!errors.isEmpty()) {
            String detail = errors.size() + " invalid id(s): " + errors.stream().limit(MAX_REPORTED_ERRORS)
                    .map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElseThrow()
                    + (errors.size() > MAX_REPORTED_ERRORS ? "; ..." : "");
            throw new ProblemException(new Problem("about:blank", "Bad Request", 400, detail,
                    errors.stream().limit(100).toList()));
        }
        return List.copyOf(ids);
    }

    /** What the job fetches: properties unless it says otherwise; unknown names are refused by name. */
    private static Set<Include> include(List<String> names) {
        if (names == null) {
            return EnumSet.of(Include.PROPERTIES);
        }
        String allowed = Arrays.stream(Include.values()).map(Include::id).collect(Collectors.joining(", "));
        if (names.isEmpty()) {
            throw ProblemException.invalidField("include", "must name at least one of " + allowed);
        }
        Set<Include> include = EnumSet.noneOf(Include.class);
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            Include.of(name).ifPresentOrElse(include::add, () -> unknown.add(name == null ? "null" : "\"" + name + "\""));
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidField("include", "unknown " + String.join(", ", unknown) + "; known: " + allowed);
        }
        return include;
    }

    public Uni<ImportJob> get(Caller caller, String creator, UUID id) {
        return jobs.find(id, creator, caller.isService())
                .map(job -> job.orElseThrow(() -> ProblemException.notFound("No import " + id)));
    }

    public Uni<List<ImportJob>> list(String creator, int limit) {
        return jobs.list(creator, limit);
    }

    public Uni<FailurePage> failures(Caller caller, String creator, UUID id, int limit, String cursor) {
        int after = cursor == null || cursor.isBlank() ? 0 : parseCursor(cursor);
        return get(caller, creator, id).chain(job -> jobs.failures(id, after, limit + 1)).map(items -> {
            boolean more = items.size() > limit;
            List<ImportFailure> page = more ? items.subList(0, limit) : items;
            return new FailurePage(page, more ? String.valueOf(page.get(page.size() - 1).seq()) : null);
        });
    }

    public Uni<ImportJob> cancel(Caller caller, String creator, UUID id) {
        return get(caller, creator, id).chain(job -> jobs.cancel(id)).map(job -> job.orElseThrow(
                () -> ProblemException.conflict("Import " + id + " is not running, so it cannot be cancelled")));
    }

    public Uni<ImportJob> resume(Caller caller, String creator, UUID id) {
        return get(caller, creator, id).chain(job -> jobs.resume(id, config.maxActiveJobsPerUser())).map(resume ->
                switch (resume.outcome()) {
                    case RESUMED -> resume.job().orElseThrow();
                    case ACTIVE_LIMIT -> throw activeLimitReached();
                    case NOTHING_TO_RESUME -> throw ProblemException.conflict("Import " + id + " has nothing to resume: "
                            + "it is running, or it completed and none of its failures can be retried");
                });
    }

    private static int parseCursor(String cursor) {
        try {
            return Integer.parseInt(cursor);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this service returned");
        }
    }
}
