package org.cryoprotect.importer.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.cryoprotect.common.testing.ServiceProcess;
import org.cryoprotect.common.testing.SuiteProcesses;
import org.cryoprotect.common.testing.TestDatabase;

/**
 * The whole suite as real processes on one test database: auth-service, molecule-service, the
 * upstream simulator with PubChem's policy enforced, and import-service replicas. Started once
 * for all end-to-end tests, stopped when the JVM ends.
 */
final class ImportStack {

    static final String IMPORT_SECRET = "import-service-e2e-secret";
    /** Generated compounds in the simulator: enough for disjoint id ranges per test. */
    static final int SIMULATED_COMPOUNDS = 9200;

    static final TestDatabase DATABASE = new TestDatabase();
    static final ServiceProcess AUTH;
    static final ServiceProcess MOLECULES;
    static final ServiceProcess SIMULATOR;
    static final ServiceProcess IMPORTER;

    static {
        DATABASE.start();
        AUTH = SuiteProcesses.auth(DATABASE, IMPORT_SECRET);
        MOLECULES = SuiteProcesses.molecules(DATABASE, AUTH);
        SIMULATOR = SuiteProcesses.simulator(SIMULATED_COMPOUNDS);
        IMPORTER = importer("import-service");

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            IMPORTER.stop();
            MOLECULES.stop();
            AUTH.stop();
            SIMULATOR.stop();
            DATABASE.stop();
        }));
        AUTH.start();
        MOLECULES.start();
        SIMULATOR.start();
        IMPORTER.start();
        // the simulator is ready with its demo molecules; the tests also use its generated compounds.
        // Polled in this thread: another one would wait for this class's initialisation, which waits for it.
        await("the simulator's generated compounds").atMost(Duration.ofMinutes(10)).pollInSameThread()
                .until(() -> given().get(SIMULATOR.url() + "/q/health/group/generated-data").statusCode() == 200);
    }

    private ImportStack() {
    }

    /** A further import-service replica on the same database (not started). */
    static ServiceProcess importer(String name) {
        return importer(name, Map.of());
    }

    /** A further replica with settings of its own (environment variables), not started. */
    static ServiceProcess importer(String name, Map<String, String> settings) {
        Map<String, String> env = SuiteProcesses.importer(DATABASE, AUTH, MOLECULES, SIMULATOR, IMPORT_SECRET);
        // a dead replica's chunks come back after 5 s instead of 2 min
        env.put("CRYO_IMPORT_LEASE", "5s");
        env.put("CRYO_IMPORT_RETRY_BACKOFF", "1s");
        // the simulator's timeout fault holds 3 s; give up on a request after 1.5 s
        env.put("CRYO_IMPORT_CALLS_PUBCHEM_TIMEOUT", "1500ms");
        env.put("CRYO_IMPORT_CALLS_CHEMBL_TIMEOUT", "1500ms");
        env.putAll(settings);
        return new ServiceProcess(name, "cryo.import-service.jar", ServiceProcess.freePort(), env);
    }
}
