package org.cryoprotect.simulator.data;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.HealthGroup;

/**
 * {@code GET /q/health/group/generated-data}: UP (200) once the generated compounds are served, DOWN
 * (503) while they are computed or if computing them failed. Benchmarks and tests that need the
 * whole data set wait for this; readiness does not (the demo molecules are enough to run).
 */
@HealthGroup("generated-data")
@ApplicationScoped
public class GeneratedSetCheck implements HealthCheck {

    private final DataStore data;

    public GeneratedSetCheck(DataStore data) {
        this.data = data;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("generated-data")
                .status(data.generation() == DataStore.Generation.COMPLETE)
                .withData("generated", data.generatedCount())
                .withData("generation", data.generation().name().toLowerCase(Locale.ROOT))
                .build();
    }
}
