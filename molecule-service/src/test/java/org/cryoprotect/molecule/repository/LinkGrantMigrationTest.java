package org.cryoprotect.molecule.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

import org.cryoprotect.common.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V8 turns links that existed before it into shares where the row's creator (or the service role)
 * made them, and into references, which grant nothing, everywhere else — registry links included.
 */
class LinkGrantMigrationTest {

    @Test
    void existingLinksKeepOnlyWhatTheirMakersCouldGrant() throws SQLException {
        TestDatabase testDatabase = new TestDatabase();
        Map<String, String> settings = testDatabase.start();
        String database = testDatabase.name();
        try {
            migrate(settings, "7");
            try (Connection db = TestDatabase.superuser(database); Statement sql = db.createStatement()) {
                sql.execute("""
                        insert into chem.molecules (id, name, smiles, inchikey, is_public, created_by) values
                          ('00000000-0000-0000-0000-00000000000a', 'registry', 'OCC(O)CO', 'PEDCQBHIVMGVHV-UHFFFAOYSA-N', true, null),
                          ('00000000-0000-0000-0000-00000000000b', 'secret', 'CCO', 'LFQSCWFLJHTTHZ-UHFFFAOYSA-N', false,
                           'a0000000-0000-0000-0000-000000000000');
                        insert into chem.teams (id, name, created_by) values
                          ('10000000-0000-0000-0000-00000000000a', 'A', 'a0000000-0000-0000-0000-000000000000'),
                          ('10000000-0000-0000-0000-00000000000b', 'B', 'e0000000-0000-0000-0000-000000000000'),
                          ('10000000-0000-0000-0000-00000000000c', 'C', 'c0000000-0000-0000-0000-000000000000');
                        insert into chem.team_members (team_id, user_id, role) values
                          ('10000000-0000-0000-0000-00000000000a', 'a0000000-0000-0000-0000-000000000000', 'owner'),
                          ('10000000-0000-0000-0000-00000000000a', 'e0000000-0000-0000-0000-000000000000', 'editor'),
                          ('10000000-0000-0000-0000-00000000000a', 'c0000000-0000-0000-0000-000000000000', 'viewer'),
                          ('10000000-0000-0000-0000-00000000000b', 'e0000000-0000-0000-0000-000000000000', 'owner'),
                          ('10000000-0000-0000-0000-00000000000c', 'c0000000-0000-0000-0000-000000000000', 'owner');
                        insert into chem.projects (id, team_id, name, created_by) values
                          ('20000000-0000-0000-0000-00000000000a', '10000000-0000-0000-0000-00000000000a', 'PA', 'a0000000-0000-0000-0000-000000000000'),
                          ('20000000-0000-0000-0000-00000000000b', '10000000-0000-0000-0000-00000000000b', 'PB', 'e0000000-0000-0000-0000-000000000000'),
                          ('20000000-0000-0000-0000-00000000000c', '10000000-0000-0000-0000-00000000000c', 'PC', 'c0000000-0000-0000-0000-000000000000');
                        insert into chem.project_molecules (project_id, molecule_id, added_by) values
                          ('20000000-0000-0000-0000-00000000000a', '00000000-0000-0000-0000-00000000000b', 'a0000000-0000-0000-0000-000000000000'),
                          ('20000000-0000-0000-0000-00000000000b', '00000000-0000-0000-0000-00000000000b', 'e0000000-0000-0000-0000-000000000000'),
                          ('20000000-0000-0000-0000-00000000000c', '00000000-0000-0000-0000-00000000000b', 'c0000000-0000-0000-0000-000000000000'),
                          ('20000000-0000-0000-0000-00000000000c', '00000000-0000-0000-0000-00000000000a', 'c0000000-0000-0000-0000-000000000000'),
                          ('20000000-0000-0000-0000-00000000000b', '00000000-0000-0000-0000-00000000000a', null);
                        """);
            }
            migrate(settings, "latest");

            Map<String, String> grants = new TreeMap<>();
            try (Connection db = TestDatabase.superuser(database); Statement sql = db.createStatement();
                    ResultSet rows = sql.executeQuery("""
                            select p.name || '/' || m.name as link, pm.grants from chem.project_molecules pm
                            join chem.projects p on p.id = pm.project_id join chem.molecules m on m.id = pm.molecule_id""")) {
                while (rows.next()) {
                    grants.put(rows.getString("link"), rows.getString("grants"));
                }
            }
            assertEquals(Map.of(
                    "PA/secret", "manage",      // made by the creator
                    "PB/secret", "reference",   // made by an editor of A: only creators share
                    "PC/secret", "reference",   // made by a viewer of A: grants nothing any more
                    "PC/registry", "reference", // registry rows are always references
                    "PB/registry", "reference"), grants);
        } finally {
            testDatabase.stop();
        }
    }

    /** As the deployments migrate: the schema owner's login, not a superuser. */
    private static void migrate(Map<String, String> settings, String target) {
        Flyway.configure()
                .dataSource(settings.get("quarkus.datasource.migrations.jdbc.url"),
                        settings.get("quarkus.datasource.migrations.username"),
                        settings.get("quarkus.datasource.migrations.password"))
                .schemas("chem").locations("classpath:db/migration").target(target).load().migrate();
    }
}
