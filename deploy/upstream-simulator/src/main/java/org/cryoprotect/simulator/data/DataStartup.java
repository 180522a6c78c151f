package org.cryoprotect.simulator.data;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.runtime.StartupEvent;

/** Builds the data set before the server takes requests, and reports it as readiness. */
@Readiness
public class DataStartup implements HealthCheck {

    private final DataStore data;

    public DataStartup(DataStore data) {
        this.data = data;
    }

    void onStart(@Observes StartupEvent event) {
        data.load();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("upstream-data").up().withData("compounds", data.size()).build();
    }
}
