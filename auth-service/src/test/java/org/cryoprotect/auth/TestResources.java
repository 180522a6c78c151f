package org.cryoprotect.auth;

import org.cryoprotect.common.testing.TestDatabase;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** A real PostgreSQL database of its own; auth-service owns schema auth, so it connects as the owner. */
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = "app-role", value = "owner"))
public final class TestResources {

    private TestResources() {
    }
}
