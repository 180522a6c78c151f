package org.cryoprotect.web.collab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.cryoprotect.web.page.PageContext;
import org.cryoprotect.web.remote.ImportEvents;
import org.cryoprotect.web.remote.ImportService;
import org.cryoprotect.web.session.CurrentRequest;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Imports from PubChem and ChEMBL: start a job from pasted ids, watch its progress live (import-
 * service's server-sent events relayed by web as rendered HTML, which htmx's SSE extension swaps
 * in), see the failures with their reasons, cancel and resume.
 */
@Path("/imports")
@Produces(MediaType.TEXT_HTML)
public class ImportPages {

    public record JobRow(String id, String source, String status, int total, int succeeded, int failed, String started) {
    }

    public record FailureRow(String sourceId, String reason, int attempts, boolean retryable) {
    }

    /** A job as its progress fragment shows it. */
    public record Progress(String id, String source, String include, String status, int total, int succeeded, int failed,
            int pending, List<FailureRow> failures, String csrf) {
        public boolean running() {
            return "running".equals(status);
        }

        /** import-service resumes a cancelled job, or retries the failures that may succeed another time. */
        public boolean resumable() {
            return !running() && ("cancelled".equals(status) || failures.stream().anyMatch(FailureRow::retryable));
        }

        public int done() {
            return succeeded + failed;
        }

        public int percent() {
            return total == 0 ? 100 : (int) Math.floor(100.0 * done() / total);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance imports(List<JobRow> jobs, String source, String ids, boolean properties, boolean toxicity,
                String error);

        static native TemplateInstance job(Progress job, String notice, String error);

        static native TemplateInstance progress(Progress job);
    }

    private final ImportService imports;
    private final ImportEvents events;
    private final CurrentRequest current;
    private final PageContext page;

    public ImportPages(ImportService imports, ImportEvents events, CurrentRequest current, PageContext page) {
        this.imports = imports;
        this.events = events;
        this.current = current;
        this.page = page;
    }

    @GET
    public Uni<Response> imports() {
        String token = current.requireSession().accessToken();
        return listPage(token, "pubchem", "", true, false, null).map(p -> Html.page(200, p))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> Uni.createFrom().item(
                        Templates.imports(List.of(), "pubchem", "", true, false, reason))));
    }

    private Uni<TemplateInstance> listPage(String token, String source, String ids, boolean properties, boolean toxicity, String error) {
        return imports.list(token, Map.of("limit", "20")).map(list -> Templates.imports(Html.items(list).stream()
                .map(j -> new JobRow(Html.text(j, "id"), Html.text(j, "source"), Html.text(j, "status"), j.path("total").asInt(),
                        j.path("succeeded").asInt(), j.path("failed").asInt(), day(Html.text(j, "started_at"))))
                .toList(), source, ids, properties, toxicity, error));
    }

    /** Ids separated by commas, spaces or lines; PubChem CIDs as numbers, ChEMBL ids as written. */
    @POST
    public Uni<Response> start(@RestForm String source, @RestForm String ids, @RestForm String properties, @RestForm String toxicity) {
        String token = current.requireSession().accessToken();
        String chosen = "chembl".equals(source) ? "chembl" : "pubchem";
        boolean withProperties = properties != null;
        boolean withToxicity = toxicity != null;
        List<Object> parsed = new ArrayList<>();
        for (String id : (ids == null ? "" : ids).split("[\\s,;]+")) {
            if (!id.isBlank()) {
                parsed.add(chosen.equals("pubchem") && id.matches("\\d{1,12}") ? (Object) Long.parseLong(id) : id.trim());
            }
        }
        String typed = ids == null ? "" : ids;
        String problem = parsed.isEmpty() ? "Paste at least one id (PubChem CIDs such as 679, or ChEMBL ids such as CHEMBL504)."
                : !withProperties && !withToxicity ? "Choose what to import: properties, toxicity or both." : null;
        if (problem != null) {
            return listPage(token, chosen, typed, withProperties, withToxicity, problem).map(p -> Html.page(400, p));
        }
        List<String> include = new ArrayList<>();
        if (withProperties) {
            include.add("properties");
        }
        if (withToxicity) {
            include.add("toxicity");
        }
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("source", chosen);
        job.put("ids", parsed);
        job.put("include", include);
        return imports.create(token, job).map(created -> Html.seeOther("/imports/" + Html.text(created, "id")))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> listPage(token, chosen, typed, withProperties, withToxicity, reason)));
    }

    @GET
    @Path("{id}")
    public Uni<Response> job(@RestPath String id) {
        String token = current.requireSession().accessToken();
        return progress(token, id).map(p -> Html.page(200, Templates.job(p, null, null)))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> listPage(token, "pubchem", "", true, false, reason)));
    }

    /** The live progress: one rendered fragment per change, the last one (finished) with the failures. */
    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> follow(@RestPath String id, @Context Sse sse) {
        String token = current.requireSession().accessToken();
        String csrf = page.getCsrfToken();
        return events.follow(token, id)
                .onItem().transformToUniAndConcatenate(job -> "running".equals(Html.text(job, "status"))
                        ? Uni.createFrom().item(progress(job, List.of(), csrf))
                        : failures(token, id).map(failures -> progress(job, failures, csrf)))
                .onItem().transformToMultiAndConcatenate(job -> {
                    OutboundSseEvent shown = sse.newEventBuilder().name("progress")
                            .data(Templates.progress(job).render().replace('\n', ' ')).build();
                    // a finished job's stream ends; "finished" tells the page not to reconnect (sse-close)
                    return job.running() ? Multi.createFrom().item(shown)
                            : Multi.createFrom().items(shown, sse.newEventBuilder().name("finished").data(job.status()).build());
                });
    }

    @POST
    @Path("{id}/cancel")
    public Uni<Response> cancel(@RestPath String id) {
        String token = current.requireSession().accessToken();
        return imports.cancel(token, id).map(ignored -> Html.seeOther("/imports/" + id))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> progress(token, id).map(p -> Templates.job(p, null, reason))));
    }

    @POST
    @Path("{id}/resume")
    public Uni<Response> resume(@RestPath String id) {
        String token = current.requireSession().accessToken();
        return imports.resume(token, id).map(ignored -> Html.seeOther("/imports/" + id))
                .onFailure().recoverWithUni(e -> Html.refused(e, reason -> progress(token, id).map(p -> Templates.job(p, null, reason))));
    }

    private Uni<Progress> progress(String token, String id) {
        String csrf = page.getCsrfToken();
        return imports.get(token, id).chain(job -> "running".equals(Html.text(job, "status"))
                ? Uni.createFrom().item(progress(job, List.of(), csrf))
                : failures(token, id).map(failures -> progress(job, failures, csrf)));
    }

    private Uni<List<FailureRow>> failures(String token, String id) {
        return imports.failures(token, id, Map.of("limit", "100")).map(page -> Html.items(page).stream()
                .map(f -> new FailureRow(Html.text(f, "source_id"), Html.text(f, "reason"), f.path("attempts").asInt(),
                        f.path("retryable").asBoolean())).toList());
    }

    private static Progress progress(JsonNode job, List<FailureRow> failures, String csrf) {
        List<String> include = new ArrayList<>();
        job.path("include").forEach(i -> include.add(i.asText()));
        return new Progress(Html.text(job, "id"), Html.text(job, "source"), String.join(" and ", include), Html.text(job, "status"),
                job.path("total").asInt(), job.path("succeeded").asInt(), job.path("failed").asInt(), job.path("pending").asInt(),
                failures, csrf);
    }

    private static String day(String timestamp) {
        return timestamp == null ? "" : timestamp.replace('T', ' ').substring(0, Math.min(16, timestamp.length()));
    }
}
