package org.cryoprotect.molecule.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.common.problem.Problem;
import org.cryoprotect.common.problem.ProblemMappers;
import org.cryoprotect.molecule.exchange.FileFormat;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The searches GET /api/molecules and GET /api/toxicity answer JSON pages or stream files. Which one
 * is decided here, before matching, from {@code format=} (json, csv, and sdf for molecules) or else from
 * the Accept header; the request then carries exactly that media type, so the JSON method and the file
 * method of a resource never compete (a client sending *&#47;* or nothing keeps getting JSON). A format
 * the endpoint does not know is a 400 (format=) or 406 (Accept) problem naming the ones it knows.
 */
public class ExportNegotiation {

    @ServerRequestFilter(preMatching = true)
    public Response negotiate(ContainerRequestContext request) {
        if (!"GET".equals(request.getMethod())) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        boolean molecules = "/api/molecules".equals(path) || "/api/molecules/".equals(path);
        if (!molecules && !"/api/toxicity".equals(path) && !"/api/toxicity/".equals(path)) {
            return null;
        }
        String known = molecules ? "json, sdf or csv" : "json or csv";
        String format = request.getUriInfo().getQueryParameters().getFirst("format");
        String chosen;
        if (format != null && !format.isBlank()) {
            chosen = ofFormat(format.trim().toLowerCase(Locale.ROOT), molecules);
            if (chosen == null) {
                return ProblemMappers.respond(new Problem("about:blank", "Bad Request", 400, "format: must be " + known,
                        List.of(new Problem.FieldError("format", "must be " + known))));
            }
        } else {
            chosen = ofAccept(request.getHeaderString("Accept"), molecules);
            if (chosen == null) {
                return ProblemMappers.respond(new Problem(406, "Not Acceptable", "This search answers "
                        + (molecules ? "application/json, " + FileFormat.SDF_TYPE + " or " : "application/json or ")
                        + FileFormat.CSV_TYPE + " (or format=" + known.replace(" or ", "|").replace(", ", "|") + ")"));
            }
        }
        request.getHeaders().putSingle("Accept", chosen);
        return null;
    }

    private static String ofFormat(String format, boolean molecules) {
        return switch (format) {
            case "json" -> MediaType.APPLICATION_JSON;
            case "csv" -> FileFormat.CSV_TYPE;
            case "sdf" -> molecules ? FileFormat.SDF_TYPE : null;
            default -> null;
        };
    }

    /** The client's most preferred type this search answers; JSON when it sends none or a wildcard. */
    static String ofAccept(String accept, boolean molecules) {
        if (accept == null || accept.isBlank()) {
            return MediaType.APPLICATION_JSON;
        }
        List<Range> ranges = new ArrayList<>();
        String[] parts = accept.split(",");
        for (int i = 0; i < parts.length; i++) {
            String[] params = parts[i].split(";");
            double q = 1;
            for (int p = 1; p < params.length; p++) {
                String param = params[p].trim();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            ranges.add(new Range(params[0].trim().toLowerCase(Locale.ROOT), q, i));
        }
        ranges.sort(Comparator.comparingDouble(Range::q).reversed().thenComparingInt(Range::order));
        for (Range range : ranges) {
            if (range.q() <= 0) {
                continue;
            }
            String type = switch (range.type()) {
                case MediaType.APPLICATION_JSON, "*/*", "application/*" -> MediaType.APPLICATION_JSON;
                case FileFormat.CSV_TYPE, "text/*" -> FileFormat.CSV_TYPE;
                case FileFormat.SDF_TYPE, "chemical/*" -> molecules ? FileFormat.SDF_TYPE : null;
                default -> null;
            };
            if (type != null) {
                return type;
            }
        }
        return null;
    }

    private record Range(String type, double q, int order) {
    }
}
