package org.cryoprotect.common.db;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.cryoprotect.common.security.Caller;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Runs work as the caller, the way PostgREST does: one transaction per request whose first statement
 * sets the role, the JWT claims and the statement timeout with {@code set_config(..., true)}, so they
 * vanish at commit and never leak to the next user of a pooled connection. Retries and the circuit
 * breaker are {@link Database}'s: a whole transaction is repeated, identity included.
 *
 * <p>The timeout is set here, per transaction, because PostgreSQL applies a role's own
 * {@code statement_timeout} only at login: switching roles with {@code set_config('role', ...)} keeps
 * the login role's value, whatever the deployment configured on the request roles.
 */
@ApplicationScoped
public class RlsTransactions {

    /** The identity statement, sent pipelined with "begin"; public so benchmarks run exactly what the services send. */
    public static final String SET_CALLER = "select set_config('role', $1, true), "
            + "set_config('request.jwt.claim.sub', $2, true), set_config('request.jwt.claims', $3, true), "
            + "set_config('statement_timeout', $4, true)";

    private final Database database;
    private final String statementTimeoutMs;

    @Inject
    public RlsTransactions(Database database, DbConfig config) {
        this.database = database;
        this.statementTimeoutMs = Long.toString(config.statementTimeout().toMillis());
    }

    /** The same discipline on another pool, e.g. read-only replicas. */
    public RlsTransactions on(Database other) {
        return new RlsTransactions(other, statementTimeoutMs);
    }

    private RlsTransactions(Database database, String statementTimeoutMs) {
        this.database = database;
        this.statementTimeoutMs = statementTimeoutMs;
    }

    /** Read-only; retried after any transient failure. */
    public <T> Uni<T> read(Caller caller, Function<SqlConnection, Uni<T>> work) {
        return database.run(Database.Mode.READ_ONLY_TRANSACTION, as(caller), work);
    }

    /** Retried only when the transaction certainly rolled back. */
    public <T> Uni<T> write(Caller caller, Function<SqlConnection, Uni<T>> work) {
        return database.run(Database.Mode.TRANSACTION, as(caller), work);
    }

    /** For work that gives the same result when applied twice: retried after any transient failure. */
    public <T> Uni<T> idempotentWrite(Caller caller, Function<SqlConnection, Uni<T>> work) {
        return database.run(Database.Mode.IDEMPOTENT_TRANSACTION, as(caller), work);
    }

    private Function<SqlConnection, Uni<?>> as(Caller caller) {
        return connection -> connection.preparedQuery(SET_CALLER).execute(Tuple.of(caller.role().databaseRole(),
                caller.subjectSetting(), caller.claimsJson(), statementTimeoutMs));
    }
}
