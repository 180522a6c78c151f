package org.cryoprotect.common.toxicity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exposure duration in a text: "96 hr", "48-h", "24 hours", "7 days", and the air-toxicity
 * suffix of a unit ("4,000 ppm/4 hr", "2000 mg/m3/4H"), whose slash belongs to the exposure.
 *
 * @param written as reported, without the slash or a leading "for"
 */
record Exposure(int start, int end, String written) {

    private static final Pattern EXPOSURE = Pattern.compile(
            "(?:/\\s*|\\bfor\\s+)?(?<![\\w.,])(\\d+(?:\\.\\d+)?\\s*-?\\s*(?:hours?|hrs?|h|days?|d|minutes?|mins?"
            + "|weeks?|wks?))\\.?(?![A-Za-z0-9])(?!\\s*old)",
            Pattern.CASE_INSENSITIVE);

    static List<Exposure> findAll(String text) {
        List<Exposure> found = new ArrayList<>();
        Matcher m = EXPOSURE.matcher(text);
        while (m.find()) {
            found.add(new Exposure(m.start(), m.end(), m.group(1)));
        }
        return found;
    }

    /** The same duration written another way ("96 hr", "96-hr") compares equal. */
    String key() {
        return ToxicityVocabulary.exposureHours(written).map(String::valueOf)
                .orElse(written.toLowerCase(Locale.ROOT));
    }
}
