package org.cryoprotect.common.toxicity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number with its unit in a text: "780 mg/kg", "> 2000 mg/kg bw", "5.6-8.0 g/kg", "4,000 ppm".
 * A number is a value only when a unit follows it, so "96" in "96 hr" or in "(A308)" is not one.
 *
 * @param upper the upper bound of a range ("5.6-8.0"), else null
 */
record Quantity(int start, int end, String written, String relation, String number, String upper, String unit) {

    private static final String UNIT_RUN = "[%A-Za-zµμ][^\\s;,()/|]*(?:/(?!\\s*\\d)[^\\s;,()/|]*)*";
    private static final String QUALIFIER = "(?:\\s*(?:bw|b\\.w\\.|body\\s+weight|body\\s+wt\\.?|\\(w/v\\)|w/v"
            + "|\\(w/w\\)|w/w|\\(v/v\\)|v/v|air|\\(air\\))(?:/d(?:ay)?)?)?";
    private static final String PER_UNIT = "(?:\\s+[A-Za-zµμ]{1,3}-1)*"; // "mg kg-1"
    private static final Pattern QUANTITY = Pattern.compile(
            "(?<![\\w.,])(?:(" + Relations.PATTERN + ")\\s*)?(" + Numbers.PATTERN + ")"
            + "(?:\\s*(?:±|\\+/-|\\+-)\\s*" + Numbers.PATTERN + ")?"
            + "(?:\\s*(?:-|–|—|\\bto\\b|\\band\\b)\\s*(" + Numbers.PATTERN + "))?"
            + "\\s*(" + UNIT_RUN + QUALIFIER + PER_UNIT + ")",
            Pattern.CASE_INSENSITIVE);
    /** What a unit starts like: a percentage, parts per, a (prefixed) gram, mole, molar or litre, or units per. */
    private static final Pattern UNIT_LIKE = Pattern.compile(
            "(?i)(?:%|pp[mbt]|(?:mc|micro|[pnuµμmck])?(?:g|mol|m|l))(?:[./\\-\\d\\s(].*)?|(?:iu|u|units?)/.+");

    /** Every number-with-unit in the text, left to right. */
    static List<Quantity> findAll(String text) {
        List<Quantity> found = new ArrayList<>();
        Matcher m = QUANTITY.matcher(text);
        while (m.find()) {
            String unit = withoutFullStop(m.group(4).trim());
            if (UNIT_LIKE.matcher(unit).matches()) {
                found.add(new Quantity(m.start(), m.end(), m.group().trim(), m.group(1), m.group(2), m.group(3), unit));
            }
        }
        return found;
    }

    /** "5,000 mg/kg." ends a sentence; "b.w." and "wt." keep their dot. */
    private static String withoutFullStop(String unit) {
        return unit.endsWith(".") && !unit.endsWith("w.") && !unit.endsWith("wt.") ? unit.substring(0, unit.length() - 1) : unit;
    }

    boolean isRange() {
        return upper != null;
    }
}
