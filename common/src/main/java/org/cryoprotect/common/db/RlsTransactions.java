package org.cryoprotect.common.db;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.security.Caller;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Runs work as the caller, the way PostgREST does: one transaction per request whose first statement
 * sets the role and the JWT claims with {@code set_config(..., true)}, so they vanish at commit and
 * never leak to the next user of a pooled connection. Retries and the circuit breaker are
 * {@link Database}'s: a whole transaction is repeated, identity included.
 */
@ApplicationScoped
public class RlsTransactions {

    static final String SET_CALLER = "select set_config('role', $1, true), "
            + "set_config('request.jwt.claim.sub', $2, true), set_config('request.jwt.claims', $3, true)";

    private final Database database;

    public RlsTransactions(Database database) {
        this.database = database;
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

    /** The statement that makes a transaction run as {@code caller}: for pools other than the primary's. */
    public static Function<SqlConnection, Uni<?>> as(Caller caller) {
        return connection -> connection.preparedQuery(SET_CALLER)
                .execute(Tuple.of(caller.role().databaseRole(), caller.subjectSetting(), caller.claimsJson()));
    }
}
