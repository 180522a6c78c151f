package org.cryoprotect.molecule.repository;

import java.util.ArrayList;
import java.util.List;

import org.cryoprotect.molecule.model.ToxicityGroup;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * SQL fragments over chem.toxicity_stats and chem.toxicity_counts for a molecule {@code m}: the summary
 * and the compact toxicity of the molecule JSON are built from the same text.
 */
final class ToxicityStatsJson {

    /** measurements, unparsed: zero for a molecule without measurements. */
    static final String COUNTS = """
            coalesce((select c.measurements from chem.toxicity_counts c where c.molecule_id = m.id), 0) as measurements,
            coalesce((select c.unparsed from chem.toxicity_counts c where c.molecule_id = m.id), 0) as unparsed""";

    private ToxicityStatsJson() {
    }

    /**
     * The molecule's groups as a JSON array text: all of them by endpoint, species and route, or the
     * {@code largest} ones by count. Rows over all species or routes ('*') serve the ranking only.
     */
    static String groups(Integer largest) {
        String order = largest == null ? "s.endpoint, s.species nulls first, s.route nulls first, s.unit"
                : "s.n desc, s.endpoint, s.species nulls first, s.route nulls first, s.unit";
        return """
                coalesce((select json_agg(json_build_object('endpoint', g.endpoint, 'species', g.species, 'route', g.route,
                          'unit', g.unit, 'count', g.n, 'min', g.min, 'median', g.median, 'max', g.max) order by g.ord)
                          from (select s.*, row_number() over (order by %s) as ord from chem.toxicity_stats s
                                where s.molecule_id = m.id and s.species is distinct from '*' and s.route is distinct from '*'
                                order by %s %s) g), '[]')""".formatted(order, order, largest == null ? "" : "limit " + largest);
    }

    static List<ToxicityGroup> decodeGroups(String json) {
        List<ToxicityGroup> groups = new ArrayList<>();
        for (Object item : new JsonArray(json)) {
            JsonObject g = (JsonObject) item;
            groups.add(new ToxicityGroup(g.getString("endpoint"), g.getString("species"), g.getString("route"),
                    g.getString("unit"), g.getLong("count"), g.getDouble("min"), g.getDouble("median"), g.getDouble("max")));
        }
        return groups;
    }
}
