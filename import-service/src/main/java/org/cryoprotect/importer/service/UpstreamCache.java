package org.cryoprotect.importer.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.importer.ImportConfig;
import org.cryoprotect.importer.repository.CacheRepository;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/** Upstream records by id: cached ones first, the rest fetched and cached for later imports. */
@ApplicationScoped
public class UpstreamCache {

    private final CacheRepository cache;
    private final ImportConfig config;

    public UpstreamCache(CacheRepository cache, ImportConfig config) {
        this.cache = cache;
        this.config = config;
    }

    /** The records of {@code ids} under {@code key}; ids the upstream does not know are absent. */
    public Uni<Map<String, JsonObject>> records(String key, List<String> ids,
            Function<List<String>, Uni<Map<String, JsonObject>>> fetch) {
        return cache.get(key, ids).chain(cached -> {
            List<String> missing = ids.stream().filter(id -> !cached.containsKey(id)).toList();
            if (missing.isEmpty()) {
                return Uni.createFrom().item(cached);
            }
            return fetch.apply(missing)
                    .call(fetched -> cache.put(key, fetched, config.cacheTtl()))
                    .map(fetched -> {
                        Map<String, JsonObject> all = new HashMap<>(cached);
                        all.putAll(fetched);
                        return all;
                    });
        });
    }
}
