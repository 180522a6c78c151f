package org.cryoprotect.importer.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.cryoprotect.common.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The database logins of a deployment (k8s/base/postgres/roles.sql and each service's grants), on
 * the stack's database, where all three services have migrated their schemas: only the migration
 * login owns anything, and it is no superuser; a service's login reads and writes its own rows and
 * nothing else.
 */
class DatabaseLoginsIT {

    static final String INSUFFICIENT_PRIVILEGE = "42501";
    static final List<String> SCHEMAS = List.of("auth", "importer", "chem", "chem_private", "public");
    /** A table of each service's schema, the one its own login may use. */
    static final Map<String, String> OWN_TABLE = Map.of(
            TestDatabase.AUTH, "auth.users",
            TestDatabase.IMPORTER, "importer.jobs");

    @ParameterizedTest
    @ValueSource(strings = {TestDatabase.AUTH, TestDatabase.IMPORTER})
    void authAndImportLoginsReadTheirOwnRowsButNoChemistry(String login) throws SQLException {
        String schema = OWN_TABLE.get(login).substring(0, OWN_TABLE.get(login).indexOf('.'));
        long history = count("select count(*) from " + schema + ".flyway_schema_history");
        try (Connection db = login(login); Statement sql = db.createStatement()) {
            sql.executeQuery("select count(*) from " + OWN_TABLE.get(login)).close();
            assertRefused(sql, "select count(*) from chem.molecules");
            assertRefused(sql, "select count(*) from chem.public_molecules_summary");
            for (String other : OWN_TABLE.values()) {
                if (!other.equals(OWN_TABLE.get(login))) {
                    assertRefused(sql, "select count(*) from " + other);
                }
            }
            assertRefused(sql, "delete from " + schema + ".flyway_schema_history");
        }
        assertEquals(history, count("select count(*) from " + schema + ".flyway_schema_history"));
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDatabase.AUTH, TestDatabase.IMPORTER, TestDatabase.AUTHENTICATOR})
    void runtimeLoginsCannotAlterDropOrCreateTablesAnywhere(String login) throws SQLException {
        try (Connection db = login(login); Statement sql = db.createStatement()) {
            for (String table : List.of("auth.users", "importer.jobs", "chem.molecules")) {
                assertRefused(sql, "alter table " + table + " add column intruder integer");
                assertRefused(sql, "drop table " + table);
            }
            for (String schema : SCHEMAS) {
                assertRefused(sql, "create table " + schema + ".intruder (id integer)");
            }
        }
        // the refused statements changed nothing
        assertEquals(3, count("select count(*) from pg_tables where schemaname || '.' || tablename "
                + "in ('auth.users', 'importer.jobs', 'chem.molecules')"));
        assertEquals(0, count("select count(*) from information_schema.columns where column_name = 'intruder'"));
        assertEquals(0, count("select count(*) from pg_class where relname = 'intruder'"));
    }

    @Test
    void theMigrationLoginOwnsTheSchemasAndIsNoSuperuser() throws SQLException {
        try (Connection db = TestDatabase.superuser(ImportStack.DATABASE.name()); Statement sql = db.createStatement();
                ResultSet role = sql.executeQuery("select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles "
                        + "where rolname = '" + TestDatabase.OWNER + "'")) {
            role.next();
            for (int column = 1; column <= 4; column++) {
                assertFalse(role.getBoolean(column), role.getMetaData().getColumnName(column));
            }
        }
        assertEquals(4, count("select count(*) from pg_namespace where nspname in ('auth', 'importer', 'chem', 'chem_private') "
                + "and nspowner = '" + TestDatabase.OWNER + "'::regrole"));
        assertEquals(0, count("select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                + "where n.nspname in ('auth', 'importer', 'chem') and c.relowner <> '" + TestDatabase.OWNER + "'::regrole"));
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDatabase.AUTH, TestDatabase.IMPORTER, TestDatabase.AUTHENTICATOR})
    void runtimeLoginsOwnNothingAndAreNotTheOwner(String login) throws SQLException {
        String owner = "'" + login + "'::regrole";
        assertEquals(0, count("select (select count(*) from pg_class where relowner = " + owner + ")"
                + " + (select count(*) from pg_namespace where nspowner = " + owner + ")"
                + " + (select count(*) from pg_proc where proowner = " + owner + ")"
                + " + (select count(*) from pg_type where typowner = " + owner + ")"
                + " + (select count(*) from pg_database where datdba = " + owner + ")"));
        assertEquals(0, count("select count(*) from pg_roles where rolname = '" + login + "' and (rolsuper or rolbypassrls "
                + "or rolcreaterole or rolcreatedb or pg_has_role(rolname, '" + TestDatabase.OWNER + "', 'member'))"));
    }

    private static Connection login(String login) throws SQLException {
        ImportStack.IMPORTER.url();   // the whole stack is up: every schema is migrated
        return TestDatabase.login(ImportStack.DATABASE.name(), login);
    }

    private static void assertRefused(Statement sql, String statement) {
        SQLException refused = assertThrows(SQLException.class, () -> sql.execute(statement), statement);
        assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(), statement + ": " + refused.getMessage());
    }

    private static long count(String query) throws SQLException {
        try (Connection db = TestDatabase.superuser(ImportStack.DATABASE.name()); Statement sql = db.createStatement();
                ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
