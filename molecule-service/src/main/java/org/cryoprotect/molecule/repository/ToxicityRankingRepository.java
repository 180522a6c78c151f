package org.cryoprotect.molecule.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.molecule.model.MoleculeSearch;
import org.cryoprotect.molecule.model.JsonPage;
import org.cryoprotect.molecule.model.ToxicityRanking;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Molecules ranked by a statistic of their normalized toxicity values, among the molecules the
 * caller may see that pass the filters of GET /api/molecules. One group per molecule (endpoint,
 * species, route, unit) is one row of chem.toxicity_stats, read in the order of an index. Like the
 * molecule list, items are rendered as JSON by PostgreSQL and passed through.
 */
@ApplicationScoped
public class ToxicityRankingRepository {

    /** species and route of the statistics over all species (routes) of a molecule. */
    static final String ALL = "*";

    /** Items rendered by PostgreSQL in the shape of {@link org.cryoprotect.molecule.model.RankedMolecule}. */
    public Uni<JsonPage> rank(SqlClient db, ToxicityRanking ranking, MoleculeSearch filters, int limit,
            Cursor after) {
        String statistic = "s." + ranking.statistic().column();
        Sql sql = MoleculeRepository.filters(filters)
                .and("s.endpoint = ?", ranking.endpoint())
                .and("s.species = ?", ranking.species() == null ? ALL : ranking.species())
                .and("s.route = ?", ranking.route() == null ? ALL : ranking.route())
                .and("s.unit = ?", ranking.unit());
        String direction = ranking.descending() ? "desc" : "asc";
        if (after != null) {
            sql.and("(" + statistic + ", s.molecule_id) " + (ranking.descending() ? "<" : ">") + " (?, ?)",
                    position(after), after.id());
        }
        String query = "select m.id, " + statistic + " as value, " + MoleculeRepository.listItem("json_build_object('molecule_id', m.id, "
                + "'name', m.name, 'formula', m.formula, 'value', " + statistic + ", 'unit', s.unit, 'count', s.n, 'min', s.min, "
                + "'median', s.median, 'max', s.max)") + " "
                + "from chem.toxicity_stats s join chem.molecules m on m.id = s.molecule_id where " + sql.where()
                + " order by " + statistic + " " + direction + ", s.molecule_id " + direction + " limit " + sql.param(limit + 1);
        return db.preparedQuery(query).execute(sql.tuple()).map(rows -> Rows.jsonPage(rows, limit,
                row -> new Cursor(Double.toString(row.getDouble("value")), row.getUUID("id"))));
    }

    private static double position(Cursor after) {
        try {
            return Double.parseDouble(after.key());
        } catch (NumberFormatException | NullPointerException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this service issued");
        }
    }

}
