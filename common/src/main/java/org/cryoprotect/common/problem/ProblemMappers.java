package org.cryoprotect.common.problem;

import java.util.List;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.cryoprotect.common.db.DbFailure;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;

/** Every error leaves as application/problem+json; nothing the client sent becomes a 500. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        if (e instanceof ServiceUnavailableException unavailable) {
            LOG.debugf("503: %s (%s)", e.getMessage(), e.getCause());
            return Response.fromResponse(respond(e.problem()))
                    .header("Retry-After", unavailable.retryAfterSeconds()).build();
        }
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.stream().map(err -> err.field() + ": " + err.message())
                .reduce((a, b) -> a + "; " + b).orElse("Invalid request");
        return respond(new Problem("about:blank", "Bad Request", 400, detail, errors));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return respond(new Problem(400, "Bad Request", "Unknown field '" + e.getPropertyName() + "'"));
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return respond(new Problem(400, "Bad Request", "Invalid value" + at(e) + ": " + e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown);
        }
        if (e instanceof MismatchedInputException mismatch) {
            return mismatched(mismatch);
        }
        return respond(new Problem(400, "Bad Request", "Malformed JSON: " + e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response unauthorizedAccess(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(new Problem(403, "Forbidden", "The token does not grant this operation"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(new Problem(status.getStatusCode(), status.getReasonPhrase(), e.getMessage()));
    }

    /** PostgreSQL's own words never reach the client: they name tables and constraints. */
    @ServerExceptionMapper
    public Response database(PgException e) {
        if ("57014".equals(e.getSqlState())) {
            return respond(new Problem(503, "Service Unavailable",
                    "The query took too long and was cancelled; narrow the search or retry"));
        }
        Problem problem = DatabaseProblems.of(e);
        if (problem != null) {
            LOG.debugf("%d for SQLSTATE %s: %s", problem.status(), e.getSqlState(), e.getErrorMessage());
            return respond(problem);
        }
        return DbFailure.of(e) == DbFailure.OTHER ? unexpected(e) : databaseUnavailable(e);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (DbFailure.of(e) != DbFailure.OTHER) {
            return databaseUnavailable(e);
        }
        LOG.error("Unhandled failure", e);
        return respond(new Problem(500, "Internal Server Error", "An unexpected error occurred; it has been logged"));
    }

    /** A transient database failure that reached the boundary without going through {@code Database}. */
    private Response databaseUnavailable(Throwable e) {
        LOG.warnf("Database unavailable: %s", e.toString());
        return problem(new ServiceUnavailableException("The database is unavailable; retry shortly", 1, e));
    }

    private static Response unauthorized() {
        return Response.status(401)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(401, "Unauthorized", "A valid bearer token is required"))
                .build();
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String at(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
        return path.isEmpty() ? "" : " at '" + path + "'";
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
