package org.cryoprotect.molecule.service;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.db.Databases;
import org.cryoprotect.common.db.DbFailure;
import org.cryoprotect.common.db.RlsTransactions;
import org.cryoprotect.common.problem.ServiceUnavailableException;
import org.cryoprotect.common.security.Caller;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Reads that may lag the primary by a moment (searches, the public registry) go to the read-only
 * replicas when {@code cryo.molecule.replica-reads} is on, through common's Database like every
 * other query (retries, a breaker of its own, acquisition timeout, metrics tagged pool=replica) and
 * with the same Row Level Security. When the replicas stay unavailable, the primary answers instead.
 */
@Startup // with replica reads on, the replica pool's meters exist before the first search
@ApplicationScoped
public class LagTolerantReads {

    static final String REPLICA = "replica";
    private static final Logger LOG = Logger.getLogger(LagTolerantReads.class);

    private final RlsTransactions primary;
    private final RlsTransactions replica;

    public LagTolerantReads(RlsTransactions primary, Databases databases, @ReactiveDataSource(REPLICA) Pool replicaPool,
            @ConfigProperty(name = "quarkus.datasource.replica.reactive.max-size", defaultValue = "20") int replicaMaxSize,
            MoleculeConfig config) {
        this.primary = primary;
        this.replica = config.replicaReads() ? primary.on(databases.create(REPLICA, replicaPool, replicaMaxSize)) : null;
    }

    public <T> Uni<T> read(Caller caller, Function<SqlConnection, Uni<T>> work) {
        if (replica == null) {
            return primary.read(caller, work);
        }
        return replica.read(caller, work)
                .onFailure(LagTolerantReads::replicaUnavailable).recoverWithUni(failure -> {
                    LOG.debugf("replica unavailable (%s); reading from the primary", failure.getMessage());
                    return primary.read(caller, work);
                });
    }

    /** What Database reports when the pool stays unreachable, its breaker is open or its queue is full. */
    private static boolean replicaUnavailable(Throwable failure) {
        return failure instanceof ServiceUnavailableException || DbFailure.of(failure).isTransient();
    }
}
