package org.cryoprotect.molecule.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.molecule.chem.ComputedStructure;
import org.cryoprotect.molecule.chem.Fingerprint;
import org.cryoprotect.molecule.chem.PropertyUnits;
import org.cryoprotect.molecule.chem.StructureIdentity;
import org.cryoprotect.molecule.model.JsonPage;
import org.cryoprotect.molecule.model.Molecule;
import org.cryoprotect.molecule.model.MoleculeSearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Molecules, their synonyms and properties. Every call runs inside the caller's RLS transaction. */
@ApplicationScoped
public class MoleculeRepository {

    private final ObjectMapper mapper;

    public MoleculeRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The contract's molecule JSON, built by PostgreSQL: lists pass it through, single reads decode it
     * into {@link Molecule} (field for field, unknown fields refused), so the shape has one definition.
     */
    private static final String JSON = """
            json_build_object('id', m.id, 'name', m.name, 'formula', m.formula, 'smiles', m.smiles,
                'canonical_smiles', m.canonical_smiles, 'inchi', m.inchi, 'inchikey', m.inchikey,
                'parent_inchikey', m.parent_inchikey, 'pubchem_cid', m.pubchem_cid, 'chembl_id', m.chembl_id, 'is_public', m.is_public, 'created_by', m.created_by,
                'synonyms', coalesce((select json_agg(s.synonym order by s.synonym) from chem.molecule_synonyms s
                                      where s.molecule_id = m.id), '[]'),
                'properties', coalesce((select json_object_agg(p.name, json_build_object('value', p.value, 'unit', p.unit,
                                        'source', p.source, 'describes', p.describes)) from chem.molecule_properties p where p.molecule_id = m.id), '{}'),
                'created_at', m.created_at,
                'updated_at', m.updated_at)""";

    /** A single molecule's JSON: the list JSON and its compact toxicity (the largest groups). */
    static final String AS_DETAIL_JSON = JSON.replace("'updated_at', m.updated_at)",
            "'updated_at', m.updated_at, 'toxicity', (select json_build_object('measurements', c.measurements, 'unparsed', c.unparsed, "
                    + "'groups', " + ToxicityStatsJson.groups(5) + ") from (select " + ToxicityStatsJson.COUNTS + ") c))") + "::text as json";

    /** A list item, as UTF-8 bytes ({@link #listItem}). */
    static final String AS_ITEM = listItem(JSON);

    /** A list item of a similarity search: the molecule JSON with its similarity (rounded for display; cursors keep it exact). */
    static final String AS_SIMILARITY_ITEM = listItem(JSON.replace("'updated_at', m.updated_at)",
            "'updated_at', m.updated_at, 'similarity', round(p.m_key::numeric, 4))"));

    /**
     * A list item's JSON as UTF-8 bytes (bytea comes in binary): passed to the response as they are,
     * where text was decoded into a String and encoded again (JFR, issue 14: a fifth of a list request's CPU).
     */
    static String listItem(String json) {
        return "convert_to(" + json + "::text, 'UTF8') as json";
    }

    public Uni<JsonPage> search(SqlClient db, MoleculeSearch search, int limit, Cursor after) {
        return search(db, search, StructureFilter.NONE, limit, after);
    }

    /** One page of the search in its order (by name, or most similar first), without substructure matching. */
    public Uni<JsonPage> search(SqlClient db, MoleculeSearch search, StructureFilter structure, int limit, Cursor after) {
        SearchSql rows = SearchSql.of(search, structure, after);
        // the JSON only for the rows of the page, after the ordering picked them
        String query = "select p.m_key, p.m_id, " + (rows.bySimilarity ? AS_SIMILARITY_ITEM : AS_ITEM) + " from ("
                + rows.select("", limit + 1) + ") p join chem.molecules m on m.id = p.m_id order by " + rows.order;
        return db.preparedQuery(query).execute(rows.sql.tuple()).map(result -> Rows.jsonPage(result, limit, rows::cursorOf));
    }

    /** A row that passed the substructure screen, to be matched by CDK; {@code position} is the cursor after it. */
    public record Candidate(Cursor position, UUID id, String smiles, Double similarity) {
    }

    /** The next {@code limit} rows after {@code after} in page order that pass the SQL filters and the screen. */
    public Uni<List<Candidate>> candidates(SqlClient db, MoleculeSearch search, StructureFilter structure, Cursor after,
            int limit) {
        SearchSql rows = SearchSql.of(search, structure, after);
        return db.preparedQuery(rows.select("m.smiles", limit)).execute(rows.sql.tuple()).map(result -> {
            List<Candidate> candidates = new ArrayList<>(result.size());
            for (Row row : result) {
                candidates.add(new Candidate(rows.cursorOf(row), row.getUUID("m_id"), row.getString("smiles"),
                        rows.bySimilarity ? row.getDouble("m_key") : null));
            }
            return candidates;
        });
    }

    /** The JSON of {@code matched}, in their order; a row that became invisible meanwhile is left out. */
    public Uni<List<Buffer>> items(SqlClient db, StructureFilter structure, List<Candidate> matched) {
        if (matched.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        UUID[] ids = matched.stream().map(Candidate::id).toArray(UUID[]::new);
        String query = structure.bySimilarity()
                ? "select " + AS_SIMILARITY_ITEM + " from unnest($1::uuid[], $2::float8[]) with ordinality as p(m_id, m_key, n) "
                        + "join chem.molecules m on m.id = p.m_id order by p.n"
                : "select " + AS_ITEM + " from unnest($1::uuid[]) with ordinality as p(m_id, n) "
                        + "join chem.molecules m on m.id = p.m_id order by p.n";
        Tuple args = structure.bySimilarity()
                ? Tuple.of(ids, matched.stream().map(Candidate::similarity).toArray(Double[]::new))
                : Tuple.of(ids);
        return db.preparedQuery(query).execute(args).map(result -> {
            List<Buffer> items = new ArrayList<>(result.size());
            result.forEach(row -> items.add(Rows.json(row)));
            return items;
        });
    }

    /** The filters of GET /api/molecules on molecules {@code m}: every query that filters molecules uses these. */
    static Sql filters(MoleculeSearch search) {
        Sql sql = new Sql();
        if (search.text() != null) {
            sql.and("m.id in (select chem_private.molecule_ids_matching(?))", Sql.likePattern(search.text()));
        }
        sql.andIf(search.formula() != null, "m.formula = ?", search.formula())
                .andIf(search.inchikey() != null, "m.inchikey = ?", search.inchikey())
                .andIf(search.parentInchikey() != null, "m.parent_inchikey = ?", search.parentInchikey())
                .andIf(search.projectId() != null,
                        "m.id in (select pm.molecule_id from chem.project_molecules pm where pm.project_id = ?)", search.projectId());
        propertyRange(sql, "molecular_weight", search.mwMin(), search.mwMax());
        propertyRange(sql, "xlogp", search.logpMin(), search.logpMax());
        propertyRange(sql, "tpsa", null, search.tpsaMax());
        return sql;
    }

    private static void propertyRange(Sql sql, String property, Double min, Double max) {
        if (min != null || max != null) {
            sql.and("m.id in (select p.molecule_id from chem.molecule_properties p where p.name = ? and p.value >= ? and p.value <= ?)",
                    property, min == null ? Double.NEGATIVE_INFINITY : min, max == null ? Double.POSITIVE_INFINITY : max);
        }
    }

    public Uni<Optional<Molecule>> find(SqlClient db, UUID id) {
        return db.preparedQuery("select " + AS_DETAIL_JSON + " from chem.molecules m where m.id = $1")
                .execute(Tuple.of(id)).map(rows -> Rows.first(rows).map(row -> decode(row.getString("json"))));
    }

    /** The caller's right on a molecule it can see (the write policies' function); empty when it cannot see it. */
    public Uni<Optional<String>> right(SqlClient db, UUID id) {
        return db.preparedQuery("select coalesce(chem_private.molecule_right(m.id), 'read') as right from chem.molecules m where m.id = $1")
                .execute(Tuple.of(id)).map(rows -> Rows.first(rows).map(row -> row.getString("right")));
    }

    /** The public entry for a structure, else the caller's own; other teams' rows are invisible here. */
    public Uni<Optional<UUID>> findVisibleByInchikey(SqlClient db, String inchikey, UUID owner) {
        return db.preparedQuery("select m.id from chem.molecules m where m.inchikey = $1 and (m.is_public or m.created_by = $2) "
                + "order by m.is_public desc limit 1")
                .execute(Tuple.of(inchikey, owner)).map(rows -> Rows.first(rows).map(row -> row.getUUID("id")));
    }

    public Uni<Optional<UUID>> findPublicByInchikey(SqlClient db, String inchikey) {
        return db.preparedQuery("select m.id from chem.molecules m where m.inchikey = $1 and m.is_public")
                .execute(Tuple.of(inchikey)).map(rows -> Rows.first(rows).map(row -> row.getUUID("id")));
    }

    /** Inserts a molecule with the identity CDK computed for it: keys, parent key and fingerprints. */
    public Uni<UUID> insert(SqlClient db, String name, String smiles, ComputedStructure structure, boolean isPublic,
            UUID createdBy) {
        StructureIdentity identity = structure.identity();
        return db.preparedQuery("""
                insert into chem.molecules (name, smiles, canonical_smiles, inchi, inchikey, formula, is_public, created_by,
                                            parent_inchikey, similarity_fp, similarity_bits, screen_fp)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, %s, %s, %s) returning id"""
                        .formatted(fingerprint("$10"), "bit_count(" + fingerprint("$10") + ")", fingerprint("$11")))
                .execute(Tuple.from(List.of(name, smiles, structure.canonicalSmiles(), structure.inchi(), structure.inchikey(),
                                structure.formula(), isPublic))
                        .addValue(createdBy).addValue(identity.parentInchikey())
                        .addValue(hex(identity.similarity())).addValue(hex(identity.screen())))
                .map(rows -> rows.iterator().next().getUUID("id"));
    }

    /** A fingerprint parameter as PostgreSQL bits: {@link Fingerprint#hex()} is exactly what {@code 'x' || hex} reads. */
    static String fingerprint(String parameter) {
        return "('x' || " + parameter + "::text)::bit(" + Fingerprint.SIZE + ")";
    }

    public static String hex(Fingerprint fingerprint) {
        return fingerprint == null ? null : fingerprint.hex();
    }

    /**
     * The molecules of {@code input}'s rows (one lookup per molecule, not per row): synonym and property
     * rows carry their molecule's is_public (V15), which the foreign key checks. A molecule the caller
     * cannot see counts as private; the write policies refuse such rows anyway.
     */
    private static final String PARENTS = "parents as (select m.id, m.is_public from chem.molecules m "
            + "where m.id in (select molecule_id from input))";
    private static final String PARENT_IS_PUBLIC = "coalesce(parents.is_public, false)";

    /**
     * Upserts property values, never letting a weaker source (cdk &lt; chembl &lt; pubchem &lt; manual)
     * overwrite a stronger one. A computed value only fills a gap: two spellings of one structure
     * (CS(=O)C, C[S+](C)[O-]) give CDK different TPSAs, and must not overwrite each other forever.
     */
    public Uni<List<UUID>> upsertProperties(SqlClient db, JsonArray values) {
        // typed arrays, not jsonb: a batch has ~7000 rows, and encoding them as JSON (on the event loop)
        // and parsing them again in PostgreSQL cost more than the upsert
        int n = values.size();
        UUID[] ids = new UUID[n];
        String[] names = new String[n];
        Double[] numbers = new Double[n];
        String[] units = new String[n];
        String[] sources = new String[n];
        String[] describes = new String[n];
        for (int i = 0; i < n; i++) {
            JsonObject row = values.getJsonObject(i);
            ids[i] = UUID.fromString(row.getString("molecule_id"));
            names[i] = row.getString("name");
            numbers[i] = row.getDouble("value");
            units[i] = row.getString("unit");
            sources[i] = row.getString("source");
            describes[i] = row.getString("describes");
        }
        return db.preparedQuery("""
                with input as (select * from unnest($1::uuid[], $2::text[], $3::float8[], $4::text[], $5::text[], $6::text[])
                               as r(molecule_id, name, value, unit, source, describes)),
                %s,
                changed as (
                    insert into chem.molecule_properties as p (molecule_id, name, value, unit, source, describes, molecule_public)
                    select i.molecule_id, i.name, i.value, i.unit, i.source, coalesce(i.describes, 'molecule'), %s
                    from input i left join parents on parents.id = i.molecule_id
                    on conflict (molecule_id, name) do update
                        set value = excluded.value, unit = excluded.unit, source = excluded.source,
                            describes = excluded.describes, updated_at = now()
                        where (p.value, p.unit, p.source, p.describes)
                                is distinct from (excluded.value, excluded.unit, excluded.source, excluded.describes)
                          and (array_position(array['cdk','chembl','pubchem','manual'], excluded.source)
                                 > array_position(array['cdk','chembl','pubchem','manual'], p.source)
                               or (excluded.source = p.source and excluded.source <> 'cdk'))
                    returning p.molecule_id)
                select distinct molecule_id from changed""".formatted(PARENTS, PARENT_IS_PUBLIC))
                .execute(Tuple.of(ids, names, numbers, units, sources, describes)).map(Rows::ids);
    }

    public Uni<List<UUID>> addSynonyms(SqlClient db, JsonArray synonyms) {
        UUID[] ids = new UUID[synonyms.size()];
        String[] texts = new String[synonyms.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = UUID.fromString(synonyms.getJsonObject(i).getString("molecule_id"));
            texts[i] = synonyms.getJsonObject(i).getString("synonym");
        }
        return db.preparedQuery("""
                with input as (select * from unnest($1::uuid[], $2::text[]) as r(molecule_id, synonym)),
                %s,
                added as (
                    insert into chem.molecule_synonyms (molecule_id, synonym, molecule_public)
                    select i.molecule_id, i.synonym, %s from input i left join parents on parents.id = i.molecule_id
                    on conflict do nothing returning molecule_id)
                select distinct molecule_id from added""".formatted(PARENTS, PARENT_IS_PUBLIC))
                .execute(Tuple.of(ids, texts)).map(Rows::ids);
    }

    public Uni<Void> replaceSynonyms(SqlClient db, UUID id, List<String> synonyms) {
        return db.preparedQuery("delete from chem.molecule_synonyms where molecule_id = $1").execute(Tuple.of(id))
                .chain(() -> addSynonyms(db, synonymRows(id, synonyms))).replaceWithVoid();
    }

    /** @return whether a row was visible and writable for the caller */
    public Uni<Boolean> update(SqlClient db, UUID id, String name, Boolean isPublic) {
        return db.preparedQuery("""
                update chem.molecules set name = coalesce($2, name), is_public = coalesce($3, is_public), updated_at = now()
                where id = $1""")
                .execute(Tuple.of(id, name, isPublic)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Boolean> delete(SqlClient db, UUID id) {
        return db.preparedQuery("delete from chem.molecules where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 1);
    }

    /** What a depiction is drawn from and how it may be cached. */
    public record DepictionSource(String smiles, boolean isPublic) {
    }

    public Uni<Optional<DepictionSource>> depictionSource(SqlClient db, UUID id) {
        return db.preparedQuery("select smiles, is_public from chem.molecules where id = $1").execute(Tuple.of(id))
                .map(rows -> Rows.first(rows).map(row -> new DepictionSource(row.getString("smiles"), row.getBoolean("is_public"))));
    }

    /** Molecular weights of the visible molecules among {@code ids}; invisible ones are absent. */
    public Uni<Map<UUID, Optional<Double>>> molecularWeights(SqlClient db, List<UUID> ids) {
        return db.preparedQuery("""
                select m.id, p.value from chem.molecules m
                left join chem.molecule_properties p on p.molecule_id = m.id and p.name = 'molecular_weight'
                where m.id = any($1)""")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, Optional<Double>> weights = new TreeMap<>();
                    rows.forEach(row -> weights.put(row.getUUID("id"), Optional.ofNullable(row.getDouble("value"))));
                    return weights;
                });
    }

    public static JsonArray synonymRows(UUID id, List<String> synonyms) {
        JsonArray rows = new JsonArray();
        synonyms.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct()
                .forEach(s -> rows.add(new JsonObject().put("molecule_id", id.toString()).put("synonym", s)));
        return rows;
    }

    /** Property rows of values that describe the molecule as registered (supplied and manual values). */
    public static JsonArray propertyRows(UUID id, Map<String, Double> values, String source) {
        return propertyRows(id, values, source, Map.of());
    }

    /** Property rows; {@code describes} names the structure each value was computed on (default: the molecule). */
    public static JsonArray propertyRows(UUID id, Map<String, Double> values, String source, Map<String, String> describes) {
        JsonArray rows = new JsonArray();
        values.forEach((name, value) -> rows.add(new JsonObject().put("molecule_id", id.toString()).put("name", name)
                .put("value", value).put("unit", PropertyUnits.of(name)).put("source", source)
                .put("describes", describes.getOrDefault(name, ComputedStructure.MOLECULE))));
        return rows;
    }

    private Molecule decode(String json) {
        try {
            return mapper.readValue(json, Molecule.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Molecule JSON from the database does not match the Molecule record", e);
        }
    }
}
