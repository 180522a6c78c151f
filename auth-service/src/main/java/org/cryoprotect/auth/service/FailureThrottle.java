package org.cryoprotect.auth.service;

import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.auth.AuthConfig;

import io.quarkus.scheduler.Scheduled;

/**
 * Counts failed logins and failed client authentications per account and per source address in a
 * sliding window; past the limit, attempts are refused before any password is checked. Counts are
 * per replica, which bounds guessing at (replicas × limit) per window.
 */
@ApplicationScoped
public class FailureThrottle {

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final AuthConfig.Throttle config;

    public FailureThrottle(AuthConfig config) {
        this.config = config.throttle();
    }

    /** @return how long the caller must wait, or null when it may try */
    public Duration blocked(String account, String address) {
        Duration accountWait = wait("account:" + account, config.maxFailuresPerAccount());
        Duration addressWait = wait("address:" + address, config.maxFailuresPerAddress());
        if (accountWait == null) {
            return addressWait;
        }
        return addressWait == null || accountWait.compareTo(addressWait) > 0 ? accountWait : addressWait;
    }

    public void failed(String account, String address) {
        long now = System.currentTimeMillis();
        failures.computeIfAbsent("account:" + account, k -> new ConcurrentLinkedDeque<>()).add(now);
        failures.computeIfAbsent("address:" + address, k -> new ConcurrentLinkedDeque<>()).add(now);
    }

    public void succeeded(String account) {
        failures.remove("account:" + account);
    }

    private Duration wait(String key, int limit) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return null;
        }
        long windowStart = System.currentTimeMillis() - config.window().toMillis();
        times.removeIf(t -> t < windowStart);
        if (times.size() < limit) {
            return null;
        }
        Long oldest = times.peekFirst();
        return Duration.ofMillis(Math.max(1_000, (oldest == null ? 0 : oldest) - windowStart));
    }

    @Scheduled(every = "5m")
    void forgetOld() {
        long windowStart = System.currentTimeMillis() - config.window().toMillis();
        failures.values().forEach(times -> times.removeIf(t -> t < windowStart));
        failures.values().removeIf(Deque::isEmpty);
    }
}
