package org.cryoprotect.molecule.rest;

import static org.cryoprotect.molecule.StoredIdentity.assertStoredIdentity;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.cryoprotect.common.testing.TestDatabase;
import org.cryoprotect.molecule.Api;
import org.cryoprotect.molecule.chem.ComputedStructure;
import org.cryoprotect.molecule.chem.StructureCalculator;
import org.cryoprotect.molecule.service.StructureBackfill;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Parent keys and fingerprints are the service's to compute: on create, on batch upsert, and by the
 * backfill for rows that predate them; users can never rewrite them.
 */
@QuarkusTest
class StructureWriteTest {

    private final StructureCalculator calculator = new StructureCalculator();

    @ConfigProperty(name = "cryo.test.database")
    String database;

    @Inject
    StructureBackfill backfill;

    @Test
    void createStoresTheParentKeyAndTheFingerprintsOfTheStructure() throws Exception {
        String smiles = "[Na+].[O-]C(=O)CCC(F)(F)F";
        String id = Api.user().createMolecule("Write path salt", smiles);
        assertStoredIdentity(database, id, smiles);
    }

    @Test
    void batchUpsertStoresThemOnBothPaths() throws Exception {
        String computed = "OCC(F)(F)C(F)(F)CO";
        String supplied = "OCC(F)(F)C(F)(F)C(F)(F)CO";
        ComputedStructure full = calculator.compute(supplied);
        Map<String, Object> withEverything = Map.of("source", "pubchem", "source_id", "990001", "name", "Batch identity supplied",
                "smiles", supplied, "inchikey", full.inchikey(), "formula", full.formula(), "properties", full.properties());
        List<String> ids = Api.service().request().body(Map.of("records", List.of(
                        Map.of("source", "pubchem", "source_id", "990000", "name", "Batch identity computed", "smiles", computed),
                        withEverything)))
                .post("/api/molecules/batch").then().statusCode(200).extract().path("results.id");
        assertStoredIdentity(database, ids.get(0), computed);
        assertStoredIdentity(database, ids.get(1), supplied);
    }

    @Test
    void usersCannotRewriteParentKeysOrFingerprints() throws Exception {
        Api owner = Api.user();
        String id = owner.createMolecule("Fingerprint owner", "OCC(F)(F)CO");
        String before = row(id);
        for (String column : List.of("parent_inchikey = 'AAAAAAAAAAAAAA-BBBBBBBBBB-N'", "similarity_fp = null, similarity_bits = null",
                "screen_fp = ~screen_fp")) {
            SQLException refused = assertThrows(SQLException.class, () -> asUser(owner, "update chem.molecules set " + column
                    + " where id = '" + id + "'"));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
        }
        assertEquals(before, row(id), "a refused write changed nothing");
    }

    @Test
    void backfillFillsRowsWithoutFingerprintsAndMovesSaltsDescriptorsToTheParent() throws Exception {
        String plain = "OCC(O)CCC(F)(F)F";
        String salt = "[Na+].[O-]C(=O)CCCC(F)(F)F";
        String inorganic = "[Na+].[Cl-]";
        UUID owner = UUID.randomUUID();
        String plainId = insertUnfingerprinted(owner, "Backfill plain", plain, calculator.identity(plain).inchikey());
        String saltId = insertUnfingerprinted(owner, "Backfill salt", salt, calculator.identity(salt).inchikey());
        String inorganicId = insertUnfingerprinted(owner, "Backfill salt without carbon", inorganic,
                calculator.identity(inorganic).inchikey());
        String brokenId = insertUnfingerprinted(owner, "Backfill broken", "C1CC", "AAAAAAAAAAAAAA-BBBBBBBBBB-N");
        superuser("insert into chem.molecule_properties (molecule_id, name, value, source) values "
                + "('" + saltId + "', 'xlogp', 99, 'cdk'), ('" + saltId + "', 'tpsa', 12, 'manual'), "
                + "('" + saltId + "', 'molecular_weight', 180.1, 'cdk'), "
                + "('" + inorganicId + "', 'xlogp', 0.512, 'cdk'), ('" + plainId + "', 'xlogp', 42, 'cdk')");

        backfill.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> !backfill.isRunning()
                && count("id in ('" + plainId + "', '" + saltId + "', '" + inorganicId + "') and similarity_fp is not null") == 3);

        assertStoredIdentity(database, plainId, plain);
        assertStoredIdentity(database, saltId, salt);
        assertStoredIdentity(database, inorganicId, inorganic);
        assertEquals(1, count("id = '" + brokenId + "' and similarity_fp is null"), "a row CDK cannot read is left alone");
        ComputedStructure saltStructure = calculator.compute(salt);
        assertEquals(saltStructure.properties().get("xlogp") + " parent cdk", property(saltId, "xlogp"));
        assertEquals("12.0 molecule manual", property(saltId, "tpsa"), "a manual value stays");
        assertEquals("180.1 molecule cdk", property(saltId, "molecular_weight"), "it describes the molecule: not recomputed");
        assertNull(property(inorganicId, "xlogp"), "no XLogP without carbon");
        assertEquals("42.0 molecule cdk", property(plainId, "xlogp"), "its own parent: nothing to recompute");
    }

    /** A row as an old version of the service wrote it: no parent key, no fingerprints. */
    private String insertUnfingerprinted(UUID owner, String name, String smiles, String inchikey) throws SQLException {
        try (Connection db = TestDatabase.superuser(database); PreparedStatement insert = db.prepareStatement("""
                insert into chem.molecules (name, smiles, inchikey, is_public, created_by)
                values (?, ?, ?, false, ?) returning id""")) {
            insert.setString(1, name);
            insert.setString(2, smiles);
            insert.setString(3, inchikey);
            insert.setObject(4, owner);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private String property(String id, String name) throws SQLException {
        try (Connection db = TestDatabase.superuser(database); Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("select value, describes, source from chem.molecule_properties "
                        + "where molecule_id = '" + id + "' and name = '" + name + "'")) {
            return row.next() ? row.getDouble(1) + " " + row.getString(2) + " " + row.getString(3) : null;
        }
    }

    private long count(String where) throws SQLException {
        try (Connection db = TestDatabase.superuser(database); Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("select count(*) from chem.molecules where " + where)) {
            row.next();
            return row.getLong(1);
        }
    }

    private String row(String id) throws SQLException {
        try (Connection db = TestDatabase.superuser(database); Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("select m::text from chem.molecules m where id = '" + id + "'")) {
            row.next();
            return row.getString(1);
        }
    }

    private void superuser(String statement) throws SQLException {
        try (Connection db = TestDatabase.superuser(database); Statement sql = db.createStatement()) {
            sql.execute(statement);
        }
    }

    /** A statement as the API runs it for {@code user}: the request role and the user's id, in one transaction. */
    private void asUser(Api user, String statement) throws SQLException {
        try (Connection db = TestDatabase.login(database, TestDatabase.AUTHENTICATOR)) {
            db.setAutoCommit(false);
            try (Statement sql = db.createStatement()) {
                sql.execute("select set_config('role', 'cryo_authenticated', true), "
                        + "set_config('request.jwt.claim.sub', '" + user.userId() + "', true)");
                sql.execute(statement);
                db.commit();
            } finally {
                db.rollback();
            }
        }
    }
}
