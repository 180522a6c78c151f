package org.cryoprotect.auth.e2e;

import java.util.HashMap;
import java.util.Map;

import org.cryoprotect.common.testing.ServiceProcess;
import org.cryoprotect.common.testing.TestDatabase;

/**
 * auth-service and molecule-service as real processes on one test database, started once for all
 * end-to-end tests and stopped when the JVM ends.
 */
final class Services {

    static final String KEY_ENCRYPTION_KEY = "q2VXYnB1dGFHZXROZXdLZXlzRm9yVGVzdHNPbmx5MDA=";
    static final String ISSUER = "http://localhost:8081";
    static final String ADMIN_EMAIL = "admin@cryoprotect.test";
    static final String ADMIN_PASSWORD = "admin-password-for-tests";
    static final String IMPORT_SECRET = "import-service-e2e-secret";
    static final String MOLECULE_SECRET = "molecule-service-e2e-secret";

    static final TestDatabase DATABASE = new TestDatabase();
    static final ServiceProcess AUTH;
    static final ServiceProcess MOLECULES;

    static {
        DATABASE.start();
        int authPort = ServiceProcess.freePort();
        Map<String, String> auth = new HashMap<>(DATABASE.serviceEnvironment(TestDatabase.AUTH));
        auth.put("CRYO_AUTH_KEY_ENCRYPTION_KEY", KEY_ENCRYPTION_KEY);
        auth.put("CRYO_ADMIN_EMAIL", ADMIN_EMAIL);
        auth.put("CRYO_ADMIN_PASSWORD", ADMIN_PASSWORD);
        auth.put("CRYO_IMPORT_SERVICE_CLIENT_SECRET", IMPORT_SECRET);
        auth.put("CRYO_MOLECULE_SERVICE_CLIENT_SECRET", MOLECULE_SECRET);
        // every test user signs up from the loopback address
        auth.put("CRYO_AUTH_THROTTLE_MAX_SIGNUPS_PER_ADDRESS", "1000");
        // retired keys leave the JWKS soon, so the test can watch their tokens die
        auth.put("CRYO_AUTH_RETIRED_KEY_GRACE", "PT5S");
        auth.put("CRYO_AUTH_KEY_EXPIRY_CHECK_INTERVAL", "1s");
        AUTH = new ServiceProcess("auth-service", "cryo.auth-service.jar", authPort, auth);

        Map<String, String> molecules = new HashMap<>(DATABASE.serviceEnvironment(TestDatabase.AUTHENTICATOR));
        molecules.put("CRYO_TOKEN_ISSUER", ISSUER);
        molecules.put("CRYO_TOKEN_JWKS_URL", "http://127.0.0.1:" + authPort + "/.well-known/jwks.json");
        molecules.put("CRYO_TOKEN_REVOCATION_FEED_URL", "http://127.0.0.1:" + authPort + "/api/revocations/stream");
        // molecule-service reads the feed as its own client
        molecules.put("CRYO_MOLECULE_SERVICE_CLIENT_SECRET", MOLECULE_SECRET);
        molecules.put("CRYO_TOKEN_JWKS_FORCED_REFRESH_INTERVAL", "1s");
        MOLECULES = new ServiceProcess("molecule-service", "cryo.molecule-service.jar", ServiceProcess.freePort(), molecules);

        // registered before anything starts, so a failed start still drops the database
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            MOLECULES.stop();
            AUTH.stop();
            DATABASE.stop();
        }));
        AUTH.start();
        MOLECULES.start();
    }

    private Services() {
    }
}
