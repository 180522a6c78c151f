package org.cryoprotect.auth.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.cryoprotect.auth.OAuth;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BootstrapTest {

    @Inject
    Bootstrap bootstrap;

    /** Every start after the first finds the admin there: it is left as it is, and signs in as before. */
    @Test
    void aLaterStartLeavesTheAdminAsItIs() {
        String before = OAuth.adminToken();
        bootstrap.run(null);
        assertEquals("admin", OAuth.claims(OAuth.adminToken()).getString("role"));
        assertEquals("admin", OAuth.claims(before).getString("role"));
    }
}
