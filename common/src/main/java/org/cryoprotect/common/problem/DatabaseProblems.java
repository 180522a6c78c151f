package org.cryoprotect.common.problem;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.pgclient.PgException;

/**
 * The client's share of a PostgreSQL error, in our words: the status, what is wrong and, where the
 * error says, which field — never the server's message, nor a constraint's or a table's name.
 * Fields come from the error's column, from PostgreSQL's constraint naming ({@code <table>_<column>_check},
 * {@code _fkey}, {@code _key}) or from the key a violation's detail names (PostgreSQL leaves the key out
 * on tables with Row Level Security, so there the detail stays generic).
 */
final class DatabaseProblems {

    private static final Pattern FIELD = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern KEY = Pattern.compile("\\(([a-z0-9_, ]+)\\)=");

    private DatabaseProblems() {
    }

    /** @return null for errors that are not the client's doing */
    static Problem of(PgException e) {
        String state = e.getSqlState() == null ? "" : e.getSqlState();
        return switch (state) {
            // Row Level Security refused the row: say nothing that reveals it exists.
            case "42501" -> new Problem(404, "Not Found", "No such resource, or it is not visible to you");
            case "23505" -> conflict(keyFields(e) != null ? keyFields(e) : fromConstraint(e, "_key"));
            case "23503" -> missingReference(e);
            case "23502" -> invalid(column(e), "is required");
            case "23514" -> invalid(fromConstraint(e, "_check"), "is not an accepted value (out of range or malformed)");
            case "22001" -> invalid(column(e), "is too long");
            case "54000" -> invalid(null, "is too large to store");
            default -> state.startsWith("22") ? invalid(column(e), "is malformed or out of range") : null;
        };
    }

    private static Problem conflict(String fields) {
        return new Problem(409, "Conflict", fields == null ? "A resource with these values already exists"
                : "A resource with the same " + fields + " already exists");
    }

    private static Problem missingReference(PgException e) {
        if (e.getDetail() != null && e.getDetail().contains("still referenced")) {
            return new Problem(409, "Conflict", "Other resources still refer to this one; remove them first");
        }
        String field = fromConstraint(e, "_fkey");
        if (field == null) {
            field = keyFields(e);
        }
        return new Problem(404, "Not Found", field == null ? "A referenced resource does not exist"
                : field + " refers to a resource that does not exist");
    }

    private static Problem invalid(String field, String what) {
        if (field == null) {
            return new Problem(422, "Unprocessable Entity", "A value " + what);
        }
        return new Problem("about:blank", "Unprocessable Entity", 422, field + " " + what,
                List.of(new Problem.FieldError(field, what)));
    }

    private static String column(PgException e) {
        return e.getColumn() != null && FIELD.matcher(e.getColumn()).matches() ? e.getColumn() : null;
    }

    /** {@code molecules_name_check} on table {@code molecules} is about field {@code name}. */
    private static String fromConstraint(PgException e, String suffix) {
        String constraint = e.getConstraint();
        String table = e.getTable();
        if (constraint == null || table == null || !constraint.startsWith(table + "_") || !constraint.endsWith(suffix)) {
            return null;
        }
        String field = constraint.substring(table.length() + 1, constraint.length() - suffix.length());
        return FIELD.matcher(field).matches() ? field : null;
    }

    /** The columns of "Key (a, b)=(...)" in the error's detail. */
    private static String keyFields(PgException e) {
        if (e.getDetail() == null) {
            return null;
        }
        Matcher key = KEY.matcher(e.getDetail());
        return key.find() ? key.group(1) : null;
    }
}
