package org.cryoprotect.auth.service;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.auth.AuthConfig;

import io.quarkus.scheduler.Scheduled;

/**
 * Throttles password and client-secret checks (policy: auth-service README, "Throttling"). An
 * attempt takes its slot before the secret is checked, under one lock, so parallel guesses cannot
 * overrun a limit; a failure keeps the slot for the window, a success gives it back.
 * <ul>
 * <li>per (account, address): the hard limit; a success from that address clears it;</li>
 * <li>per address, over all accounts: the hard limit for one source spraying many accounts;</li>
 * <li>per account, over all addresses: past its limit the account is only slowed down, with an
 * exponential backoff capped at a small maximum, and not at all from addresses it signed in from
 * — so an attacker cannot keep the real user out.</li>
 * </ul>
 * Counts are per replica, which bounds guessing at (replicas × limit) per window.
 */
@ApplicationScoped
public class FailureThrottle {

    /** A reserved attempt: report how it ended. */
    public interface Attempt {
        /** The secret was wrong: the slot stays taken for the window. */
        void failed();

        /** The secret was right: the slot is given back and the pair's count cleared. */
        void succeeded();

        /** Nothing was decided (e.g. the database failed): the slot is given back. */
        void released();
    }

    /** Either an attempt that may go on, or how long to wait. */
    public record Decision(Attempt attempt, Duration retryAfter) {
        public boolean allowed() {
            return attempt != null;
        }
    }

    private final AuthConfig.Throttle config;
    private final Map<String, Deque<Long>> failures = new HashMap<>();
    /** Account → when its next slowed-down attempt may start. */
    private final Map<String, Long> accountNextAttempt = new HashMap<>();
    /** (account, address) → last successful sign-in. */
    private final Map<String, Long> knownAddresses = new HashMap<>();

    public FailureThrottle(AuthConfig config) {
        this.config = config.throttle();
    }

    public synchronized Decision reserve(String account, String address) {
        long now = System.currentTimeMillis();
        String pair = pair(account, address);
        long window = config.window().toMillis();
        long wait = Math.max(waitFor(pair, config.maxFailuresPerAccountAddress(), window, now),
                waitFor("address:" + address, config.maxFailuresPerAddress(), window, now));
        int accountFailures = count("account:" + account, window, now);
        boolean slowed = accountFailures >= config.maxFailuresPerAccount() && !isKnown(pair, now);
        if (slowed) {
            wait = Math.max(wait, accountNextAttempt.getOrDefault(account, 0L) - now);
        }
        if (wait > 0) {
            return new Decision(null, Duration.ofMillis(wait));
        }
        if (slowed) {
            accountNextAttempt.put(account, now + backoff(accountFailures + 1 - config.maxFailuresPerAccount()));
        }
        Long at = now;
        add(pair, at);
        add("address:" + address, at);
        add("account:" + account, at);
        return new Decision(new Reservation(account, address, at), null);
    }

    /**
     * Sign-ups from one address: every attempt counts, successful or not.
     *
     * @return how long to wait, or null when this sign-up may go on (its slot is taken)
     */
    public synchronized Duration reserveSignup(String address) {
        long now = System.currentTimeMillis();
        String key = "signup:" + address;
        long wait = waitFor(key, config.maxSignupsPerAddress(), config.signupWindow().toMillis(), now);
        if (wait > 0) {
            return Duration.ofMillis(wait);
        }
        add(key, now);
        return null;
    }

    private long backoff(int beyondLimit) {
        long initial = config.accountBackoffInitial().toMillis();
        long max = config.accountBackoffMax().toMillis();
        int doublings = Math.min(beyondLimit - 1, 30);
        return Math.min(max, initial << Math.max(0, doublings));
    }

    private synchronized void succeeded(String account, String address, Long at) {
        failures.remove(pair(account, address));
        remove("address:" + address, at);
        remove("account:" + account, at);
        knownAddresses.put(pair(account, address), System.currentTimeMillis());
    }

    private synchronized void released(String account, String address, Long at) {
        remove(pair(account, address), at);
        remove("address:" + address, at);
        remove("account:" + account, at);
    }

    /** @return milliseconds until a slot frees up, or 0 when one is free */
    private long waitFor(String key, int limit, long window, long now) {
        if (count(key, window, now) < limit) {
            return 0;
        }
        long oldest = failures.get(key).peekFirst();
        return Math.max(1_000, oldest + window - now);
    }

    private int count(String key, long window, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        long windowStart = now - window;
        while (!times.isEmpty() && times.peekFirst() < windowStart) {
            times.pollFirst();
        }
        return times.size();
    }

    private boolean isKnown(String pair, long now) {
        Long lastSuccess = knownAddresses.get(pair);
        return lastSuccess != null && lastSuccess > now - config.knownAddressMemory().toMillis();
    }

    private void add(String key, Long at) {
        failures.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(at);
    }

    private void remove(String key, Long at) {
        Deque<Long> times = failures.get(key);
        if (times != null) {
            times.removeFirstOccurrence(at);
        }
    }

    private static String pair(String account, String address) {
        return "pair:" + account + "\u0000" + address;
    }

    @Scheduled(every = "5m")
    synchronized void forgetOld() {
        long now = System.currentTimeMillis();
        long window = Math.max(config.window().toMillis(), config.signupWindow().toMillis());
        failures.keySet().removeIf(key -> count(key, window, now) == 0);
        accountNextAttempt.values().removeIf(next -> next < now);
        knownAddresses.values().removeIf(at -> at < now - config.knownAddressMemory().toMillis());
    }

    private final class Reservation implements Attempt {
        private final String account;
        private final String address;
        private final Long at;
        private boolean settled;

        Reservation(String account, String address, Long at) {
            this.account = account;
            this.address = address;
            this.at = at;
        }

        @Override
        public void failed() {
            settle();
        }

        @Override
        public void succeeded() {
            if (settle()) {
                FailureThrottle.this.succeeded(account, address, at);
            }
        }

        @Override
        public void released() {
            if (settle()) {
                FailureThrottle.this.released(account, address, at);
            }
        }

        private synchronized boolean settle() {
            boolean first = !settled;
            settled = true;
            return first;
        }
    }
}
