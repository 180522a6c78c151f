package org.cryoprotect.common.toxicity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A toxicity endpoint named in a text ("LD50", "LD 50", "LD(50)", "LDLo", "NOAEL", "EC10"), with its canonical spelling. */
record Endpoint(int start, int end, String canonical) {

    private static final Pattern ENDPOINT = Pattern.compile(
            "(?<![A-Za-z0-9])(NOAEL|LOAEL|NOAEC|LOAEC|NOEL|LOEL|NOEC|LOEC|MATC|TLm"
            + "|(?:LD|LC|TD|TC|ID|IC|CC|EC|ED|GI|LL|EL|EbC|ErC|EyC)(?:Lo|\\d{1,3}| 50|\\(50\\)))(?![A-Za-z0-9])",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> MIXED_CASE = Map.of(
            "LDLO", "LDLo", "LCLO", "LCLo", "TDLO", "TDLo", "TCLO", "TCLo");

    static List<Endpoint> findAll(String text) {
        List<Endpoint> found = new ArrayList<>();
        Matcher m = ENDPOINT.matcher(text);
        while (m.find()) {
            found.add(new Endpoint(m.start(), m.end(), canonical(m.group(1))));
        }
        return found;
    }

    /** "LD 50", "ld(50)" -> "LD50"; "ldlo" -> "LDLo": upper case but for the "Lo" endpoints. */
    static String canonical(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT).replaceAll("[ ()]", "");
        return MIXED_CASE.getOrDefault(upper, upper);
    }
}
