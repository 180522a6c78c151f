package org.cryoprotect.common.db;

import jakarta.inject.Singleton;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/**
 * Applies the pool settings Quarkus 3.34 has no property for (the wait-queue bound, the connect
 * timeout, the prepared-statement cache size, the eviction period) on top of what
 * quarkus.datasource.reactive.* configured. Without it the wait queue is unbounded.
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
                // Off: Vert.x 4.5.26's acquisition timeout wedges the pool under exhaustion (fault drill 4);
                // Database bounds the wait itself (cryo.db.pool.acquisition-timeout).
                .setConnectionTimeout(0)
                .setPoolCleanerPeriod((int) config.cleanerPeriod().toMillis());
        for (PgConnectOptions connect : input.pgConnectOptionsList()) {
            connect.setConnectTimeout((int) config.connectTimeout().toMillis())
                    .setPreparedStatementCacheMaxSize(config.preparedStatementCacheSize());
        }
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), pool);
    }
}
