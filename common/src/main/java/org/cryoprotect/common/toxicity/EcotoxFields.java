package org.cryoprotect.common.toxicity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.cryoprotect.common.toxicity.ToxicityText.Parse;
import org.cryoprotect.common.toxicity.ToxicityText.Parsed;
import org.cryoprotect.common.toxicity.ToxicityText.Unparsed;

/**
 * HSDB's labelled ECOTOX style: "LC50; Species: Oncorhynchus mykiss (Rainbow trout) age 6 wk;
 * Conditions: freshwater, static; Concentration: 33,000 mg/L for 96 hr; Effect: ...". The fields
 * are read separately because the species and conditions fields carry numbers of their own
 * (age, weight, temperature, hardness) that are not the value. The route is not written, so it is null.
 */
final class EcotoxFields {

    private static final Pattern LABEL = Pattern.compile("(?i)(?:^|;)\\s*Species\\s*:");
    private static final Pattern FIELD = Pattern.compile("^\\s*([A-Za-z ]+?)\\s*:\\s*(.*)$", Pattern.DOTALL);
    /** Where the organism's description ends and its size or life stage begins. */
    private static final Pattern ORGANISM_DETAIL = Pattern.compile(
            "(?i)\\s+(?:age|aged|weight|wt|length|size|mean|larva|larvae|juvenile|adult|embryo|fry|neonate|instar"
            + "|fingerling|egg|eggs|\\d)\\b.*$");

    private EcotoxFields() {
    }

    static boolean applies(String cleaned) {
        return LABEL.matcher(cleaned).find();
    }

    static Parse parse(String cleaned) {
        String[] parts = cleaned.split(";");
        List<Endpoint> endpoints = Endpoint.findAll(parts[0]);
        if (endpoints.size() != 1) {
            return new Unparsed("no single endpoint before the labelled fields");
        }
        Map<String, String> fields = fields(parts);
        String concentration = fields.get("concentration");
        if (concentration == null) {
            return new Unparsed("no Concentration field");
        }
        MaskedText text = new MaskedText(concentration);
        FreeText.Exposures exposure = FreeText.Exposures.take(text);
        if (exposure.problem() != null) {
            return new Unparsed(exposure.problem());
        }
        List<Quantity> quantities = Quantity.findAll(text.rest());
        Unparsed notOne = FreeText.notOneValue(quantities);
        if (notOne != null) {
            return notOne;
        }
        Quantity quantity = quantities.get(0);
        Double value = Numbers.parse(quantity.number());
        if (value == null) {
            return new Unparsed("ambiguous number '" + quantity.number() + "'");
        }
        String species = fields.get("species");
        species = species == null ? null : ORGANISM_DETAIL.matcher(species).replaceFirst("").trim();
        return new Parsed(new ReportedMeasurement(endpoints.get(0).canonical(), Relations.canonical(quantity.relation()),
                value, quantity.unit(), species == null || species.isEmpty() ? null : species, null,
                exposure.written()));
    }

    private static Map<String, String> fields(String[] parts) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            var m = FIELD.matcher(parts[i]);
            if (m.matches()) {
                fields.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), m.group(2).trim());
            }
        }
        return fields;
    }
}
