package org.cryoprotect.molecule;

import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.cryoprotect.common.testing.TestDatabase;

/** Registry molecules and imported measurements for the toxicity tests. */
public final class ToxicityFixtures {

    private static final AtomicInteger STRUCTURES = new AtomicInteger();
    private static final AtomicInteger CIDS = new AtomicInteger(7_700_000);

    private ToxicityFixtures() {
    }

    /** A fresh PubChem CID no other test uses. */
    public static long cid() {
        return CIDS.incrementAndGet();
    }

    /** A public registry molecule (imported as PubChem {@code cid}) of a structure no other test uses. */
    public static String registryMolecule(long cid, String name) {
        return Api.service().request().body(Map.of("records", List.of(Map.of("source", "pubchem", "source_id",
                        String.valueOf(cid), "name", name, "smiles", uniqueSmiles()))))
                .post("/api/molecules/batch").then().statusCode(200).body("results[0].status", equalTo("created"))
                .extract().path("results[0].id");
    }

    /** Distinct structures: an amine head, then a chain whose substituents spell the counter in base 4. */
    public static String uniqueSmiles() {
        int n = STRUCTURES.incrementAndGet();
        StringBuilder smiles = new StringBuilder("NCC");
        String[] groups = {"C", "C(C)", "C(O)", "C(F)"};
        for (int i = 0; i < 7; i++) {
            smiles.append(groups[n % 4]);
            n /= 4;
        }
        return smiles.append("CCCN").toString();
    }

    /** A parsed PubChem measurement as import-service sends it. */
    public static Map<String, Object> parsed(long cid, String record, String endpoint, double value, String unit,
            String species, String route) {
        Map<String, Object> item = new HashMap<>();
        item.put("source", "pubchem");
        item.put("pubchem_cid", cid);
        item.put("record", record);
        item.put("text", endpoint + " " + species + " " + route + " " + value + " " + unit);
        item.put("reference", "Test reference for " + record);
        item.put("endpoint", endpoint);
        item.put("relation", "=");
        item.put("value", value);
        item.put("unit", unit);
        item.put("species", species);
        item.put("route", route);
        return item;
    }

    public static Map<String, Object> unparsed(long cid, String record, String text, String reason) {
        Map<String, Object> item = new HashMap<>();
        item.put("source", "pubchem");
        item.put("pubchem_cid", cid);
        item.put("record", record);
        item.put("text", text);
        item.put("unparsed_reason", reason);
        return item;
    }

    public static io.restassured.response.ValidatableResponse send(List<Map<String, Object>> measurements) {
        return Api.service().request().body(Map.of("measurements", measurements)).post("/api/toxicity/batch").then();
    }

    /** The first column of the first row of {@code sql}, run as the superuser in {@code database}. */
    public static long count(String database, String sql) {
        try (Connection db = TestDatabase.superuser(database); ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A digest of every row of the given chem tables: equal before and after means nothing changed. */
    public static String snapshot(String database, String... tables) {
        String rows = Arrays.stream(tables).map(t -> "select '" + t + "' || x::text as r from chem." + t + " x")
                .collect(Collectors.joining(" union all "));
        try (Connection db = TestDatabase.superuser(database); ResultSet rs = db.createStatement().executeQuery(
                "select md5(coalesce(string_agg(r, '|' order by r), '')) from (" + rows + ") rows")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
