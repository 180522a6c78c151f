package org.cryoprotect.importer.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.cryoprotect.common.testing.ServiceProcess;
import org.cryoprotect.common.testing.TestDatabase;

/**
 * The whole suite as real processes on one test database: auth-service, molecule-service, the
 * upstream simulator with PubChem's policy enforced, and import-service replicas. Started once
 * for all end-to-end tests, stopped when the JVM ends.
 */
final class ImportStack {

    static final String ISSUER = "http://localhost:8081";
    static final String IMPORT_SECRET = "import-service-e2e-secret";
    /** Generated compounds in the simulator: enough for disjoint id ranges per test. */
    static final int SIMULATED_COMPOUNDS = 9000;

    static final TestDatabase DATABASE = new TestDatabase();
    static final ServiceProcess AUTH;
    static final ServiceProcess MOLECULES;
    static final ServiceProcess SIMULATOR;
    static final ServiceProcess IMPORTER;

    static {
        DATABASE.start();
        int authPort = ServiceProcess.freePort();
        Map<String, String> auth = new HashMap<>(DATABASE.serviceEnvironment(TestDatabase.AUTH));
        auth.put("CRYO_AUTH_KEY_ENCRYPTION_KEY", "q2VXYnB1dGFHZXROZXdLZXlzRm9yVGVzdHNPbmx5MDA=");
        auth.put("CRYO_IMPORT_SERVICE_CLIENT_SECRET", IMPORT_SECRET);
        // every test researcher signs up from the loopback address
        auth.put("CRYO_AUTH_THROTTLE_MAX_SIGNUPS_PER_ADDRESS", "1000");
        AUTH = new ServiceProcess("auth-service", "cryo.auth-service.jar", authPort, auth);

        Map<String, String> molecules = new HashMap<>(DATABASE.serviceEnvironment(TestDatabase.AUTHENTICATOR));
        molecules.putAll(tokenVerification(authPort, "molecule-service"));
        MOLECULES = new ServiceProcess("molecule-service", "cryo.molecule-service.jar", ServiceProcess.freePort(), molecules);

        Map<String, String> simulator = new HashMap<>();
        simulator.put("SIMULATOR_DATA_GENERATED_COUNT", String.valueOf(SIMULATED_COMPOUNDS));
        simulator.put("SIMULATOR_DATA_CACHE_DIR", System.getProperty("cryo.simulator-cache", "target/simulator-cache"));
        // injected 503s ask for a short pause, so the fault tests do not sit out PubChem's 30 s
        simulator.put("SIMULATOR_POLICY_RETRY_AFTER_SECONDS", "2");
        SIMULATOR = new ServiceProcess("upstream-simulator", "cryo.upstream-simulator.jar", ServiceProcess.freePort(), simulator);

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
        Map<String, String> env = new HashMap<>(DATABASE.serviceEnvironment(TestDatabase.IMPORTER));
        int authPort = Integer.parseInt(AUTH.url().substring(AUTH.url().lastIndexOf(':') + 1));
        env.putAll(tokenVerification(authPort, "import-service"));
        env.put("QUARKUS_REST_CLIENT_PUBCHEM_URL", SIMULATOR.url() + "/rest/pug");
        env.put("QUARKUS_REST_CLIENT_CHEMBL_URL", SIMULATOR.url() + "/chembl/api/data");
        env.put("QUARKUS_REST_CLIENT_MOLECULE_SERVICE_URL", MOLECULES.url());
        env.put("QUARKUS_REST_CLIENT_AUTH_SERVICE_URL", AUTH.url());
        env.put("CRYO_IMPORT_CLIENT_SECRET", IMPORT_SECRET);
        // a dead replica's chunks come back after 5 s instead of 2 min
        env.put("CRYO_IMPORT_LEASE", "5s");
        env.put("CRYO_IMPORT_RETRY_BACKOFF", "1s");
        // the simulator's timeout fault holds 3 s; give up on a request after 1.5 s
        env.put("CRYO_IMPORT_CALLS_PUBCHEM_TIMEOUT", "1500ms");
        env.put("CRYO_IMPORT_CALLS_CHEMBL_TIMEOUT", "1500ms");
        env.putAll(settings);
        return new ServiceProcess(name, "cryo.import-service.jar", ServiceProcess.freePort(), env);
    }

    private static Map<String, String> tokenVerification(int authPort, String audience) {
        return Map.of(
                "CRYO_TOKEN_ISSUER", ISSUER,
                "CRYO_TOKEN_AUDIENCE", audience,
                "CRYO_TOKEN_JWKS_URL", "http://127.0.0.1:" + authPort + "/.well-known/jwks.json",
                "CRYO_TOKEN_REVOCATION_FEED_URL", "http://127.0.0.1:" + authPort + "/api/revocations/stream");
    }
}
