package org.cryoprotect.simulator.http;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

/** Counters behind GET /admin/stats: what the simulator answered and why. */
@ApplicationScoped
public class SimulatorStats {

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private volatile Instant since = Instant.now();

    public void count(String key) {
        counters.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    public long get(String key) {
        LongAdder a = counters.get(key);
        return a == null ? 0 : a.sum();
    }

    /** Counters whose key starts with the prefix, without the prefix. */
    public Map<String, Long> withPrefix(String prefix) {
        Map<String, Long> result = new TreeMap<>();
        counters.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                result.put(k.substring(prefix.length()), v.sum());
            }
        });
        return result;
    }

    public Instant since() {
        return since;
    }

    public void reset() {
        counters.clear();
        since = Instant.now();
    }
}
