package org.cryoprotect.common.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real PostgreSQL database of its own for each test run, created on the server named by
 * PGHOST/PGPORT/PGUSER/PGPASSWORD (default 127.0.0.1:5432, postgres, a superuser) and dropped
 * afterwards. The logins are the deployments' own (k8s/base/postgres/roles.sql, run here as
 * PGUSER): migrations run as the non-superuser owner {@value #OWNER}, each service connects as its
 * runtime login, which owns nothing, so Row Level Security and the grants really apply.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    /** Owns the schemas and runs the migrations. */
    public static final String OWNER = "cryo_owner";
    /** molecule-service's login (switches to the RLS request roles). */
    public static final String AUTHENTICATOR = "cryo_authenticator";
    /** auth-service's login. */
    public static final String AUTH = "cryo_auth";
    /** import-service's login. */
    public static final String IMPORTER = "cryo_importer";
    /** web's login (the browser app's sessions). */
    public static final String WEB = "cryo_web";
    public static final String APP_ROLE = AUTHENTICATOR;
    /** The password of every login above in tests (ignored where the server trusts 127.0.0.1). */
    public static final String APP_PASSWORD = "cryo-test";

    static final String ROLES_SQL = "k8s/base/postgres/roles.sql";

    private final String host = env("PGHOST", "127.0.0.1");
    private final String port = env("PGPORT", "5432");
    private final String user = env("PGUSER", "postgres");
    private final String password = env("PGPASSWORD", "");
    private final String database = "cryo_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    /** The login the service under test connects as (init arg "app-role"). */
    private String appRole = AUTHENTICATOR;

    @Override
    public void init(Map<String, String> args) {
        appRole = args.getOrDefault("app-role", appRole);
    }

    @Override
    public Map<String, String> start() {
        try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the test database on " + host + ":" + port
                    + " as " + user + " (is PostgreSQL running?)", e);
        }
        bootstrapRoles();
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://" + host + ":" + port + "/" + database,
                "quarkus.datasource.username", appRole,
                "quarkus.datasource.password", APP_PASSWORD,
                "quarkus.datasource.migrations.jdbc.url", jdbcUrl(database),
                "quarkus.datasource.migrations.username", OWNER,
                "quarkus.datasource.migrations.password", APP_PASSWORD,
                "cryo.test.database", database);
    }

    /**
     * The deployments' role bootstrap, then the test passwords. Other test JVMs may do the same on
     * the same cluster at the same moment; a statement that lost such a race is simply repeated.
     */
    private void bootstrapRoles() {
        String roles = rolesSql();
        SQLException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try (Connection db = connect(database); Statement sql = db.createStatement()) {
                sql.execute(roles);
                for (String login : List.of(OWNER, AUTHENTICATOR, AUTH, IMPORTER, WEB)) {
                    sql.execute("alter role " + login + " password '" + APP_PASSWORD + "'");
                }
                sql.execute("alter database " + database + " owner to " + OWNER);
                return;
            } catch (SQLException e) {
                last = e;
            }
        }
        throw new IllegalStateException("Cannot create the database roles (" + ROLES_SQL + ") in " + database, last);
    }

    /** roles.sql of this checkout: the nearest one above the working directory of the test. */
    static String rolesSql() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(ROLES_SQL);
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new IllegalStateException("Cannot read " + file, e);
                }
            }
        }
        throw new IllegalStateException(ROLES_SQL + " not found above " + Path.of("").toAbsolutePath());
    }

    @Override
    public void stop() {
        try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test database " + database, e);
        }
    }

    public String name() {
        return database;
    }

    /** Environment variables that point a service process at this database, logged in as {@code login}. */
    public Map<String, String> serviceEnvironment(String login) {
        return Map.of(
                "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + host + ":" + port + "/" + database,
                "QUARKUS_DATASOURCE_USERNAME", login,
                "QUARKUS_DATASOURCE_PASSWORD", APP_PASSWORD,
                "QUARKUS_DATASOURCE_MIGRATIONS_JDBC_URL", jdbcUrl(database),
                "QUARKUS_DATASOURCE_MIGRATIONS_USERNAME", OWNER,
                "QUARKUS_DATASOURCE_MIGRATIONS_PASSWORD", APP_PASSWORD);
    }

    /** A superuser connection to the test database, for fixtures and for checking what the API did. */
    public static Connection superuser(String database) throws SQLException {
        TestDatabase settings = new TestDatabase();
        return settings.connect(database);
    }

    /** A connection to the test database as one of the deployments' logins (e.g. {@link #AUTH}). */
    public static Connection login(String database, String login) throws SQLException {
        TestDatabase settings = new TestDatabase();
        return DriverManager.getConnection(settings.jdbcUrl(database), login, APP_PASSWORD);
    }

    private Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(db), user, password);
    }

    private String jdbcUrl(String db) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + db;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
