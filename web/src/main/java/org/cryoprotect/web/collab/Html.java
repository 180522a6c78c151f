package org.cryoprotect.web.collab;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.web.remote.RemoteProblem;
import org.cryoprotect.web.remote.RemoteUnavailable;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** Small helpers the collaboration pages share: answers, refusals shown in the service's words, JSON fields. */
final class Html {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Html.class);
    static final String UNAVAILABLE = "The service is not answering; try again in a moment.";

    private Html() {
    }

    static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }

    /** POST, then redirect, then GET: a reload never repeats the action. */
    static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    /**
     * A refused action: the page again, with the service's reason (announced as an alert) and its
     * status; an unreachable service is a 503 with a plain sentence.
     */
    static Uni<Response> refused(Throwable failure, Function<String, Uni<TemplateInstance>> again) {
        if (failure instanceof RemoteProblem problem) {
            return again.apply(problem.detail()).map(page -> page(problem.status(), page));
        }
        if (failure instanceof RemoteUnavailable) {
            LOG.warnf("a service is unavailable: %s", failure.getMessage());
            return again.apply(UNAVAILABLE).map(page -> page(503, page))
                    .onFailure().recoverWithItem(() -> Response.status(503).type(MediaType.TEXT_PLAIN).entity(UNAVAILABLE).build());
        }
        return Uni.createFrom().failure(failure);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static List<JsonNode> items(JsonNode listOrPage) {
        JsonNode array = listOrPage.isArray() ? listOrPage : listOrPage.path("items");
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
