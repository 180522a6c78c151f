package org.cryoprotect.web.browser;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.cryoprotect.common.testing.ServiceProcess;
import org.cryoprotect.common.testing.TestDatabase;

/**
 * The whole suite as real processes on one test database, as a researcher's browser meets it:
 * auth-service, molecule-service, the upstream simulator (PubChem and ChEMBL), import-service and
 * web. Started once for all browser tests of the JVM, stopped when it ends.
 */
public final class WebStack {

    static final String ISSUER = "http://localhost:8081";
    static final String IMPORT_SECRET = "import-service-browser-secret";
    /** Generated compounds in the simulator, beyond its demo set: enough for the import journeys. */
    static final int SIMULATED_COMPOUNDS = 400;

    static final TestDatabase DATABASE = new TestDatabase();
    static final ServiceProcess AUTH;
    static final ServiceProcess MOLECULES;
    static final ServiceProcess SIMULATOR;
    static final ServiceProcess IMPORTER;
    static final ServiceProcess WEB;

    static {
        DATABASE.start();
        int authPort = ServiceProcess.freePort();
        Map<String, String> auth = new HashMap<>(DATABASE.serviceEnvironment(TestDatabase.AUTH));
        auth.put("CRYO_AUTH_ISSUER", ISSUER);
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
        simulator.put("SIMULATOR_POLICY_RETRY_AFTER_SECONDS", "2");
        SIMULATOR = new ServiceProcess("upstream-simulator", "cryo.upstream-simulator.jar", ServiceProcess.freePort(), simulator);

        Map<String, String> importer = new HashMap<>(DATABASE.serviceEnvironment(TestDatabase.IMPORTER));
        importer.putAll(tokenVerification(authPort, "import-service"));
        importer.put("QUARKUS_REST_CLIENT_AUTH_SERVICE_URL", "http://127.0.0.1:" + authPort);
        importer.put("CRYO_IMPORT_CLIENT_SECRET", IMPORT_SECRET);
        importer.put("CRYO_IMPORT_RETRY_BACKOFF", "1s");
        importer.put("CRYO_IMPORT_MAX_ATTEMPTS", "2");
        int importPort = ServiceProcess.freePort();
        int moleculePort = Integer.parseInt(MOLECULES.url().substring(MOLECULES.url().lastIndexOf(':') + 1));
        importer.put("QUARKUS_REST_CLIENT_MOLECULE_SERVICE_URL", MOLECULES.url());
        importer.put("QUARKUS_REST_CLIENT_PUBCHEM_URL", SIMULATOR.url() + "/rest/pug");
        importer.put("QUARKUS_REST_CLIENT_CHEMBL_URL", SIMULATOR.url() + "/chembl/api/data");
        IMPORTER = new ServiceProcess("import-service", "cryo.import-service.jar", importPort, importer);

        Map<String, String> web = new HashMap<>(DATABASE.serviceEnvironment(TestDatabase.WEB));
        web.put("CRYO_WEB_AUTH_SERVICE_URL", "http://127.0.0.1:" + authPort);
        web.put("CRYO_WEB_MOLECULE_SERVICE_URL", "http://127.0.0.1:" + moleculePort);
        web.put("CRYO_WEB_IMPORT_SERVICE_URL", "http://127.0.0.1:" + importPort);
        web.put("CRYO_TOKEN_ISSUER", ISSUER);
        web.put("CRYO_TOKEN_JWKS_URL", "http://127.0.0.1:" + authPort + "/.well-known/jwks.json");
        web.put("CRYO_TOKEN_REVOCATION_FEED_URL", "http://127.0.0.1:" + authPort + "/api/revocations/stream");
        WEB = new ServiceProcess("web", "cryo.web.jar", ServiceProcess.freePort(), web);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            WEB.stop();
            IMPORTER.stop();
            MOLECULES.stop();
            SIMULATOR.stop();
            AUTH.stop();
            DATABASE.stop();
        }));
        AUTH.start();
        MOLECULES.start();
        SIMULATOR.start();
        IMPORTER.start();
        WEB.start();
        HttpClient client = HttpClient.newHttpClient();
        // polled in this thread: another one would wait for this class's initialisation
        await("the simulator's generated compounds").atMost(Duration.ofMinutes(10)).pollInSameThread()
                .ignoreExceptions()
                .until(() -> client.send(HttpRequest.newBuilder(URI.create(SIMULATOR.url() + "/q/health/group/generated-data")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private WebStack() {
    }

    /** Where the browser goes. */
    public static String webUrl() {
        return WEB.url();
    }

    private static Map<String, String> tokenVerification(int authPort, String audience) {
        return Map.of(
                "CRYO_TOKEN_ISSUER", ISSUER,
                "CRYO_TOKEN_AUDIENCE", audience,
                "CRYO_TOKEN_JWKS_URL", "http://127.0.0.1:" + authPort + "/.well-known/jwks.json",
                "CRYO_TOKEN_REVOCATION_FEED_URL", "http://127.0.0.1:" + authPort + "/api/revocations/stream");
    }
}
