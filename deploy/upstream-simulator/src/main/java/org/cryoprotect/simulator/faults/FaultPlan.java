package org.cryoprotect.simulator.faults;

/**
 * The faults drawn for one request. At most one of timeout, error and html503 is set (in that order
 * of precedence); truncate and malformed only touch successful JSON bodies.
 */
public record FaultPlan(long latencyMs, boolean timeout, long holdMs, boolean error, int errorStatus,
        boolean errorHtml, boolean html503, boolean truncate, boolean malformed, boolean omitThrottlingHeader,
        boolean throttleHtml) {

    public static final FaultPlan NONE = new FaultPlan(0, false, 0, false, 0, false, false, false, false, false, false);
}
