package org.cryoprotect.common.db;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.security.Caller;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Runs work as the caller, the way PostgREST does: one transaction per request whose first statement
 * sets the role and the JWT claims with {@code set_config(..., true)}, so they vanish at commit and
 * never leak to the next user of a pooled connection.
 */
@ApplicationScoped
public class RlsTransactions {

    static final String SET_CALLER = "select set_config('role', $1, true), "
            + "set_config('request.jwt.claim.sub', $2, true), set_config('request.jwt.claims', $3, true)";

    private final Pool pool;

    public RlsTransactions(Pool pool) {
        this.pool = pool;
    }

    public <T> Uni<T> read(Caller caller, Function<SqlConnection, Uni<T>> work) {
        return run(caller, "begin read only", work);
    }

    public <T> Uni<T> write(Caller caller, Function<SqlConnection, Uni<T>> work) {
        return run(caller, "begin", work);
    }

    private <T> Uni<T> run(Caller caller, String begin, Function<SqlConnection, Uni<T>> work) {
        return pool.withConnection(connection -> {
            // Both statements are pipelined on the connection: one round trip before the work starts.
            Uni<?> started = connection.query(begin).execute();
            Uni<?> identified = connection.preparedQuery(SET_CALLER)
                    .execute(Tuple.of(caller.role().databaseRole(), caller.subjectSetting(), caller.claimsJson()));
            return Uni.combine().all().unis(started, identified).discardItems()
                    .chain(() -> work.apply(connection))
                    .call(() -> connection.query("commit").execute())
                    .onFailure().call(() -> connection.query("rollback").execute()
                            .onFailure().recoverWithNull());
        });
    }
}
