package org.cryoprotect.common.db;

import java.io.IOException;
import java.util.Set;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * What kind of database failure a throwable is, as far as retrying and the circuit breaker care.
 * The Vert.x 4.5 pool fails an acquisition that waited longer than its connection timeout with a
 * {@link NoStackTraceThrowable} "Timeout" (a {@code VertxException} "Timeout waiting for connection"
 * on some paths), and refuses one beyond the wait-queue bound with {@link ConnectionPoolTooBusyException}.
 */
public enum DbFailure {
    /** The server is unreachable, went away or refuses connections for now: retry; counts against the database. */
    CONNECTION(true, true),
    /** Serialization failure or deadlock: the transaction rolled back and may simply be run again. */
    CONTENTION(true, false),
    /** No pooled connection became free in time: overload, not an outage, so the breaker ignores it. */
    POOL_TIMEOUT(true, false),
    /** The wait queue is full: refused at once, never retried (that would only add load). */
    POOL_FULL(false, false),
    /** Anything else: a bug, a constraint, bad input. Fails fast. */
    OTHER(false, false);

    // 53300 too_many_connections, 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now
    private static final Set<String> UNAVAILABLE_STATES = Set.of("53300", "57P01", "57P02", "57P03");
    private static final Set<String> CONTENTION_STATES = Set.of("40001", "40P01");
    private static final String ACQUISITION_TIMEOUT = "Timeout waiting for connection";

    private final boolean transient_;
    private final boolean databaseDown;

    DbFailure(boolean transient_, boolean databaseDown) {
        this.transient_ = transient_;
        this.databaseDown = databaseDown;
    }

    /** Worth another attempt (of work that is safe to repeat). */
    public boolean isTransient() {
        return transient_;
    }

    /** A sign the database is unavailable: what the circuit breaker counts. */
    public boolean isDatabaseDown() {
        return databaseDown;
    }

    /** True for a failure the server reported about a statement: the transaction certainly rolled back. */
    public static boolean reportedByServer(Throwable failure) {
        return find(failure, PgException.class) != null;
    }

    public static DbFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            DbFailure kind = classifyOne(t);
            if (kind != OTHER) {
                return kind;
            }
        }
        return OTHER;
    }

    private static DbFailure classifyOne(Throwable t) {
        if (t instanceof PgException pg) {
            String state = pg.getSqlState() == null ? "" : pg.getSqlState();
            if (CONTENTION_STATES.contains(state)) {
                return CONTENTION;
            }
            return UNAVAILABLE_STATES.contains(state) || state.startsWith("08") || refusedByMaintenance(pg)
                    ? CONNECTION : OTHER;
        }
        if (t instanceof PoolAcquisitionTimeout || t instanceof NoStackTraceThrowable && "Timeout".equals(t.getMessage())) {
            return POOL_TIMEOUT;
        }
        if (t instanceof ConnectionPoolTooBusyException) {
            return POOL_FULL;
        }
        if (t instanceof ClosedConnectionException || t instanceof IOException || t instanceof ConnectTimeoutException) {
            return CONNECTION;   // java.net.ConnectException and netty's "Connection reset" are IOExceptions
        }
        if (t instanceof VertxException && t.getMessage() != null) {
            if (t.getMessage().startsWith(ACQUISITION_TIMEOUT)) {
                return POOL_TIMEOUT;
            }
            if (t.getMessage().contains("Connection is closed") || t.getMessage().contains("connection may have been lost")) {
                return CONNECTION;
            }
        }
        return OTHER;
    }

    /** ALTER DATABASE ... ALLOW_CONNECTIONS false: the database is closed for maintenance (55000 alone is too broad). */
    private static boolean refusedByMaintenance(PgException pg) {
        return "55000".equals(pg.getSqlState()) && pg.getErrorMessage() != null
                && pg.getErrorMessage().contains("not currently accepting connections");
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
