package org.cryoprotect.auth;

import org.cryoprotect.common.testing.TestDatabase;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** A real PostgreSQL database of its own; auth-service connects as its runtime login cryo_auth, which owns nothing. */
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = "app-role", value = TestDatabase.AUTH))
public final class TestResources {

    private TestResources() {
    }
}
