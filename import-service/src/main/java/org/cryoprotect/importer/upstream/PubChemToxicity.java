package org.cryoprotect.importer.upstream;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.toxicity.ReportedMeasurement;
import org.cryoprotect.common.toxicity.ToxicityText;
import org.cryoprotect.importer.ImportConfig;
import org.cryoprotect.importer.client.ToxicityMeasurement;
import org.cryoprotect.importer.model.Source;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * PubChem toxicity values from PUG-View, one request per CID: every Information item under the
 * configured headings (Non-Human Toxicity Values, Ecotoxicity Values) is one measurement, parsed
 * with common's {@link ToxicityText}, or kept verbatim with the reason when it does not parse.
 */
@ApplicationScoped
public class PubChemToxicity implements ToxicitySource {

    /** PUG-View requests of one chunk in flight at once; the rate limiter paces them anyway. */
    private static final int CONCURRENCY = 4;

    private final PubChemClient pubchem;
    private final ImportConfig config;

    public PubChemToxicity(PubChemClient pubchem, ImportConfig config) {
        this.pubchem = pubchem;
        this.config = config;
    }

    @Override
    public Source source() {
        return Source.PUBCHEM;
    }

    @Override
    public String cacheKey() {
        return "pubchem-toxicity";
    }

    @Override
    public Uni<Map<String, JsonObject>> fetch(List<String> cids) {
        return Multi.createFrom().iterable(cids)
                .onItem().transformToUni(cid -> pubchem.toxicity(cid).map(record -> Map.entry(cid, record)))
                .merge(CONCURRENCY)
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    @Override
    public List<ToxicityMeasurement> measurements(String cid, JsonObject response) {
        JsonObject record = response.getJsonObject("Record", new JsonObject());
        Map<Integer, JsonObject> references = new HashMap<>();
        for (Object entry : record.getJsonArray("Reference", new JsonArray())) {
            if (entry instanceof JsonObject reference && reference.getValue("ReferenceNumber") instanceof Number number) {
                references.put(number.intValue(), reference);
            }
        }
        Map<String, ToxicityMeasurement> byRecord = new LinkedHashMap<>();
        for (JsonObject item : items(record.getJsonArray("Section", new JsonArray()), new HashSet<>(config.toxicity().pubchemHeadings()))) {
            ToxicityMeasurement measurement = measurement(Long.parseLong(cid), item, references);
            byRecord.putIfAbsent(measurement.record(), measurement); // the same text twice under one reference is one record
        }
        return List.copyOf(byRecord.values());
    }

    /** The Information items of the sections with one of the headings, at any depth, in document order. */
    private static List<JsonObject> items(JsonArray sections, Set<String> headings) {
        List<JsonObject> items = new ArrayList<>();
        for (Object entry : sections) {
            if (!(entry instanceof JsonObject section)) {
                continue;
            }
            if (headings.contains(section.getString("TOCHeading"))) {
                section.getJsonArray("Information", new JsonArray()).forEach(info -> {
                    if (info instanceof JsonObject item) {
                        items.add(item);
                    }
                });
            }
            items.addAll(items(section.getJsonArray("Section", new JsonArray()), headings));
        }
        return items;
    }

    static ToxicityMeasurement measurement(long cid, JsonObject item, Map<Integer, JsonObject> references) {
        String text = text(item);
        Integer number = item.getValue("ReferenceNumber") instanceof Number n ? n.intValue() : null;
        String record = number + "/" + sha1Prefix(text);
        String reference = reference(item, number == null ? null : references.get(number));
        if (text.isEmpty()) {
            return unparsed(cid, record, null, reference, "the item has no text");
        }
        ToxicityText.Parse parse = ToxicityText.parse(text);
        if (parse instanceof ToxicityText.Parsed parsed) {
            ReportedMeasurement m = parsed.measurement();
            return new ToxicityMeasurement("pubchem", cid, null, record, text, reference, m.endpoint(), m.relation(),
                    m.value(), m.unit(), m.species(), m.route(), m.exposure(), null, null);
        }
        return unparsed(cid, record, text, reference, ((ToxicityText.Unparsed) parse).reason());
    }

    private static ToxicityMeasurement unparsed(long cid, String record, String text, String reference, String reason) {
        return new ToxicityMeasurement("pubchem", cid, null, record, text, reference, null, null, null, null, null, null,
                null, reason, null);
    }

    /** The item's strings as PubChem wrote them (one, as a rule). */
    private static String text(JsonObject item) {
        List<String> strings = new ArrayList<>();
        JsonObject value = item.getJsonObject("Value", new JsonObject());
        for (Object markup : value.getJsonArray("StringWithMarkup", new JsonArray())) {
            if (markup instanceof JsonObject string && string.getValue("String") instanceof String s && !s.isBlank()) {
                strings.add(s.trim());
            }
        }
        return String.join(" ", strings);
    }

    /** The item's own reference strings; else the record's reference entry for its number. */
    private static String reference(JsonObject item, JsonObject entry) {
        List<String> own = new ArrayList<>();
        for (Object reference : item.getJsonArray("Reference", new JsonArray())) {
            if (reference instanceof String s && !s.isBlank()) {
                own.add(s.trim());
            }
        }
        if (!own.isEmpty()) {
            return String.join("; ", own);
        }
        if (entry == null) {
            return null;
        }
        String source = entry.getString("SourceName");
        String name = entry.getString("Name");
        String url = entry.getString("URL");
        String described = source == null ? name : name == null ? source : source + ": " + name;
        return described == null ? url : url == null ? described : described + " (" + url + ")";
    }

    static String sha1Prefix(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
