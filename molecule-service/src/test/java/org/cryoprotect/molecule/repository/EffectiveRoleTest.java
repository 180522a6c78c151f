package org.cryoprotect.molecule.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.cryoprotect.common.db.RlsTransactions;
import org.cryoprotect.common.security.Caller;
import org.cryoprotect.common.security.TokenRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;

/** Row Level Security only protects anything if the role a request runs as cannot bypass it. */
@QuarkusTest
class EffectiveRoleTest {

    @Inject
    RlsTransactions transactions;

    @ParameterizedTest
    @EnumSource(TokenRole.class)
    void requestsRunAsARoleThatIsNeitherSuperuserNorBypassesRls(TokenRole role) {
        UUID user = role.isUser() ? UUID.randomUUID() : null;
        Caller caller = new Caller(role, user, "test", Set.of(), "{}");

        Row row = transactions.read(caller, db -> db.query("""
                        select current_user, session_user, r.rolsuper, r.rolbypassrls,
                               s.rolsuper as session_super, s.rolbypassrls as session_bypass,
                               coalesce(current_setting('request.jwt.claim.sub', true), '') as sub
                        from pg_roles r, pg_roles s where r.rolname = current_user and s.rolname = session_user""")
                        .execute().map(rows -> rows.iterator().next()))
                .await().atMost(Duration.ofSeconds(10));

        assertEquals(role.databaseRole(), row.getString("current_user"));
        assertEquals("cryo_authenticator", row.getString("session_user"));
        assertFalse(row.getBoolean("rolsuper"));
        assertFalse(row.getBoolean("rolbypassrls"));
        assertFalse(row.getBoolean("session_super"));
        assertFalse(row.getBoolean("session_bypass"));
        assertEquals(user == null ? "" : user.toString(), row.getString("sub"));
    }
}
