package org.cryoprotect.common.toxicity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what sources append to a value and which is not part of it: HSDB's slash notes
 * ("/from table/", "/Conditions of bioassay not specified/") and DrugBank's citation keys ("(A308)").
 * A slash note that is only a duration ("/4 hr/") is an exposure and is kept, without its slashes.
 */
final class Cleaning {

    /** From a slash after a space to the next slash before a space or the end; notes may hold units ("ug/L"). */
    private static final Pattern NOTE = Pattern.compile("(?<=^|\\s)/(?=[^/\\s])(.+?)/(?=\\s|$|[.;,])");
    private static final Pattern LETTER = Pattern.compile("[A-Za-z]");
    private static final Pattern CITATION = Pattern.compile("\\s*[\\[(][A-Z]\\d{1,5}(?:\\s*,\\s*[A-Z]\\d{1,5})*[\\])]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0]+");

    private Cleaning() {
    }

    static String clean(String text) {
        String cleaned = SPACES.matcher(text).replaceAll(" ");
        cleaned = CITATION.matcher(cleaned).replaceAll("");
        Matcher note = NOTE.matcher(cleaned);
        StringBuilder out = new StringBuilder();
        while (note.find()) {
            String content = note.group(1).trim();
            boolean duration = ToxicityVocabulary.exposureHours(content).isPresent();
            boolean words = LETTER.matcher(content).find();
            String replacement = duration ? content : words ? "" : note.group();
            note.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        note.appendTail(out);
        return out.toString().trim();
    }
}
