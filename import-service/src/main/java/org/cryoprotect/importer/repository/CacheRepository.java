package org.cryoprotect.importer.repository;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.db.Database;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;

/** Upstream records by (upstream, id), reused until they expire. */
@ApplicationScoped
public class CacheRepository {

    private final Database db;

    public CacheRepository(Database db) {
        this.db = db;
    }

    public Uni<Map<String, JsonObject>> get(String upstream, List<String> ids) {
        return db.read(c -> c.preparedQuery("""
                select source_id, body from importer.response_cache
                 where upstream = $1 and source_id = any($2) and expires_at > now()""")
                .execute(Tuple.of(upstream, ids.toArray(String[]::new))))
                .map(rows -> {
                    Map<String, JsonObject> found = new HashMap<>();
                    rows.forEach(row -> found.put(row.getString("source_id"), (JsonObject) row.getJson("body")));
                    return found;
                });
    }

    public Uni<Void> put(String upstream, Map<String, JsonObject> records, Duration ttl) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] ids = records.keySet().toArray(String[]::new);
        String[] bodies = records.values().stream().map(JsonObject::encode).toArray(String[]::new);
        return db.idempotentTransaction(tx -> tx.preparedQuery("""
                insert into importer.response_cache (upstream, source_id, body, expires_at)
                select $1, id, body::jsonb, now() + make_interval(secs => $4) from unnest($2::text[], $3::text[]) as t(id, body)
                on conflict (upstream, source_id) do update
                   set body = excluded.body, fetched_at = now(), expires_at = excluded.expires_at""")
                .execute(Tuple.of(upstream, ids, bodies, (double) ttl.toSeconds())))
                .replaceWithVoid();
    }

    public Uni<Integer> purgeExpired() {
        return db.idempotentTransaction(tx -> tx.query("delete from importer.response_cache where expires_at < now()")
                .execute()).map(rows -> rows.rowCount());
    }
}
