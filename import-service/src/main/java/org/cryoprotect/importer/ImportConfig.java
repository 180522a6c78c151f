package org.cryoprotect.importer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;

@ConfigMapping(prefix = "cryo.import")
public interface ImportConfig {

    /** Chunks one replica works on at once; keep it below the database pool size. */
    @WithDefault("8")
    int workers();

    /**
     * How long a claimed chunk belongs to its worker without a sign of life; the worker renews it
     * every third of it, so a dead replica's chunk is claimed again at most this long after it died.
     */
    @WithDefault("30s")
    Duration lease();

    /** How often an idle worker looks for work. */
    @WithDefault("250ms")
    Duration pollInterval();

    /** Claims of the same id before it is reported as failed (upstream or molecule-service unavailable). */
    @WithDefault("5")
    int maxAttempts();

    /** Wait before a chunk whose upstream stayed unavailable is tried again. */
    @WithDefault("10s")
    Duration retryBackoff();

    @WithDefault("50000")
    int maxIdsPerJob();

    /** Jobs one creator may have running (queued or in progress) at once; the next start is refused with 429. */
    @WithDefault("3")
    int maxActiveJobsPerUser();

    /** Progress streams (GET /api/imports/{id}/events) one user may hold open on one replica; the next gets 429. */
    @WithDefault("5")
    int maxEventStreamsPerUser();

    /** How often a watched job's progress is read: once per interval per job, however many watch it. */
    @WithDefault("500ms")
    Duration progressInterval();

    /** How long upstream records are reused by later imports. */
    @WithDefault("7d")
    Duration cacheTtl();

    /**
     * Whether PubChem imports fetch synonyms: one more request per chunk, which halves the chunks
     * the rate limit allows. Names (Title, IUPACName) come with the properties either way.
     */
    @WithDefault("true")
    boolean pubchemSynonyms();

    /** Synonyms kept per compound (PubChem lists hundreds for common solvents). */
    @WithDefault("25")
    int maxSynonyms();

    String clientId();

    /** Without it nothing can be written to molecule-service; imports then wait, and the log says why. */
    Optional<String> clientSecret();

    Map<String, Upstream> upstreams();

    Toxicity toxicity();

    /** What a job with {@code include: ["toxicity"]} fetches. */
    interface Toxicity {

        /** PUG-View sections (under Toxicity) whose items become measurements, one per item. */
        @WithDefault("Non-Human Toxicity Values,Ecotoxicity Values")
        List<String> pubchemHeadings();

        /** ChEMBL activity standard_type values fetched as measurements. */
        @WithDefault("LD50,LC50,LD10,TD50,IC50,CC50,EC50,NOAEL,LOAEL")
        List<String> chemblTypes();
    }

    /** How calls to each remote ("pubchem", "chembl", "molecule-service") are guarded (CallPolicy). */
    @WithDefaults
    Map<String, Calls> calls();

    interface Calls {

        /** Longest wait for one attempt's answer (PubChem's own limit is 30 s). */
        @WithDefault("30s")
        Duration timeout();

        @WithDefault("12")
        int maxRetries();

        /** A call gives up once its attempts and backoffs have taken this long. */
        @WithDefault("5m")
        Duration maxRetryDuration();

        /** The exponential backoff between attempts grows up to this. */
        @WithDefault("30s")
        Duration maxBackoff();
    }

    interface Upstream {

        double requestsPerSecond();

        int requestsPerMinute();

        /**
         * Added to the time by which a request has surely reached the upstream, which the rate
         * limiter derives from measured latencies (RateLimiter): a margin for the clocks involved
         * (the database's, the JVM's, the upstream's milliseconds), not for the route's jitter.
         */
        @WithDefault("10ms")
        Duration arrivalAllowance();

        /** Chunk-size bounds for AIMD: ids per upstream request. */
        int minChunk();

        int initialChunk();

        int maxChunk();

        /** Responses slower than this shrink the chunk size. */
        @WithDefault("5s")
        Duration targetLatency();
    }
}
