package org.cryoprotect.common.db;

import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/**
 * Applies the pool settings Quarkus 3.34 has no property for (the wait-queue bound, the acquisition
 * timeout, the connect timeout, the prepared-statement cache size, the eviction period) on top of
 * what quarkus.datasource.reactive.* configured. Without it the wait queue is unbounded and a
 * request waits 30 s for a connection.
 */
@Singleton
public class PoolSettings implements PgPoolCreator {

    private final DbConfig.Pool config;

    public PoolSettings(DbConfig config) {
        this.config = config.pool();
    }

    @Override
    @SuppressWarnings("deprecation") // Quarkus 3.34 expects a PgPool back
    public Pool create(Input input) {
        PoolOptions pool = input.poolOptions()
                .setMaxWaitQueueSize(config.maxWaitQueueSize())
                .setConnectionTimeout((int) config.acquisitionTimeout().toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setPoolCleanerPeriod((int) config.cleanerPeriod().toMillis());
        for (PgConnectOptions connect : input.pgConnectOptionsList()) {
            connect.setConnectTimeout((int) config.connectTimeout().toMillis())
                    .setPreparedStatementCacheMaxSize(config.preparedStatementCacheSize());
        }
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), pool);
    }
}
