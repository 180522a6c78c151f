package org.cryoprotect.common.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Builds a {@link Database} per pool: the same retries, acquisition timeout and metrics, with a
 * circuit breaker and meters of its own (tagged {@code pool}). The default datasource's is the
 * injectable {@code Database}; a service with more pools (molecule-service's replica) asks for one.
 */
@ApplicationScoped
public class Databases {

    public static final String DEFAULT = "default";

    private final MeterRegistry registry;
    private final DbConfig config;
    private final Vertx vertx;

    public Databases(MeterRegistry registry, DbConfig config, Vertx vertx) {
        this.registry = registry;
        this.config = config;
        this.vertx = vertx;
    }

    /** @param maxSize the pool's configured maximum size, for the utilization gauge */
    public Database create(String poolName, Pool pool, int maxSize) {
        DbMetrics metrics = new DbMetrics(registry, poolName, pool, config, maxSize);
        return new Database(pool, new DbRetry(config, vertx, metrics), new DbCircuitBreaker(poolName, config, metrics),
                metrics, config, vertx);
    }

    @Produces
    @Singleton
    @Startup // the meters exist (and are scraped) before the first request
    Database defaultDatabase(Pool pool,
            @ConfigProperty(name = "quarkus.datasource.reactive.max-size", defaultValue = "20") int maxSize) {
        return create(DEFAULT, pool, maxSize);
    }
}
