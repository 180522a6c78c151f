package org.cryoprotect.common.toxicity;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** TEMPORARY stand-in for tox-common's class (TOXICITY.md A); replaced when branch tox-common is merged. */
public final class ToxicityVocabulary {

    private static final Map<String, String> SPECIES = Map.ofEntries(Map.entry("rat", "rat"), Map.entry("rats", "rat"),
            Map.entry("rattus norvegicus", "rat"), Map.entry("mouse", "mouse"), Map.entry("mice", "mouse"),
            Map.entry("mus musculus", "mouse"), Map.entry("rabbit", "rabbit"), Map.entry("guinea pig", "guinea pig"),
            Map.entry("dog", "dog"), Map.entry("cat", "cat"), Map.entry("hamster", "hamster"), Map.entry("monkey", "monkey"),
            Map.entry("human", "human"), Map.entry("homo sapiens", "human"), Map.entry("man", "human"),
            Map.entry("chicken", "chicken"), Map.entry("quail", "quail"), Map.entry("mallard", "mallard"),
            Map.entry("fathead minnow", "fathead minnow"), Map.entry("pimephales promelas", "fathead minnow"),
            Map.entry("rainbow trout", "rainbow trout"), Map.entry("bluegill", "bluegill"), Map.entry("zebrafish", "zebrafish"),
            Map.entry("daphnia magna", "daphnia magna"));
    private static final Map<String, String> ROUTES = Map.ofEntries(Map.entry("oral", "oral"), Map.entry("orl", "oral"),
            Map.entry("gavage", "oral"), Map.entry("intraperitoneal", "intraperitoneal"), Map.entry("ip", "intraperitoneal"),
            Map.entry("ipr", "intraperitoneal"), Map.entry("intravenous", "intravenous"), Map.entry("iv", "intravenous"),
            Map.entry("ivn", "intravenous"), Map.entry("subcutaneous", "subcutaneous"), Map.entry("sc", "subcutaneous"),
            Map.entry("scu", "subcutaneous"), Map.entry("intramuscular", "intramuscular"), Map.entry("im", "intramuscular"),
            Map.entry("ims", "intramuscular"), Map.entry("dermal", "dermal"), Map.entry("skin", "dermal"),
            Map.entry("inhalation", "inhalation"), Map.entry("ihl", "inhalation"), Map.entry("ocular", "ocular"),
            Map.entry("aquatic", "aquatic"));
    private static final Pattern EXPOSURE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*-?\\s*(hr|hrs|h|hours?|days?|d)\\b",
            Pattern.CASE_INSENSITIVE);

    private ToxicityVocabulary() {
    }

    public static Optional<String> species(String reported) {
        return lookup(SPECIES, reported);
    }

    public static Optional<String> route(String reported) {
        return lookup(ROUTES, reported);
    }

    public static Optional<Double> exposureHours(String reported) {
        if (reported == null) {
            return Optional.empty();
        }
        Matcher m = EXPOSURE.matcher(reported);
        if (!m.find()) {
            return Optional.empty();
        }
        double n = Double.parseDouble(m.group(1));
        return Optional.of(m.group(2).toLowerCase(Locale.ROOT).startsWith("d") ? n * 24 : n);
    }

    private static Optional<String> lookup(Map<String, String> terms, String reported) {
        return reported == null ? Optional.empty()
                : Optional.ofNullable(terms.get(reported.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")));
    }
}
