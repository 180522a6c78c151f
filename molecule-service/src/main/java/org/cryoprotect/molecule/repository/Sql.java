package org.cryoprotect.molecule.repository;

import java.util.ArrayList;
import java.util.List;

import io.vertx.mutiny.sqlclient.Tuple;

/** A WHERE clause built from the filters a request actually uses, with numbered parameters. */
final class Sql {

    private final StringBuilder where = new StringBuilder("true");
    private final List<Object> args = new ArrayList<>();

    /** Adds {@code condition}, where every {@code ?} is replaced by the next parameter's number. */
    Sql and(String condition, Object... values) {
        StringBuilder clause = new StringBuilder();
        int next = 0;
        for (char c : condition.toCharArray()) {
            if (c == '?') {
                args.add(values[next++]);
                clause.append('$').append(args.size());
            } else {
                clause.append(c);
            }
        }
        where.append(" and (").append(clause).append(')');
        return this;
    }

    Sql andIf(boolean present, String condition, Object... values) {
        return present ? and(condition, values) : this;
    }

    String where() {
        return where.toString();
    }

    /** The next parameter placeholder, for what follows the WHERE clause (LIMIT). */
    String param(Object value) {
        args.add(value);
        return "$" + args.size();
    }

    Tuple tuple() {
        return Tuple.from(args);
    }

    static String likePattern(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
