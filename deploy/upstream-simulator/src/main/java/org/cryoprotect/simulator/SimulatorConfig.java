package org.cryoprotect.simulator;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings under {@code simulator.*}. The policy and fault settings are only initial values: see /admin. */
@ConfigMapping(prefix = "simulator")
public interface SimulatorConfig {

    Data data();

    Policy policy();

    Faults faults();

    /** PubChem writes its JSON indented by two spaces with a final newline (a 503 body is 109 bytes). */
    @WithDefault("true")
    boolean pubchemPrettyJson();

    interface Data {
        /** How many generated compounds to serve besides the demo molecules. */
        @WithDefault("50000")
        int generatedCount();

        /** Seed of the deterministic generator; the same seed and count give the same data set. */
        @WithDefault("20250701")
        long seed();

        /** Where the computed data set is cached (gzip JSON lines); computing 50,000 takes about a minute. */
        @WithDefault("${user.home}/.cache/cryoprotect/upstream-simulator")
        String cacheDir();

        /** Threads computing properties with CDK when the cache is cold. */
        @WithDefault("2")
        int generationThreads();

        /** The demo molecules; by default the copy of deploy/local/demo/molecules.json on the classpath. */
        Optional<String> demoFile();
    }

    interface Policy {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("5")
        int requestsPerSecond();

        @WithDefault("400")
        int requestsPerMinute();

        /** Simulated server running time a client may use per minute. */
        @WithDefault("300s")
        Duration serverTimePerMinute();

        /** A request whose simulated server time exceeds this gets 504 PUGREST.Timeout after this long. */
        @WithDefault("30s")
        Duration requestTimeout();

        /** Simulated server time of one request: base + per-identifier × identifiers (+ injected latency). */
        @WithDefault("40ms")
        Duration serverTimeBase();

        @WithDefault("2ms")
        Duration serverTimePerId();

        /** Whether a response waits for its simulated server time (otherwise only injected latency delays it). */
        @WithDefault("true")
        boolean delayResponses();

        /** Seconds in Retry-After on a 503 (PubChem sends 30). */
        @WithDefault("30")
        int retryAfterSeconds();

        /** Rejections within the violation window after which a client is blocked. */
        @WithDefault("10")
        int blockAfterViolations();

        @WithDefault("60s")
        Duration violationWindow();

        /** How long a block lasts (a blocked shared IP recovered after about 4 minutes). */
        @WithDefault("240s")
        Duration blockDuration();

        /** Basis of the Request Count percentage: minute, second or max (PubChem's formula is unpublished). */
        @WithDefault("minute")
        String countPercentBasis();

        /** Adds "Remaining blocking time: H:M:S" to the header of a blocked client instead of the observed text. */
        @WithDefault("false")
        boolean reportRemainingBlockTime();

        /** Requests in flight that count as 100% in "Service status". */
        @WithDefault("50")
        int serviceCapacity();

        /** Header that names the client instead of its address (tests, several importers on one host); empty: address only. */
        @WithDefault("X-Client-Id")
        Optional<String> clientIdHeader();
    }

    interface Faults {
        /** Faults active from start: inline JSON (the body of POST /admin/faults) or @path to a JSON file. */
        Optional<String> initial();
    }
}
