package org.cryoprotect.importer;

import org.cryoprotect.common.testing.TestDatabase;
import org.cryoprotect.common.testing.TestKeys;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of this module: its own database (import-service connects as cryo_importer, which owns nothing) and the test signing key. */
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = "app-role", value = TestDatabase.IMPORTER))
@QuarkusTestResource(TestKeys.class)
public final class TestResources {

    private TestResources() {
    }
}
