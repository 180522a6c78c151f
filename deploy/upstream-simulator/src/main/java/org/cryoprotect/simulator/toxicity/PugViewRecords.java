package org.cryoprotect.simulator.toxicity;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.cryoprotect.simulator.data.Compound;

/**
 * A compound's PUG-View record with toxicity data: the fixture's for demo compounds, a deterministic
 * generated one for generated compounds; and the part of a record under one heading, as PUG-View's
 * {@code ?heading=} answers it.
 */
@ApplicationScoped
public class PugViewRecords {

    private final ToxicityFixtures fixtures;

    public PugViewRecords(ToxicityFixtures fixtures) {
        this.fixtures = fixtures;
    }

    /** The whole record, or null when the compound has no toxicity data. */
    public ObjectNode record(Compound compound) {
        if ("generated".equals(compound.origin())) {
            return GeneratedToxicity.pugView(compound);
        }
        return fixtures.pubchemRecord(compound.cid());
    }

    /**
     * The record reduced to the path down to every section titled {@code heading} (whole), with only the
     * references those sections cite; null when no section has that heading. Case and '+' for spaces
     * are forgiven, as in a URL.
     */
    public static ObjectNode underHeading(ObjectNode record, String heading) {
        String wanted = normalize(heading);
        ObjectNode source = (ObjectNode) record.get("Record");
        ArrayNode kept = keep((ArrayNode) source.get("Section"), wanted);
        if (kept == null) {
            return null;
        }
        ObjectNode result = record.objectNode();
        ObjectNode out = result.putObject("Record");
        source.fields().forEachRemaining(f -> {
            if (f.getKey().equals("Section")) {
                out.set("Section", kept);
            } else if (!f.getKey().equals("Reference")) {
                out.set(f.getKey(), f.getValue());
            }
        });
        Set<Integer> cited = new HashSet<>();
        collectReferences(kept, cited);
        JsonNode references = source.get("Reference");
        if (references != null) {
            ArrayNode used = out.putArray("Reference");
            references.forEach(r -> {
                if (cited.contains(r.path("ReferenceNumber").asInt())) {
                    used.add(r);
                }
            });
        }
        return result;
    }

    private static ArrayNode keep(ArrayNode sections, String wanted) {
        if (sections == null) {
            return null;
        }
        ArrayNode kept = sections.arrayNode();
        for (JsonNode section : sections) {
            if (normalize(section.path("TOCHeading").asText()).equals(wanted)) {
                kept.add(section);
                continue;
            }
            ArrayNode below = keep((ArrayNode) section.get("Section"), wanted);
            if (below != null) {
                ObjectNode path = kept.addObject();
                section.fields().forEachRemaining(f -> {
                    if (f.getKey().equals("Section")) {
                        path.set("Section", below);
                    } else if (!f.getKey().equals("Information")) {
                        path.set(f.getKey(), f.getValue());
                    }
                });
            }
        }
        return kept.isEmpty() ? null : kept;
    }

    private static void collectReferences(JsonNode node, Set<Integer> cited) {
        if (node.isObject()) {
            if (node.has("ReferenceNumber")) {
                cited.add(node.get("ReferenceNumber").asInt());
            }
            node.elements().forEachRemaining(child -> collectReferences(child, cited));
        } else if (node.isArray()) {
            node.forEach(child -> collectReferences(child, cited));
        }
    }

    private static String normalize(String heading) {
        return heading == null ? "" : heading.replace('+', ' ').trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
