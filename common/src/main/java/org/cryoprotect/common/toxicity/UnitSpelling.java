package org.cryoprotect.common.toxicity;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One spelling per unit, so the conversion tables stay small: "µg.mL-1", "ug/ml", "mcg/mL" and
 * "μg/mL" all become "ug/ml"; "mg/kg bw" and "mg kg-1" become "mg/kg". Case is kept only where it
 * matters, the molar "M" ("mM" is millimolar, "mm" would be a millimetre), see {@link #molar}.
 */
final class UnitSpelling {

    private static final Pattern BODY_WEIGHT = Pattern.compile("(?i)\\s*(?:bw|b\\.w\\.?|body\\s*weight|body\\s*wt\\.?)");
    private static final Pattern PER_POWER = Pattern.compile("[.\\s·]+([A-Za-zµμ]+\\d?)-1");
    private static final Pattern MOLAR = Pattern.compile("[pnum]?M");

    private UnitSpelling() {
    }

    /** The unit with micro as "u", body weight and spaces dropped and "x-1" as "/x"; case kept. */
    static String canonical(String unit) {
        String s = unit.trim().replace('µ', 'u').replace('μ', 'u');
        s = s.replaceAll("^mcg|^microg(?:ram)?s?", "ug");
        s = BODY_WEIGHT.matcher(s).replaceAll("");
        s = PER_POWER.matcher(s).replaceAll("/$1");
        return s.replaceAll("\\s+", "");
    }

    /** The lower-case key for the tables, from a {@link #canonical} spelling. */
    static String key(String canonical) {
        return canonical.toLowerCase(Locale.ROOT);
    }

    /** True for "M", "mM", "uM", "nM", "pM" as written (molar, case-sensitive). */
    static boolean molar(String canonical) {
        return MOLAR.matcher(canonical).matches();
    }
}
