package org.cryoprotect.importer.upstream;

import java.util.List;
import java.util.Map;

import org.cryoprotect.importer.client.ToxicityMeasurement;
import org.cryoprotect.importer.model.Source;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/** An upstream's toxicity data as the import pipeline sees it: raw records by id, and their measurements. */
public interface ToxicitySource {

    Source source();

    /** The key its raw records are cached under, apart from the molecule records. */
    String cacheKey();

    /** A raw record for every id asked for (one without data, too); what comes back is cached as is. */
    Uni<Map<String, JsonObject>> fetch(List<String> ids);

    /** The measurements of one raw record, each with its source record identity, in the record's order. */
    List<ToxicityMeasurement> measurements(String id, JsonObject raw);
}
