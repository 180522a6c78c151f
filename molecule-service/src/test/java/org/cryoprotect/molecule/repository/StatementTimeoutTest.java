package org.cryoprotect.molecule.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.cryoprotect.common.db.Database;
import org.cryoprotect.common.db.RlsTransactions;
import org.cryoprotect.common.security.Caller;
import org.cryoprotect.common.security.TokenRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Every request transaction runs under cryo.db.statement-timeout whatever role it switched to: a
 * role's own setting would not apply after set_config('role', ...). The tests configure 15s, unlike
 * anything the migrations set on the login role (V4: 10s), so only the per-transaction setting can
 * produce it; and it ends with the transaction.
 */
@QuarkusTest
class StatementTimeoutTest {

    @Inject
    RlsTransactions transactions;

    @ParameterizedTest
    @EnumSource(TokenRole.class)
    void readsAndWritesRunUnderTheStatementTimeout(TokenRole role) {
        Caller caller = new Caller(role, role.isUser() ? UUID.randomUUID() : null, "test", Set.of(), "{}");

        assertEquals(role.databaseRole() + " 15s", transactions.read(caller, StatementTimeoutTest::roleAndTimeout)
                .await().atMost(Duration.ofSeconds(10)));
        assertEquals(role.databaseRole() + " 15s", transactions.write(caller, StatementTimeoutTest::roleAndTimeout)
                .await().atMost(Duration.ofSeconds(10)));
    }

    @ParameterizedTest
    @EnumSource(TokenRole.class)
    void theTimeoutEndsWithTheTransaction(TokenRole role) {
        Caller caller = new Caller(role, role.isUser() ? UUID.randomUUID() : null, "test", Set.of(), "{}");
        transactions.read(caller, StatementTimeoutTest::roleAndTimeout).await().atMost(Duration.ofSeconds(10));

        // the pool's connections (4 in tests) are back at the login's own setting outside a request
        for (int i = 0; i < 8; i++) {
            assertNotEquals("15s", transactionsFreeTimeout());
        }
    }

    @Inject
    Database database;

    private String transactionsFreeTimeout() {
        return database.read(db -> db.query("show statement_timeout").execute()
                .map(rows -> rows.iterator().next().getString(0))).await().atMost(Duration.ofSeconds(10));
    }

    private static Uni<String> roleAndTimeout(SqlConnection db) {
        return db.query("select current_user || ' ' || current_setting('statement_timeout')").execute()
                .map(rows -> rows.iterator().next().getString(0));
    }
}
