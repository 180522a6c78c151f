package org.cryoprotect.importer.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The import pipeline's meters (Prometheus names: cryo_import_*). */
@ApplicationScoped
public class ImportMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    private final Counter progressPolls;

    public ImportMetrics(MeterRegistry registry) {
        this.registry = registry;
        progressPolls = Counter.builder("cryo.import.progress.polls")
                .description("Reads of a job's progress for its event streams (one per job and interval)").register(registry);
    }

    static final java.util.List<String> OUTCOMES = java.util.List.of("created", "updated", "unchanged", "failed");
    static final java.util.List<String> SIGNALS = java.util.List.of("503", "429", "header");

    /** Every meter of an upstream at zero, so dashboards and alerts see them before the first import. */
    public void registerUpstream(String upstream) {
        OUTCOMES.forEach(outcome -> records(upstream, outcome, 0));
        SIGNALS.forEach(signal -> throttledCounter(upstream, signal));
        waitTimer(upstream);
        rateFactor(upstream, 1);
    }

    public void records(String source, String outcome, int count) {
        Counter.builder("cryo.import.records").description("Import records by final outcome")
                .tags("source", source, "outcome", outcome).register(registry).increment(count);
    }

    public void progressPoll() {
        progressPolls.increment();
    }

    public void upstreamRequest(String upstream, String endpoint, String status) {
        Counter.builder("cryo.import.upstream.requests").description("Requests to PubChem, ChEMBL and molecule-service")
                .tags("upstream", upstream, "endpoint", endpoint, "status", status).register(registry).increment();
    }

    public void throttled(String upstream, String signal) {
        throttledCounter(upstream, signal).increment();
    }

    private Counter throttledCounter(String upstream, String signal) {
        return Counter.builder("cryo.import.throttled").description("Throttling signals received from an upstream")
                .tags("upstream", upstream, "signal", signal).register(registry);
    }

    public void rateLimiterWait(String upstream, long nanos) {
        waitTimer(upstream).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer waitTimer(String upstream) {
        return Timer.builder("cryo.import.rate.limiter.wait").description("Time a request waited for its rate-limiter slot")
                .tags("upstream", upstream).publishPercentileHistogram().register(registry);
    }

    public void rateFactor(String upstream, double factor) {
        gauge("cryo.import.rate.factor", "Share of the configured request rate currently used", upstream)
                .set(Double.doubleToLongBits(factor));
    }

    public void chunkSize(String upstream, int size) {
        gauge("cryo.import.chunk.size", "Ids per upstream request (AIMD)", upstream).set(Double.doubleToLongBits(size));
    }

    /** A gauge read from elsewhere, e.g. the circuit breakers' state or the running jobs. */
    public void watch(String name, String description, Supplier<Number> value, String... tags) {
        Gauge.builder(name, value).description(description).tags(tags).register(registry);
    }

    /** A settable gauge; the value is a double's bits. */
    private AtomicLong gauge(String name, String description, String upstream) {
        return gauges.computeIfAbsent(name + "|" + upstream, key -> {
            AtomicLong bits = new AtomicLong(Double.doubleToLongBits(0));
            Gauge.builder(name, bits, b -> Double.longBitsToDouble(b.get())).description(description)
                    .tags("upstream", upstream).register(registry);
            return bits;
        });
    }
}
