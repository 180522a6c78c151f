package org.cryoprotect.common.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real PostgreSQL database of its own for each test run, created on the server named by
 * PGHOST/PGPORT/PGUSER/PGPASSWORD (default 127.0.0.1:5432, postgres) and dropped afterwards.
 * Migrations run as PGUSER; the service connects as the non-superuser role cryo_authenticator,
 * so Row Level Security really applies.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String APP_ROLE = "cryo_authenticator";
    public static final String APP_PASSWORD = "cryo-test";

    private final String host = env("PGHOST", "127.0.0.1");
    private final String port = env("PGPORT", "5432");
    private final String user = env("PGUSER", "postgres");
    private final String password = env("PGPASSWORD", "");
    private final String database = "cryo_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    /** "authenticator" (RLS services) or "owner" (a service that owns its schema, like auth-service). */
    private String appRole = "authenticator";

    @Override
    public void init(Map<String, String> args) {
        appRole = args.getOrDefault("app-role", appRole);
    }

    @Override
    public Map<String, String> start() {
        try (Connection admin = connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("create database " + database);
            sql.execute("""
                    do $$ begin
                      if not exists (select 1 from pg_roles where rolname = '%1$s') then
                        create role %1$s login noinherit password '%2$s';
                      else
                        alter role %1$s login noinherit password '%2$s';
                      end if;
                    end $$""".formatted(APP_ROLE, APP_PASSWORD));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the test database on " + host + ":" + port
                    + " as " + user + " (is PostgreSQL running?)", e);
        }
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://" + host + ":" + port + "/" + database,
                "quarkus.datasource.username", "owner".equals(appRole) ? user : APP_ROLE,
                "quarkus.datasource.password", "owner".equals(appRole) ? password : APP_PASSWORD,
                "quarkus.datasource.migrations.jdbc.url", jdbcUrl(database),
                "quarkus.datasource.migrations.username", user,
                "quarkus.datasource.migrations.password", password,
                "cryo.test.database", database);
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

    /** Environment variables that point a service process at this database. */
    public Map<String, String> serviceEnvironment(boolean owner) {
        return Map.of(
                "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + host + ":" + port + "/" + database,
                "QUARKUS_DATASOURCE_USERNAME", owner ? user : APP_ROLE,
                "QUARKUS_DATASOURCE_PASSWORD", owner ? password : APP_PASSWORD,
                "QUARKUS_DATASOURCE_MIGRATIONS_JDBC_URL", jdbcUrl(database),
                "QUARKUS_DATASOURCE_MIGRATIONS_USERNAME", user,
                "QUARKUS_DATASOURCE_MIGRATIONS_PASSWORD", password);
    }

    /** A superuser connection to the test database, for fixtures and for checking what the API did. */
    public static Connection superuser(String database) throws SQLException {
        TestDatabase settings = new TestDatabase();
        return settings.connect(database);
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
