package org.cryoprotect.importer.upstream;

import java.time.Duration;
import java.util.Map;

import org.cryoprotect.importer.ImportConfig;

/** Just enough configuration for the mapping tests. */
final class TestConfig {

    private TestConfig() {
    }

    static ImportConfig config() {
        return new ImportConfig() {
            public int workers() { return 1; }
            public Duration lease() { return Duration.ofMinutes(1); }
            public Duration pollInterval() { return Duration.ofSeconds(1); }
            public int maxAttempts() { return 3; }
            public Duration retryBackoff() { return Duration.ofSeconds(1); }
            public int maxIdsPerJob() { return 10; }
            public int maxActiveJobsPerUser() { return 3; }
            public int maxEventStreamsPerUser() { return 5; }
            public Duration progressInterval() { return Duration.ofMillis(500); }
            public Duration cacheTtl() { return Duration.ofDays(1); }
            public boolean pubchemSynonyms() { return true; }
            public int maxSynonyms() { return 25; }
            public String clientId() { return "import-service"; }
            public java.util.Optional<String> clientSecret() { return java.util.Optional.of("secret"); }
            public Map<String, Upstream> upstreams() { return Map.of(); }
            public Map<String, Calls> calls() { return Map.of(); }
            public Toxicity toxicity() {
                return new Toxicity() {
                    public java.util.List<String> pubchemHeadings() {
                        return java.util.List.of("Non-Human Toxicity Values", "Ecotoxicity Values");
                    }
                    public java.util.List<String> chemblTypes() { return java.util.List.of("LD50", "LC50", "CC50"); }
                };
            }
        };
    }
}
