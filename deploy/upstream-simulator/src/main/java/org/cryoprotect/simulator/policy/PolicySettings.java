package org.cryoprotect.simulator.policy;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import org.cryoprotect.simulator.SimulatorConfig;

/**
 * PubChem's request-volume policy as the simulator enforces it; starts from configuration and can be
 * changed at run time through {@code POST /admin/policy} (fields merged into the current settings).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public class PolicySettings {

    public boolean enabled = true;
    public int requestsPerSecond = 5;
    public int requestsPerMinute = 400;
    public long serverTimePerMinuteMs = 300_000;
    public long requestTimeoutMs = 30_000;
    public long serverTimeBaseMs = 40;
    public double serverTimePerIdMs = 2;
    public boolean delayResponses = true;
    public int retryAfterSeconds = 30;
    public int blockAfterViolations = 10;
    public long violationWindowMs = 60_000;
    public long blockDurationMs = 240_000;
    /** minute, second or max. */
    public String countPercentBasis = "minute";
    public boolean reportRemainingBlockTime = false;
    public int serviceCapacity = 50;

    public static PolicySettings from(SimulatorConfig.Policy p) {
        PolicySettings s = new PolicySettings();
        s.enabled = p.enabled();
        s.requestsPerSecond = p.requestsPerSecond();
        s.requestsPerMinute = p.requestsPerMinute();
        s.serverTimePerMinuteMs = p.serverTimePerMinute().toMillis();
        s.requestTimeoutMs = p.requestTimeout().toMillis();
        s.serverTimeBaseMs = p.serverTimeBase().toMillis();
        s.serverTimePerIdMs = p.serverTimePerId().toNanos() / 1_000_000.0;
        s.delayResponses = p.delayResponses();
        s.retryAfterSeconds = p.retryAfterSeconds();
        s.blockAfterViolations = p.blockAfterViolations();
        s.violationWindowMs = p.violationWindow().toMillis();
        s.blockDurationMs = p.blockDuration().toMillis();
        s.countPercentBasis = p.countPercentBasis();
        s.reportRemainingBlockTime = p.reportRemainingBlockTime();
        s.serviceCapacity = p.serviceCapacity();
        return s;
    }

    public PolicySettings copy() {
        PolicySettings s = new PolicySettings();
        s.enabled = enabled;
        s.requestsPerSecond = requestsPerSecond;
        s.requestsPerMinute = requestsPerMinute;
        s.serverTimePerMinuteMs = serverTimePerMinuteMs;
        s.requestTimeoutMs = requestTimeoutMs;
        s.serverTimeBaseMs = serverTimeBaseMs;
        s.serverTimePerIdMs = serverTimePerIdMs;
        s.delayResponses = delayResponses;
        s.retryAfterSeconds = retryAfterSeconds;
        s.blockAfterViolations = blockAfterViolations;
        s.violationWindowMs = violationWindowMs;
        s.blockDurationMs = blockDurationMs;
        s.countPercentBasis = countPercentBasis;
        s.reportRemainingBlockTime = reportRemainingBlockTime;
        s.serviceCapacity = serviceCapacity;
        return s;
    }

    /** Rejects settings the policy cannot work with; returns an explanation or null. */
    public String validate() {
        if (requestsPerSecond < 1 || requestsPerMinute < 1) {
            return "requests_per_second and requests_per_minute must be at least 1";
        }
        if (serverTimePerMinuteMs < 1 || requestTimeoutMs < 1 || serverTimeBaseMs < 0 || serverTimePerIdMs < 0) {
            return "server times must be positive";
        }
        if (blockAfterViolations < 1 || violationWindowMs < 1 || blockDurationMs < 0 || retryAfterSeconds < 0) {
            return "block_after_violations and violation_window_ms must be at least 1, block_duration_ms and retry_after_seconds not negative";
        }
        if (!"minute".equals(countPercentBasis) && !"second".equals(countPercentBasis) && !"max".equals(countPercentBasis)) {
            return "count_percent_basis must be minute, second or max";
        }
        if (serviceCapacity < 1) {
            return "service_capacity must be at least 1";
        }
        return null;
    }
}
