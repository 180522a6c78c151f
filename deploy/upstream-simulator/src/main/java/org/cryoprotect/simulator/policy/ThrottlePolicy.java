package org.cryoprotect.simulator.policy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * PubChem's dynamic request throttling, per client: sliding windows of the requests in the last
 * second and minute and of the simulated server time in the last minute. A request over a limit is
 * rejected (503 + Retry-After + X-Throttling-Control); a client collecting too many rejections within
 * the violation window is blocked for a while, and every request it makes meanwhile is rejected.
 * Rejected requests do not count towards the windows, but they do count as violations.
 *
 * <p>Thread safe: one lock per client; no I/O, no waiting, so it may run on the event loop.
 */
public class ThrottlePolicy {

    private static final long SECOND = 1_000;
    private static final long MINUTE = 60_000;

    private final LongSupplier clockMs;
    private final Map<String, ClientState> clients = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile PolicySettings settings;

    public ThrottlePolicy(PolicySettings settings, LongSupplier clockMs) {
        this.settings = settings;
        this.clockMs = clockMs;
    }

    public PolicySettings settings() {
        return settings;
    }

    public void settings(PolicySettings settings) {
        this.settings = settings;
    }

    /** Decides on one request of the client that will use {@code serverTimeMs} of simulated server time. */
    public Decision admit(String client, long serverTimeMs) {
        PolicySettings s = settings;
        long now = clockMs.getAsLong();
        if (clients.size() > 10_000) {
            clients.values().removeIf(c -> c.idleSince(now, s));
        }
        ClientState state = clients.computeIfAbsent(client, k -> new ClientState());
        synchronized (state) {
            state.purge(now, s);
            state.requests++;
            if (!s.enabled) {
                state.accept(now, serverTimeMs, s.requestsPerSecond);
                return new Decision(null, header(state, now, s, null), 0);
            }
            RejectReason reason = null;
            if (state.blockedUntil > now) {
                reason = RejectReason.BLOCKED;
            } else if (state.countSince(now - SECOND) + 1 > s.requestsPerSecond) {
                reason = RejectReason.RATE_PER_SECOND;
            } else if (state.window.size() + 1 > s.requestsPerMinute) {
                reason = RejectReason.RATE_PER_MINUTE;
            } else if (state.serverTimeMs >= s.serverTimePerMinuteMs) {
                reason = RejectReason.SERVER_TIME;
            }
            if (reason == null) {
                state.accept(now, serverTimeMs, s.requestsPerSecond);
                return new Decision(null, header(state, now, s, null), 0);
            }
            state.rejected.merge(reason, 1L, Long::sum);
            if (reason != RejectReason.BLOCKED) {
                state.violations.addLast(now);
                if (state.violations.size() >= s.blockAfterViolations) {
                    state.blockedUntil = now + s.blockDurationMs;
                    state.blocks++;
                    state.violations.clear();
                }
            }
            return new Decision(reason, header(state, now, s, reason), s.retryAfterSeconds);
        }
    }

    /** Counts a request in flight (for "Service status"); call {@link #finished()} when it is answered. */
    public void started() {
        inFlight.incrementAndGet();
    }

    public void finished() {
        inFlight.decrementAndGet();
    }

    public int inFlight() {
        return inFlight.get();
    }

    public void reset() {
        clients.clear();
    }

    /** Per-client counters and state, for /admin/stats. */
    public Map<String, Map<String, Object>> clientStats() {
        long now = clockMs.getAsLong();
        PolicySettings s = settings;
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(clients.keySet());
        names.sort(null);
        for (String name : names) {
            ClientState state = clients.get(name);
            if (state == null) {
                continue;
            }
            synchronized (state) {
                state.purge(now, s);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("requests", state.requests);
                m.put("admitted", state.admitted);
                long rejected = state.rejected.values().stream().mapToLong(Long::longValue).sum();
                m.put("rejected", rejected);
                Map<String, Long> byReason = new LinkedHashMap<>();
                state.rejected.forEach((k, v) -> byReason.put(k.key, v));
                m.put("rejected_by_reason", byReason);
                m.put("blocks", state.blocks);
                m.put("blocked", state.blockedUntil > now);
                m.put("blocked_remaining_ms", Math.max(0, state.blockedUntil - now));
                m.put("requests_last_second", state.countSince(now - SECOND));
                m.put("requests_last_minute", state.window.size());
                m.put("server_time_last_minute_ms", state.serverTimeMs);
                m.put("peak_requests_per_second", state.peakSecond);
                m.put("peak_requests_per_minute", state.peakMinute);
                m.put("tightest_span_ms", state.tightestSpanMs < 0 ? null : state.tightestSpanMs);
                result.put(name, m);
            }
        }
        return result;
    }

    /** Clients blocked right now, with the milliseconds left. */
    public Map<String, Long> blockedClients() {
        long now = clockMs.getAsLong();
        Map<String, Long> result = new LinkedHashMap<>();
        clients.forEach((name, state) -> {
            synchronized (state) {
                if (state.blockedUntil > now) {
                    result.put(name, state.blockedUntil - now);
                }
            }
        });
        return result;
    }

    private String header(ClientState state, long now, PolicySettings s, RejectReason reason) {
        double perSecond = 100.0 * state.countSince(now - SECOND) / s.requestsPerSecond;
        double perMinute = 100.0 * state.window.size() / s.requestsPerMinute;
        double countPercent = switch (s.countPercentBasis) {
            case "second" -> perSecond;
            case "max" -> Math.max(perSecond, perMinute);
            default -> perMinute;
        };
        double timePercent = 100.0 * state.serverTimeMs / s.serverTimePerMinuteMs;
        double servicePercent = 100.0 * inFlight.get() / s.serviceCapacity;
        boolean countExceeded = reason == RejectReason.RATE_PER_SECOND || reason == RejectReason.RATE_PER_MINUTE;
        StringBuilder h = new StringBuilder(160);
        h.append("Request Count status: ").append(colour(countPercent, countExceeded)).append(" (")
                .append(percent(countPercent)).append("%), Request Time status: ")
                .append(colour(timePercent, reason == RejectReason.SERVER_TIME)).append(" (")
                .append(percent(timePercent)).append("%), Service status: ").append(colour(servicePercent, false))
                .append(" (").append(percent(servicePercent)).append("%)");
        if (reason == RejectReason.RATE_PER_SECOND || reason == RejectReason.BLOCKED) {
            if (reason == RejectReason.BLOCKED && s.reportRemainingBlockTime) {
                long left = Math.max(0, (state.blockedUntil - now + 999) / 1000);
                h.append(", Remaining blocking time: ").append(String.format(Locale.ROOT, "%d:%02d:%02d",
                        left / 3600, (left / 60) % 60, left % 60));
            } else {
                h.append(", too many requests per second or blacklisted");
            }
        }
        return h.toString();
    }

    static String colour(double percent, boolean exceeded) {
        if (exceeded || percent > 100) {
            return "Black";
        }
        if (percent < 50) {
            return "Green";
        }
        return percent <= 75 ? "Yellow" : "Red";
    }

    private static long percent(double value) {
        return Math.round(value);
    }

    private static final class ClientState {
        /** Admitted requests of the last minute: {time, server time}. */
        final ArrayDeque<long[]> window = new ArrayDeque<>();
        final ArrayDeque<Long> violations = new ArrayDeque<>();
        final Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
        long serverTimeMs;
        long blockedUntil;
        long requests;
        long admitted;
        long blocks;
        long peakSecond;
        long peakMinute;
        /**
         * The shortest time between an admitted request and the admitted one per-second-limit
         * requests before it: how close the client came to the per-second limit (the policy admits
         * only spans of 1000 ms or more); -1 until there were that many.
         */
        long tightestSpanMs = -1;

        void purge(long now, PolicySettings s) {
            while (!window.isEmpty() && window.peekFirst()[0] <= now - MINUTE) {
                serverTimeMs -= window.pollFirst()[1];
            }
            while (!violations.isEmpty() && violations.peekFirst() <= now - s.violationWindowMs) {
                violations.pollFirst();
            }
        }

        int countSince(long since) {
            int n = 0;
            var it = window.descendingIterator();
            while (it.hasNext() && it.next()[0] > since) {
                n++;
            }
            return n;
        }

        void accept(long now, long serverTime, int perSecond) {
            if (window.size() >= perSecond) {
                var it = window.descendingIterator();
                for (int i = 1; i < perSecond; i++) {
                    it.next();
                }
                long span = now - it.next()[0];
                tightestSpanMs = tightestSpanMs < 0 ? span : Math.min(tightestSpanMs, span);
            }
            window.addLast(new long[] {now, serverTime});
            serverTimeMs += serverTime;
            admitted++;
            peakSecond = Math.max(peakSecond, countSince(now - SECOND));
            peakMinute = Math.max(peakMinute, window.size());
        }

        boolean idleSince(long now, PolicySettings s) {
            synchronized (this) {
                purge(now, s);
                return window.isEmpty() && violations.isEmpty() && blockedUntil <= now;
            }
        }
    }
}
