package org.cryoprotect.web;

import org.cryoprotect.common.testing.TestDatabase;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * A real PostgreSQL database of its own (web connects as its runtime login cryo_web, which owns
 * nothing), and the services web calls ({@link FakeServices}).
 */
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = "app-role", value = TestDatabase.WEB))
@QuarkusTestResource(FakeServices.class)
public final class TestResources {

    private TestResources() {
    }
}
