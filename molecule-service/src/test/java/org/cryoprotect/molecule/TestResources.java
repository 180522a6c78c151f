package org.cryoprotect.molecule;

import org.cryoprotect.common.testing.TestDatabase;
import org.cryoprotect.common.testing.TestKeys;

import io.quarkus.test.common.QuarkusTestResource;

/** One real PostgreSQL database and one signing key for the whole test run. */
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(TestKeys.class)
public final class TestResources {

    private TestResources() {
    }
}
