package org.cryoprotect.molecule.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.molecule.model.MoleculeSearch;
import org.cryoprotect.molecule.model.Page;
import org.cryoprotect.molecule.model.RankedMolecule;
import org.cryoprotect.molecule.model.ToxicityRanking;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Molecules ranked by a statistic of their normalized toxicity values, among the molecules the
 * caller may see that pass the filters of GET /api/molecules. One group per molecule (endpoint,
 * species, route, unit) is one row of chem.toxicity_stats, read in the order of an index.
 */
@ApplicationScoped
public class ToxicityRankingRepository {

    /** species and route of the statistics over all species (routes) of a molecule. */
    static final String ALL = "*";

    public Uni<Page<RankedMolecule>> rank(SqlClient db, ToxicityRanking ranking, MoleculeSearch filters, int limit,
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
        String query = "select m.id, m.name, m.formula, " + statistic + " as value, s.unit, s.n, s.min, s.median, s.max "
                + "from chem.toxicity_stats s join chem.molecules m on m.id = s.molecule_id where " + sql.where()
                + " order by " + statistic + " " + direction + ", s.molecule_id " + direction + " limit " + sql.param(limit + 1);
        return db.preparedQuery(query).execute(sql.tuple()).map(rows -> Rows.page(rows, limit,
                ToxicityRankingRepository::toRanked, r -> new Cursor(Double.toString(r.value()), r.moleculeId())));
    }

    private static double position(Cursor after) {
        try {
            return Double.parseDouble(after.key());
        } catch (NumberFormatException | NullPointerException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this service issued");
        }
    }

    private static RankedMolecule toRanked(Row row) {
        return new RankedMolecule(row.getUUID("id"), row.getString("name"), row.getString("formula"), row.getDouble("value"),
                row.getString("unit"), row.getInteger("n"), row.getDouble("min"), row.getDouble("median"), row.getDouble("max"));
    }
}
