package org.cryoprotect.common.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * The suite's services as real processes on one test database, configured to find each other as
 * they do in a deployment: import-service's and web's end-to-end stacks start them from here.
 */
public final class SuiteProcesses {

    public static final String ISSUER = "http://localhost:8081";

    private SuiteProcesses() {
    }

    /** auth-service, knowing import-service's client secret; every test researcher signs up from loopback. */
    public static ServiceProcess auth(TestDatabase database, String importServiceSecret) {
        Map<String, String> env = new HashMap<>(database.serviceEnvironment(TestDatabase.AUTH));
        env.put("CRYO_AUTH_ISSUER", ISSUER);
        env.put("CRYO_AUTH_KEY_ENCRYPTION_KEY", "q2VXYnB1dGFHZXROZXdLZXlzRm9yVGVzdHNPbmx5MDA=");
        env.put("CRYO_IMPORT_SERVICE_CLIENT_SECRET", importServiceSecret);
        env.put("CRYO_AUTH_THROTTLE_MAX_SIGNUPS_PER_ADDRESS", "1000");
        return new ServiceProcess("auth-service", "cryo.auth-service.jar", ServiceProcess.freePort(), env);
    }

    public static ServiceProcess molecules(TestDatabase database, ServiceProcess auth) {
        Map<String, String> env = new HashMap<>(database.serviceEnvironment(TestDatabase.AUTHENTICATOR));
        env.putAll(tokenVerification(auth, "molecule-service"));
        return new ServiceProcess("molecule-service", "cryo.molecule-service.jar", ServiceProcess.freePort(), env);
    }

    /** The PubChem/ChEMBL simulator with its demo set and {@code generatedCompounds} more. */
    public static ServiceProcess simulator(int generatedCompounds) {
        Map<String, String> env = new HashMap<>();
        env.put("SIMULATOR_DATA_GENERATED_COUNT", String.valueOf(generatedCompounds));
        env.put("SIMULATOR_DATA_CACHE_DIR", System.getProperty("cryo.simulator-cache", "target/simulator-cache"));
        // injected 503s ask for a short pause, so tests do not sit out PubChem's 30 s
        env.put("SIMULATOR_POLICY_RETRY_AFTER_SECONDS", "2");
        return new ServiceProcess("upstream-simulator", "cryo.upstream-simulator.jar", ServiceProcess.freePort(), env);
    }

    /** An import-service replica's environment: its login, the services it calls and its client secret. */
    public static Map<String, String> importer(TestDatabase database, ServiceProcess auth, ServiceProcess molecules,
            ServiceProcess simulator, String clientSecret) {
        Map<String, String> env = new HashMap<>(database.serviceEnvironment(TestDatabase.IMPORTER));
        env.putAll(tokenVerification(auth, "import-service"));
        env.put("QUARKUS_REST_CLIENT_PUBCHEM_URL", simulator.url() + "/rest/pug");
        env.put("QUARKUS_REST_CLIENT_CHEMBL_URL", simulator.url() + "/chembl/api/data");
        env.put("QUARKUS_REST_CLIENT_MOLECULE_SERVICE_URL", molecules.url());
        env.put("QUARKUS_REST_CLIENT_AUTH_SERVICE_URL", auth.url());
        env.put("CRYO_IMPORT_CLIENT_SECRET", clientSecret);
        return env;
    }

    /** How a service verifies auth-service's tokens meant for {@code audience}. */
    public static Map<String, String> tokenVerification(ServiceProcess auth, String audience) {
        return Map.of(
                "CRYO_TOKEN_ISSUER", ISSUER,
                "CRYO_TOKEN_AUDIENCE", audience,
                "CRYO_TOKEN_JWKS_URL", auth.url() + "/.well-known/jwks.json",
                "CRYO_TOKEN_REVOCATION_FEED_URL", auth.url() + "/api/revocations/stream");
    }
}
