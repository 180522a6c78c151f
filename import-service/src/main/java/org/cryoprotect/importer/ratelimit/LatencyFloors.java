package org.cryoprotect.importer.ratelimit;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The quickest answer seen per endpoint and request size. A request answered {@code l} after it
 * was sent, where no request of its endpoint and size was ever answered quicker than {@code q},
 * reached the upstream at most {@code l - q} later than the quickest one did: the rest of its time
 * was the upstream's work and the way back, which take no less for it. A larger request never
 * takes less, so a size borrows the floor of sizes up to a tenth smaller; a floor of much smaller
 * requests would say too little about how late a large one arrived.
 */
final class LatencyFloors {

    private final Map<String, ConcurrentSkipListMap<Integer, Long>> floors = new ConcurrentHashMap<>();

    /**
     * Records the answer and returns the quickest one for the size, this one included; empty when
     * this was the first answer of its endpoint and size (or up to a tenth smaller).
     */
    OptionalLong record(String endpoint, int size, long latencyNanos) {
        ConcurrentSkipListMap<Integer, Long> bySize = floors.computeIfAbsent(endpoint, key -> new ConcurrentSkipListMap<>());
        OptionalLong before = bySize.subMap(size - size / 10, true, size, true).values().stream()
                .mapToLong(Long::longValue).min();
        bySize.merge(size, latencyNanos, Math::min);
        return before.isEmpty() ? before : OptionalLong.of(Math.min(before.getAsLong(), latencyNanos));
    }
}
