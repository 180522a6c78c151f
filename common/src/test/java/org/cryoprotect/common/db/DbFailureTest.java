package org.cryoprotect.common.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** What is retried, what opens the circuit breaker, and what fails fast. */
class DbFailureTest {

    @Test
    void serverStatesThatMeanTryAgain() {
        assertEquals(DbFailure.CONTENTION, DbFailure.of(pg("40001")));
        assertEquals(DbFailure.CONTENTION, DbFailure.of(pg("40P01")));
        for (String state : new String[] {"53300", "57P01", "57P02", "57P03", "08006", "08001"}) {
            assertEquals(DbFailure.CONNECTION, DbFailure.of(pg(state)), state);
        }
    }

    @Test
    void contentionIsRetriedButDoesNotCountAgainstTheDatabase() {
        assertTrue(DbFailure.CONTENTION.isTransient());
        assertFalse(DbFailure.CONTENTION.isDatabaseDown());
        assertTrue(DbFailure.CONNECTION.isDatabaseDown());
        assertTrue(DbFailure.POOL_TIMEOUT.isTransient());
        assertFalse(DbFailure.POOL_TIMEOUT.isDatabaseDown(), "an overloaded pool is not a dead database");
    }

    @Test
    void everythingElseFromTheServerFailsFast() {
        for (String state : new String[] {"23505", "23503", "42501", "22P02", "57014", "42P01", "28P01", "55000"}) {
            DbFailure failure = DbFailure.of(pg(state));
            assertEquals(DbFailure.OTHER, failure, state);
            assertFalse(failure.isTransient(), state);
        }
    }

    @Test
    void aDatabaseClosedForMaintenanceIsUnavailable() {
        PgException closed = new PgException("database \"cryo\" is not currently accepting connections", "FATAL", "55000", null);
        assertEquals(DbFailure.CONNECTION, DbFailure.of(closed));
    }

    @Test
    void lostAndRefusedConnectionsAndThePool() {
        assertEquals(DbFailure.CONNECTION, DbFailure.of(ClosedConnectionException.INSTANCE));
        assertEquals(DbFailure.CONNECTION, DbFailure.of(new ConnectException("Connection refused")));
        assertEquals(DbFailure.CONNECTION, DbFailure.of(new VertxException("Connection is closed")));
        assertEquals(DbFailure.POOL_TIMEOUT, DbFailure.of(new VertxException("Timeout waiting for connection", true)));
        // what Vert.x 4.5.26's pool actually fails an acquisition with (seen in the pool-exhaustion drill)
        assertEquals(DbFailure.POOL_TIMEOUT, DbFailure.of(new NoStackTraceThrowable("Timeout")));
        assertEquals(DbFailure.OTHER, DbFailure.of(new NoStackTraceThrowable("something else")));
        DbFailure full = DbFailure.of(new ConnectionPoolTooBusyException("Connection pool reached max wait queue size of 128"));
        assertEquals(DbFailure.POOL_FULL, full);
        assertFalse(full.isTransient(), "a full wait queue is refused at once, never retried");
    }

    @Test
    void causesAreFollowed() {
        assertEquals(DbFailure.CONNECTION, DbFailure.of(new RuntimeException("wrapped", new ConnectException("refused"))));
        assertEquals(DbFailure.OTHER, DbFailure.of(new IllegalArgumentException("a bug")));
        assertTrue(DbFailure.reportedByServer(new RuntimeException(pg("40001"))));
        assertFalse(DbFailure.reportedByServer(ClosedConnectionException.INSTANCE));
    }

    private static PgException pg(String state) {
        return new PgException("failure " + state, "ERROR", state, null);
    }
}
