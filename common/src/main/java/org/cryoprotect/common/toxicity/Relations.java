package org.cryoprotect.common.toxicity;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The comparison words sources put before a value, mapped to "=", "<", ">", "<=", ">=" or "~". */
final class Relations {

    /** Alternation for a relation directly before a number (longest spellings first). */
    static final String PATTERN = "(?:>\\s*or\\s*=|<\\s*or\\s*=|>=|<=|=>|=<|≥|≤|>|<|=|~|≈|ca\\.?|approx\\.?"
            + "|approximately|about|around|circa|in the range of|greater than or equal to|less than or equal to|greater than|more than"
            + "|less than)";

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("=", "="), Map.entry(">", ">"), Map.entry("<", "<"),
            Map.entry(">=", ">="), Map.entry("=>", ">="), Map.entry("≥", ">="), Map.entry(">or=", ">="),
            Map.entry("<=", "<="), Map.entry("=<", "<="), Map.entry("≤", "<="), Map.entry("<or=", "<="),
            Map.entry("~", "~"), Map.entry("≈", "~"), Map.entry("ca", "~"), Map.entry("c", "~"),
            Map.entry("approx", "~"), Map.entry("approximately", "~"), Map.entry("about", "~"),
            Map.entry("circa", "~"), Map.entry("around", "~"), Map.entry("intherangeof", "~"),
            Map.entry("greaterthanorequalto", ">="), Map.entry("lessthanorequalto", "<="),
            Map.entry("greaterthan", ">"), Map.entry("morethan", ">"), Map.entry("lessthan", "<"));

    private Relations() {
    }

    /** The canonical relation; "=" when nothing was written. ChEMBL-style quotes ("'='") are stripped. */
    static String canonical(String written) {
        if (written == null || written.isBlank()) {
            return "=";
        }
        String key = SPACES.matcher(written.replace("'", "").replace(".", "")).replaceAll("")
                .toLowerCase(Locale.ROOT);
        String relation = CANONICAL.get(key);
        if (relation == null) {
            throw new IllegalArgumentException("unknown relation '" + written + "'");
        }
        return relation;
    }
}
