package org.cryoprotect.simulator.data;

import java.util.Locale;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.runtime.StartupEvent;

/**
 * Loads the data set at start and reports readiness: UP once the demo molecules are served (before
 * the port opens); the generated compounds follow in the background, see {@link GeneratedSetCheck}.
 */
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
        return HealthCheckResponse.named("upstream-data").up()
                .withData("compounds", data.size())
                .withData("generated", data.generatedCount())
                .withData("generation", data.generation().name().toLowerCase(Locale.ROOT))
                .build();
    }
}
