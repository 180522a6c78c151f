package org.cryoprotect.simulator.policy;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.cryoprotect.simulator.SimulatorConfig;

/** The one policy instance, on the monotonic clock. */
public class PolicyProducer {

    @Produces
    @Singleton
    ThrottlePolicy policy(SimulatorConfig config) {
        PolicySettings settings = PolicySettings.from(config.policy());
        String error = settings.validate();
        if (error != null) {
            throw new IllegalArgumentException("simulator.policy: " + error);
        }
        return new ThrottlePolicy(settings, () -> System.nanoTime() / 1_000_000);
    }
}
