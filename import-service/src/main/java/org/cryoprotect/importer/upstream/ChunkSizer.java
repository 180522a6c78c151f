package org.cryoprotect.importer.upstream;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.importer.ImportConfig;
import org.cryoprotect.importer.metrics.ImportMetrics;

/**
 * Ids per upstream request, adapted per upstream by AIMD: a fast, clean response adds a tenth of
 * the initial size; a slow one, an error, or PubChem's Request Time status at Yellow or worse
 * halves it. Bigger chunks mean fewer requests under the same rate limit, but each costs more of
 * PubChem's per-minute server-time budget and risks its 30 s timeout.
 */
@ApplicationScoped
public class ChunkSizer {

    private final ImportConfig config;
    private final ImportMetrics metrics;
    private final Map<String, AtomicInteger> sizes = new ConcurrentHashMap<>();

    public ChunkSizer(ImportConfig config, ImportMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    public int current(String upstream) {
        return size(upstream).get();
    }

    public void succeeded(String upstream, Duration latency, boolean serverTimeStrained) {
        ImportConfig.Upstream bounds = config.upstreams().get(upstream);
        if (serverTimeStrained || latency.compareTo(bounds.targetLatency()) > 0) {
            shrink(upstream);
        } else {
            int step = Math.max(1, bounds.initialChunk() / 10);
            update(upstream, size -> Math.min(bounds.maxChunk(), size + step));
        }
    }

    public void shrink(String upstream) {
        ImportConfig.Upstream bounds = config.upstreams().get(upstream);
        update(upstream, size -> Math.max(bounds.minChunk(), size / 2));
    }

    private void update(String upstream, java.util.function.IntUnaryOperator change) {
        metrics.chunkSize(upstream, size(upstream).updateAndGet(change));
    }

    private AtomicInteger size(String upstream) {
        return sizes.computeIfAbsent(upstream, key -> {
            int initial = config.upstreams().get(upstream).initialChunk();
            metrics.chunkSize(upstream, initial);
            return new AtomicInteger(initial);
        });
    }
}
