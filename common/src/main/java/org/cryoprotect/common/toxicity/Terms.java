package org.cryoprotect.common.toxicity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A controlled vocabulary of phrases (one to four words) and the places they occur in a text.
 * Matching is by whole words, case-insensitive, ignoring dots ("i.p." = "ip"); a final "s" is
 * tried off the last word ("rats"), so only irregular plurals ("mice") need their own entry.
 */
final class Terms {

    /** A phrase found in a text: where, as written, and its controlled term. */
    record Match(int start, int end, String written, String term) {
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}.'-]*");
    private static final int MAX_WORDS = 4;

    private final Map<String, String> terms = new HashMap<>();

    /** Adds a controlled term with its synonyms (the term itself is a synonym too). */
    Terms add(String term, String... synonyms) {
        terms.put(key(term), term);
        for (String synonym : synonyms) {
            terms.put(key(synonym), term);
        }
        return this;
    }

    /** Every phrase of the vocabulary in the text, left to right, longest first where they overlap. */
    List<Match> find(String text) {
        List<Match> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        List<int[]> words = words(text);
        int i = 0;
        while (i < words.size()) {
            int matched = 0;
            for (int n = Math.min(MAX_WORDS, words.size() - i); n >= 1 && matched == 0; n--) {
                int start = words.get(i)[0];
                int end = words.get(i + n - 1)[1];
                String term = lookup(text.substring(start, end));
                if (term != null) {
                    found.add(new Match(start, end, text.substring(start, end), term));
                    matched = n;
                }
            }
            i += Math.max(1, matched);
        }
        return found;
    }

    /** The one controlled term the text names, or null when it names none or several different ones. */
    String single(String text) {
        String term = null;
        for (Match match : find(text)) {
            if (term != null && !term.equals(match.term())) {
                return null;
            }
            term = match.term();
        }
        return term;
    }

    private String lookup(String phrase) {
        String key = key(phrase);
        String term = terms.get(key);
        if (term == null && key.endsWith("s") && key.length() > 3) {
            term = terms.get(key.substring(0, key.length() - 1));
        }
        return term;
    }

    private static List<int[]> words(String text) {
        List<int[]> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            int end = m.end();
            while (end > m.start() + 1 && ".'-".indexOf(text.charAt(end - 1)) >= 0) {
                end--; // "i.p." keeps its dots via key(); a sentence's full stop or a dash does not join
            }
            words.add(new int[] {m.start(), end});
        }
        return words;
    }

    private static String key(String phrase) {
        return phrase.toLowerCase(Locale.ROOT).replace(".", "").replaceAll("\\s+", " ").trim();
    }
}
