package org.cryoprotect.importer.ratelimit;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The quickest answer seen per endpoint and request size. A request answered {@code l} after it
 * was sent, where no request of its endpoint and no larger size was ever answered quicker than
 * {@code q}, reached the upstream at most {@code l - q} later than the quickest one did: the rest
 * of its time was the upstream's work and the way back, which take no less for it. A larger
 * request never takes less, so a size not seen yet borrows the floor of the smaller ones.
 */
final class LatencyFloors {

    private final Map<String, ConcurrentSkipListMap<Integer, Long>> floors = new ConcurrentHashMap<>();

    /**
     * Records the answer and returns the quickest one for the size, this one included; empty when
     * this was the first answer of its endpoint at or below its size.
     */
    OptionalLong record(String endpoint, int size, long latencyNanos) {
        ConcurrentSkipListMap<Integer, Long> bySize = floors.computeIfAbsent(endpoint, key -> new ConcurrentSkipListMap<>());
        OptionalLong before = bySize.headMap(size, true).values().stream().mapToLong(Long::longValue).min();
        bySize.merge(size, latencyNanos, Math::min);
        return before.isEmpty() ? before : OptionalLong.of(Math.min(before.getAsLong(), latencyNanos));
    }
}
