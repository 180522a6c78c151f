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
import org.cryoprotect.common.testing.SuiteProcesses;
import org.cryoprotect.common.testing.TestDatabase;

/**
 * The whole suite as real processes on one test database, as a researcher's browser meets it:
 * auth-service, molecule-service, the upstream simulator (PubChem and ChEMBL), import-service and
 * web. Started once for all browser tests of the JVM, stopped when it ends.
 */
public final class WebStack {

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
        AUTH = SuiteProcesses.auth(DATABASE, IMPORT_SECRET);
        MOLECULES = SuiteProcesses.molecules(DATABASE, AUTH);
        SIMULATOR = SuiteProcesses.simulator(SIMULATED_COMPOUNDS);
        Map<String, String> importer = SuiteProcesses.importer(DATABASE, AUTH, MOLECULES, SIMULATOR, IMPORT_SECRET);
        importer.put("CRYO_IMPORT_RETRY_BACKOFF", "1s");
        importer.put("CRYO_IMPORT_MAX_ATTEMPTS", "2");
        IMPORTER = new ServiceProcess("import-service", "cryo.import-service.jar", ServiceProcess.freePort(), importer);

        Map<String, String> web = new HashMap<>(DATABASE.serviceEnvironment(TestDatabase.WEB));
        web.put("CRYO_WEB_AUTH_SERVICE_URL", AUTH.url());
        web.put("CRYO_WEB_MOLECULE_SERVICE_URL", MOLECULES.url());
        web.put("CRYO_WEB_IMPORT_SERVICE_URL", IMPORTER.url());
        web.putAll(SuiteProcesses.tokenVerification(AUTH, "web"));
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
}
