package org.cryoprotect.common.toxicity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.cryoprotect.common.toxicity.ToxicityText.Parse;
import org.cryoprotect.common.toxicity.ToxicityText.Parsed;
import org.cryoprotect.common.toxicity.ToxicityText.Unparsed;

/**
 * Reads one measurement from free text in any word order ("LD50 Rat oral 780 mg/kg",
 * "LD50: 127 mg/kg (Oral, Mouse)", "Rat oral LD50 > 2000 mg/kg bw"): takes the endpoint, the
 * exposure, the one value with its unit, the route and the species, in that order. Text that
 * holds no value, or more than one (several endpoints, values, exposures, species or routes), is
 * not one measurement and stays unparsed with the reason: nothing is picked or averaged.
 */
final class FreeText {

    /** "Acid equivalent was 588 mg/kg": a dose of another substance (the acid), not of this compound. */
    private static final Pattern EQUIVALENT = Pattern.compile("(?i)(?:\\b[a-z]+\\s+)?equivalents?\\b|\\ba\\.e\\.");

    private FreeText() {
    }

    static Parse parse(String cleaned) {
        MaskedText text = new MaskedText(cleaned);
        List<Endpoint> endpoints = Endpoint.findAll(text.rest());
        if (endpoints.isEmpty()) {
            return new Unparsed("no toxicity endpoint (such as LD50, LC50, EC50, NOAEL) named");
        }
        Set<String> names = endpoints.stream().map(Endpoint::canonical).collect(Collectors.toCollection(LinkedHashSet::new));
        if (names.size() > 1) {
            return new Unparsed("several endpoints (" + String.join(", ", names) + "), not one measurement");
        }
        Matcher equivalent = EQUIVALENT.matcher(cleaned);
        if (equivalent.find()) {
            return new Unparsed("a value in " + equivalent.group().trim() + ", a dose of another substance");
        }
        endpoints.forEach(e -> text.take(e.start(), e.end()));
        Exposures exposure = Exposures.take(text);
        if (exposure.problem() != null) {
            return new Unparsed(exposure.problem());
        }
        List<Quantity> quantities = Quantity.findAll(text.rest());
        Unparsed notOne = notOneValue(quantities);
        if (notOne != null) {
            return notOne;
        }
        Quantity quantity = quantities.get(0);
        text.take(quantity.start(), quantity.end());
        return measurement(text, endpoints.get(0), quantity, exposure.written());
    }

    /** The parse once value and exposure are known: route and species from the words left. */
    static Parse measurement(MaskedText text, Endpoint endpoint, Quantity quantity, String exposure) {
        Double value = Numbers.parse(quantity.number());
        if (value == null) {
            return new Unparsed("ambiguous number '" + quantity.number() + "'");
        }
        Organism.Found route = Organism.route(text);
        if (route.problem() != null) {
            return new Unparsed(route.problem());
        }
        int slotEnd = endpoint.end() <= quantity.start() ? quantity.start() : endpoint.end();
        Organism.Found species = Organism.species(text, endpoint.end(), slotEnd);
        if (species.problem() != null) {
            return new Unparsed(species.problem());
        }
        return new Parsed(new ReportedMeasurement(endpoint.canonical(), Relations.canonical(quantity.relation()),
                value, quantity.unit(), species.written(), route.written(), exposure));
    }

    static Unparsed notOneValue(List<Quantity> quantities) {
        if (quantities.isEmpty()) {
            return new Unparsed("no value with a unit");
        }
        if (quantities.size() > 1) {
            return new Unparsed("several values (" + quantities.stream().map(Quantity::written)
                    .collect(Collectors.joining("; ")) + "), not one measurement");
        }
        Quantity quantity = quantities.get(0);
        if (quantity.isRange()) {
            return new Unparsed("a range (" + quantity.written() + "), not one value");
        }
        return null;
    }

    /** The one exposure duration a text names (possibly none), or why it names several. */
    record Exposures(String written, String problem) {
        static Exposures take(MaskedText text) {
            List<Exposure> found = Exposure.findAll(text.rest());
            Set<String> distinct = found.stream().map(Exposure::key).collect(Collectors.toCollection(LinkedHashSet::new));
            if (distinct.size() > 1) {
                return new Exposures(null, "several exposure times (" + found.stream().map(Exposure::written)
                        .collect(Collectors.joining(", ")) + "), not one measurement");
            }
            found.forEach(e -> text.take(e.start(), e.end()));
            return new Exposures(found.isEmpty() ? null : found.get(0).written(), null);
        }
    }
}
