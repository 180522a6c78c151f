package org.cryoprotect.common.toxicity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numbers as sources write them. Commas are the hard part: "33,000" is thirty-three thousand,
 * "14,5" is fourteen and a half. A comma followed by exactly three digits is a thousands separator
 * (the dominant use in HSDB and ECOTOX), except after a lone leading zero ("0,125" can only be a
 * decimal); any other single comma is a decimal comma. "1.234,5" reads European-style. Anything
 * else with several separators is refused rather than guessed. Powers of ten come as "1.2E-3",
 * "1.2x10-3", "1.2X10+3" or "1.2 × 10^3".
 */
final class Numbers {

    /** A number as written, without sign. */
    static final String PATTERN = "\\d+(?:[.,]\\d+)*(?:[eE][-+]?\\d+|\\s*[xX×]\\s*10\\^?[-+−]?\\d+)?";

    private static final Pattern THOUSANDS = Pattern.compile("[1-9]\\d{0,2}(?:,\\d{3})+(?:\\.\\d+)?");
    private static final Pattern EUROPEAN = Pattern.compile("[1-9]\\d{0,2}(?:\\.\\d{3})+,\\d+");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d+,\\d+");
    private static final Pattern PLAIN = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern POWER = Pattern.compile("(?:[eE]|\\s*[xX×]\\s*10\\^?)([-+−]?\\d+)$");

    private Numbers() {
    }

    /** The value, or null when the separators leave it ambiguous. */
    static Double parse(String written) {
        Matcher power = POWER.matcher(written);
        String mantissa = written;
        int exponent = 0;
        if (power.find()) {
            mantissa = written.substring(0, power.start());
            exponent = Integer.parseInt(power.group(1).replace('−', '-').replace("+", ""));
        }
        String plain = plain(mantissa);
        return plain == null ? null : Double.valueOf(plain + "E" + exponent);
    }

    private static String plain(String s) {
        if (PLAIN.matcher(s).matches()) {
            return s;
        }
        if (THOUSANDS.matcher(s).matches()) {
            return s.replace(",", "");
        }
        if (EUROPEAN.matcher(s).matches()) {
            return s.replace(".", "").replace(',', '.');
        }
        if (DECIMAL_COMMA.matcher(s).matches()) {
            return s.replace(',', '.');
        }
        return null;
    }
}
