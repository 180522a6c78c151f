package org.cryoprotect.molecule.repository;

import java.util.UUID;

import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.molecule.model.MoleculeSearch;

import io.vertx.mutiny.sqlclient.Row;

/**
 * The rows of one molecule search in page order, after a cursor: by name, or by similarity (most
 * similar first) when the search has a similarity query. {@code key} is the sort key of a row as
 * {@code m_key}, {@code from} the molecules {@code m} with what the key needs.
 */
final class SearchSql {

    /** Marks similarity cursors: a cursor of a name-ordered search is refused by a similarity search. */
    private static final String SIMILARITY_CURSOR = "similarity:";

    final Sql sql;
    final String from;
    final String key;
    final String order;
    final boolean bySimilarity;

    private SearchSql(Sql sql, String from, String key, String order, boolean bySimilarity) {
        this.sql = sql;
        this.from = from;
        this.key = key;
        this.order = order;
        this.bySimilarity = bySimilarity;
    }

    static SearchSql of(MoleculeSearch search, StructureFilter structure, Cursor after) {
        Sql sql = MoleculeRepository.filters(search);
        sql.andIf(structure.exactParentKey() != null, "m.parent_inchikey = ?", structure.exactParentKey());
        if (structure.screen() != null) {
            String screen = MoleculeRepository.fingerprint(sql.param(structure.screen().hex()));
            sql.and("(m.screen_fp & " + screen + ") = " + screen);
        }
        if (!structure.bySimilarity()) {
            if (after != null) {
                sql.and("(m.name, m.id) > (?, ?)", after.key(), after.id());
            }
            return new SearchSql(sql, "chem.molecules m", "m.name", "m_key, m_id", false);
        }
        // Tanimoto = common / (row bits + query bits - common), exact in float8: the cursor compares it exactly.
        String query = MoleculeRepository.fingerprint(sql.param(structure.similarTo().hex()));
        String queryBits = sql.param(structure.similarTo().cardinality());
        String from = "chem.molecules m cross join lateral (select bit_count(m.similarity_fp & " + query + ") as common) c "
                + "cross join lateral (select c.common::float8 / nullif(m.similarity_bits + " + queryBits
                + " - c.common, 0) as similarity) s";
        sql.and("m.similarity_bits between ? and ?", (short) structure.minBits(), (short) structure.maxBits());
        sql.and("s.similarity >= ?", structure.minSimilarity());
        if (after != null) {
            double similarity = similarityOf(after);
            sql.and("s.similarity < ? or (s.similarity = ? and m.id > ?)", similarity, similarity, after.id());
        }
        return new SearchSql(sql, from, "s.similarity", "m_key desc, m_id", true);
    }

    /** Where a page that ended on this row continues. */
    Cursor cursorOf(Row row) {
        UUID id = row.getUUID("m_id");
        return bySimilarity ? new Cursor(SIMILARITY_CURSOR + row.getDouble("m_key"), id) : new Cursor(row.getString("m_key"), id);
    }

    /** The ordered keys ({@code m_key}, {@code m_id}) of up to {@code limit} rows, with {@code columns} of m. */
    String select(String columns, int limit) {
        return "select " + key + " as m_key, m.id as m_id" + (columns.isEmpty() ? "" : ", " + columns) + " from " + from
                + " where " + sql.where() + " order by " + order + " limit " + sql.param(limit);
    }

    private static double similarityOf(Cursor after) {
        if (after.key() != null && after.key().startsWith(SIMILARITY_CURSOR)) {
            try {
                return Double.parseDouble(after.key().substring(SIMILARITY_CURSOR.length()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw ProblemException.invalidField("cursor", "is not a cursor of a similarity search");
    }
}
