package org.cryoprotect.molecule.service;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.db.DbFailure;
import org.cryoprotect.common.db.RlsTransactions;
import org.cryoprotect.common.security.Caller;
import org.jboss.logging.Logger;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Reads that may lag the primary by a moment (searches, the public registry) go to the read-only
 * replicas when {@code cryo.molecule.replica-reads} is on, with the same Row Level Security. When
 * the replicas cannot be reached, the primary answers instead.
 */
@ApplicationScoped
public class LagTolerantReads {

    private static final Logger LOG = Logger.getLogger(LagTolerantReads.class);

    private final RlsTransactions primary;
    private final Pool replica;
    private final boolean enabled;

    public LagTolerantReads(RlsTransactions primary, @ReactiveDataSource("replica") Pool replica, MoleculeConfig config) {
        this.primary = primary;
        this.replica = replica;
        this.enabled = config.replicaReads();
    }

    public <T> Uni<T> read(Caller caller, Function<SqlConnection, Uni<T>> work) {
        if (!enabled) {
            return primary.read(caller, work);
        }
        // On a hot standby every transaction is read-only already.
        return replica.withTransaction(connection -> RlsTransactions.as(caller).apply(connection)
                        .chain(() -> work.apply(connection)))
                .onFailure(failure -> DbFailure.of(failure).isTransient()).recoverWithUni(failure -> {
                    LOG.debugf("replica unavailable (%s); reading from the primary", failure.getMessage());
                    return primary.read(caller, work);
                });
    }
}
