package org.cryoprotect.common.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Every meter carries {@code application} (the service), so one dashboard and one set of alert
 * rules serve all services; HTTP server latency gets histogram buckets for p99 alerts.
 */
@Singleton
public class MetricsSetup {

    private static final long PAGE_SIZE = 4096; // x86-64 and arm64 Linux defaults
    private static final double[] LATENCY_BUCKETS_SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    @Produces
    @Singleton
    MeterFilter applicationTag(@ConfigProperty(name = "quarkus.application.name") String application) {
        return MeterFilter.commonTags(java.util.List.of(Tag.of("application", application)));
    }

    /** Resident memory as the kernel counts it (Micrometer only has the JVM's own pools); Linux only. */
    @Produces
    @Singleton
    MeterBinder residentMemory() {
        Path statm = Path.of("/proc/self/statm");
        return registry -> {
            if (Files.isReadable(statm)) {
                Gauge.builder("cryo.process.resident.memory", () -> residentBytes(statm)).baseUnit("bytes")
                        .description("Resident set size of the service process").register(registry);
            }
        };
    }

    private static double residentBytes(Path statm) {
        try {
            return Long.parseLong(Files.readString(statm).trim().split("\\s+")[1]) * PAGE_SIZE;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    @Produces
    @Singleton
    MeterFilter httpLatencyHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                double[] nanos = new double[LATENCY_BUCKETS_SECONDS.length];
                for (int i = 0; i < nanos.length; i++) {
                    nanos[i] = Duration.ofMillis((long) (LATENCY_BUCKETS_SECONDS[i] * 1000)).toNanos();
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }
}
