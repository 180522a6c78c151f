package org.cryoprotect.simulator.pubchem;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.cryoprotect.simulator.SimulatorConfig;

/**
 * Writes JSON the way PUG-REST does: indented by two spaces, {@code "key": value}, one array element
 * per line, final newline. (The real ServerBusy fault is 109 bytes in exactly this layout.)
 */
@ApplicationScoped
public class PubChemJson {

    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectWriter writer;
    private final boolean pretty;

    public PubChemJson(SimulatorConfig config) {
        this.pretty = config.pubchemPrettyJson();
        ObjectMapper mapper = new ObjectMapper();
        if (pretty) {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
                    .withObjectIndenter(indenter)
                    .withArrayIndenter(indenter);
            this.writer = mapper.writer(printer);
        } else {
            this.writer = mapper.writer();
        }
    }

    public String write(JsonNode node) {
        try {
            String json = writer.writeValueAsString(node);
            return pretty ? json + "\n" : json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code {"Fault": {"Code": ..., "Message": ..., "Details": [...]}}}; Details only when given. */
    public String fault(String code, String message, String... details) {
        ObjectNode fault = NODES.objectNode();
        fault.put("Code", code);
        fault.put("Message", message);
        if (details.length > 0) {
            ArrayNode array = fault.putArray("Details");
            List.of(details).forEach(array::add);
        }
        ObjectNode root = NODES.objectNode();
        root.set("Fault", fault);
        return write(root);
    }
}
