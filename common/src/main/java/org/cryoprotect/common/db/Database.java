package org.cryoprotect.common.db;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.cryoprotect.common.problem.ServiceUnavailableException;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The one way the services reach PostgreSQL: a pooled connection, timed and counted, behind the
 * circuit breaker, retried after transient failures where repeating the work is safe, and a 503
 * problem when the database stays unavailable.
 *
 * <p>What is retried: reads always; {@link #transaction} only when the transaction certainly did not
 * commit (the failure came before "commit" was sent, or the server answered it with an error);
 * {@link #idempotentTransaction} whenever the failure is transient, for work that gives the same
 * result when applied twice (an upsert keyed by a natural key).
 *
 * <p>One instance per pool, each with its own breaker and meters ({@link Databases}); injecting
 * {@code Database} gives the default datasource's.
 */
public class Database {

    /** How a unit of work begins and when it may be repeated. */
    public enum Mode {
        /** Autocommit statements that only read. */
        READ(null),
        /** "begin read only". */
        READ_ONLY_TRANSACTION("begin read only"),
        /** "begin": retried only if it certainly rolled back. */
        TRANSACTION("begin"),
        /** "begin": retried after any transient failure. */
        IDEMPOTENT_TRANSACTION("begin");

        private final String begin;

        Mode(String begin) {
            this.begin = begin;
        }

        /** The statement that opens the transaction, or null for autocommit work. */
        public String begin() {
            return begin;
        }
    }

    private final Pool pool;
    private final DbRetry retry;
    private final DbCircuitBreaker breaker;
    private final DbMetrics metrics;
    private final Vertx vertx;
    private final long acquisitionTimeoutMs;
    private final long retryAfterSeconds;

    Database(Pool pool, DbRetry retry, DbCircuitBreaker breaker, DbMetrics metrics, DbConfig config, Vertx vertx) {
        this.pool = pool;
        this.vertx = vertx;
        this.acquisitionTimeoutMs = config.pool().acquisitionTimeout().toMillis();
        this.retry = retry;
        this.breaker = breaker;
        this.metrics = metrics;
        this.retryAfterSeconds = Math.max(1, config.circuitBreaker().delay().toSeconds());
    }

    public <T> Uni<T> read(Function<SqlConnection, Uni<T>> work) {
        return run(Mode.READ, null, work);
    }

    public <T> Uni<T> readOnlyTransaction(Function<SqlConnection, Uni<T>> work) {
        return run(Mode.READ_ONLY_TRANSACTION, null, work);
    }

    public <T> Uni<T> transaction(Function<SqlConnection, Uni<T>> work) {
        return run(Mode.TRANSACTION, null, work);
    }

    public <T> Uni<T> idempotentTransaction(Function<SqlConnection, Uni<T>> work) {
        return run(Mode.IDEMPOTENT_TRANSACTION, null, work);
    }

    /**
     * {@code prelude}, when given, is sent pipelined with "begin" (one round trip) before the work,
     * e.g. the caller's identity for Row Level Security.
     */
    public <T> Uni<T> run(Mode mode, Function<SqlConnection, Uni<?>> prelude, Function<SqlConnection, Uni<T>> work) {
        return retry.run(() -> attempt(mode, prelude, work), failure -> mayRetry(mode, failure))
                .onFailure().transform(this::unavailableIfTransient);
    }

    private <T> Uni<T> attempt(Mode mode, Function<SqlConnection, Uni<?>> prelude, Function<SqlConnection, Uni<T>> work) {
        return breaker.call(() -> withAcquisitionTimeout(acquisition -> {
            CommitTracker commit = new CommitTracker();
            // Pool.withConnection, not getConnection + close: it runs the work to its end and gives the
            // connection back even when the request is cancelled (the client went away) midway.
            return pool.withConnection(connection -> acquisition.acquired()
                    ? inConnection(connection, mode, prelude, work, commit).onTermination().invoke(acquisition::released)
                    : Uni.createFrom().<T>failure(new PoolAcquisitionTimeout()))   // gave up waiting: hand it straight back
                    .onFailure().transform(failure -> {
                        if (!(failure instanceof PoolAcquisitionTimeout)) { // counted when the timer gave up
                            metrics.failed(DbFailure.of(failure));
                        }
                        return commit.wasSent() && !DbFailure.reportedByServer(failure) ? new CommitOutcomeUnknown(failure) : failure;
                    });
        }));
    }

    /**
     * Our own bound on the wait for a connection. Vert.x 4.5.26's (PoolOptions.connectionTimeout)
     * wedges the pool under exhaustion: connections stay leased to waiters that timed out, and the
     * service never recovers (fault drill 4). Once the work has its connection, it is not timed out here.
     */
    private <T> Uni<T> withAcquisitionTimeout(Function<DbMetrics.Acquisition, Uni<T>> attempt) {
        return Uni.createFrom().emitter(emitter -> {
            DbMetrics.Acquisition acquisition = metrics.startAcquisition();
            long timer = vertx.setTimer(acquisitionTimeoutMs, id -> {
                if (acquisition.giveUp()) {
                    metrics.failed(DbFailure.POOL_TIMEOUT);
                    emitter.fail(new PoolAcquisitionTimeout());
                }
            });
            emitter.onTermination(() -> {
                vertx.cancelTimer(timer);
                acquisition.giveUp(); // cancelled while still waiting: the connection, when it comes, goes straight back
            });
            attempt.apply(acquisition).subscribe().with(emitter::complete, emitter::fail);
        });
    }

    private static <T> Uni<T> inConnection(SqlConnection connection, Mode mode, Function<SqlConnection, Uni<?>> prelude,
            Function<SqlConnection, Uni<T>> work, CommitTracker commit) {
        if (mode.begin == null) {
            return prelude == null ? work.apply(connection) : prelude.apply(connection).chain(() -> work.apply(connection));
        }
        Uni<?> begun = connection.query(mode.begin).execute();
        Uni<Void> started = prelude == null
                ? begun.replaceWithVoid()
                // Both statements are pipelined on the connection: one round trip before the work starts.
                : Uni.combine().all().unis(begun, prelude.apply(connection)).discardItems();
        return started.chain(() -> work.apply(connection))
                .call(() -> {
                    commit.sent();
                    return connection.query("commit").execute();
                })
                .onFailure().call(() -> commit.wasSent() ? Uni.createFrom().voidItem()
                        : connection.query("rollback").execute().onFailure().recoverWithNull().replaceWithVoid());
    }

    private static boolean mayRetry(Mode mode, Throwable failure) {
        if (failure instanceof CommitOutcomeUnknown) {
            return mode == Mode.IDEMPOTENT_TRANSACTION && DbFailure.of(failure.getCause()).isTransient();
        }
        return DbFailure.of(failure).isTransient();
    }

    private Throwable unavailableIfTransient(Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return new ServiceUnavailableException("The database is unavailable; retry shortly", retryAfterSeconds, failure);
        }
        if (failure instanceof CommitOutcomeUnknown unknown) {
            return new ServiceUnavailableException("The database connection was lost while committing; "
                    + "the change may or may not have been saved", retryAfterSeconds, unknown.getCause());
        }
        return switch (DbFailure.of(failure)) {
            case POOL_FULL -> new ServiceUnavailableException("Too many requests are waiting for the database; retry shortly",
                    retryAfterSeconds, failure);
            case CONNECTION, POOL_TIMEOUT ->
                new ServiceUnavailableException("The database is unavailable; retry shortly", retryAfterSeconds, failure);
            case CONTENTION -> new ServiceUnavailableException("Concurrent changes kept conflicting; retry shortly",
                    retryAfterSeconds, failure);
            case OTHER -> failure;
        };
    }

    /** Set just before "commit" goes out: a lost connection after that leaves the outcome unknown. */
    private static final class CommitTracker {
        private final AtomicBoolean sent = new AtomicBoolean();

        void sent() {
            sent.set(true);
        }

        boolean wasSent() {
            return sent.get();
        }
    }

    /** The connection went away after "commit" was sent: never retried, except for idempotent work. */
    static final class CommitOutcomeUnknown extends RuntimeException {
        CommitOutcomeUnknown(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
