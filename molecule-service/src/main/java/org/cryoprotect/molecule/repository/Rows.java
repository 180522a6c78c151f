package org.cryoprotect.molecule.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.cryoprotect.molecule.model.JsonPage;
import org.cryoprotect.molecule.model.Page;

import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

/** Mapping helpers shared by the repositories. */
final class Rows {

    private Rows() {
    }

    /** Turns up to limit + 1 rows into a page; the extra row only says that another page exists. */
    static <T> Page<T> page(RowSet<Row> rows, int limit, Function<Row, T> mapper,
            Function<T, Cursor> position) {
        List<T> items = new ArrayList<>(Math.min(rows.size(), limit));
        for (Row row : rows) {
            if (items.size() == limit) {
                return new Page<>(items, position.apply(items.get(items.size() - 1)).encode());
            }
            items.add(mapper.apply(row));
        }
        return new Page<>(items, null);
    }

    /** The same for items PostgreSQL rendered ({@link MoleculeRepository#listItem}), positioned by their rows. */
    static JsonPage jsonPage(RowSet<Row> rows, int limit, Function<Row, Cursor> position) {
        List<Buffer> items = new ArrayList<>(Math.min(rows.size(), limit));
        Cursor last = null;
        for (Row row : rows) {
            if (items.size() == limit) {
                return new JsonPage(items, last.encode());
            }
            items.add(json(row));
            last = position.apply(row);
        }
        return new JsonPage(items, null);
    }

    /** A list item's JSON, as the UTF-8 bytes PostgreSQL sent. */
    static Buffer json(Row row) {
        return row.getDelegate().getBuffer("json");
    }

    static Optional<Row> first(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }

    static List<UUID> ids(RowSet<Row> rows) {
        List<UUID> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.getUUID(0)));
        return ids;
    }
}
