package org.cryoprotect.common.toxicity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the species and the route words in what is left of a text once the endpoint, value and
 * exposure are taken. The species as reported runs from the first to the last mention of the same
 * species when they only differ by a parenthesis ("Fathead minnow (Pimephales promelas)"). A word
 * outside the vocabulary is still reported when it stands where HSDB puts the species, between the
 * endpoint and the value ("LD50 Gerbil oral ..."), so the controlled term can be added later.
 */
final class Organism {

    /** What a reported species or route is, or why the text names no single one. */
    record Found(String written, String problem) {
        static Found none() {
            return new Found(null, null);
        }
    }

    private static final Pattern PARENTHESIS_BETWEEN = Pattern.compile("\\s*\\(\\s*");
    private static final Pattern CLOSING = Pattern.compile("^\\s*\\)");
    private static final Pattern FRAGMENT_SPLIT = Pattern.compile("[|;:,()\\[\\]]+");
    private static final Pattern PLAIN_WORDS = Pattern.compile("[A-Za-z][A-Za-z-]*(?: [A-Za-z][A-Za-z-]*){0,2}");
    private static final Set<String> NOT_SPECIES = Set.of("male", "female", "males", "females", "adult", "adults",
            "young", "newborn", "weanling", "pregnant", "fasted", "both", "sexes", "sex", "in", "of", "the", "a", "an",
            "was", "is", "for", "to", "and", "or", "by", "with", "value", "dose", "reported", "approximately");

    private Organism() {
    }

    static Found route(MaskedText text) {
        List<Terms.Match> routes = ToxicityVocabulary.ROUTES.find(text.rest());
        Set<String> terms = new LinkedHashSet<>();
        routes.forEach(match -> terms.add(match.term()));
        if (terms.size() > 1) {
            return new Found(null, "several routes (" + String.join(", ", terms) + "), not one measurement");
        }
        List<Terms.Match> unknown = ToxicityVocabulary.UNKNOWN_ROUTES.find(text.rest());
        routes.forEach(match -> text.take(match.start(), match.end()));
        unknown.forEach(match -> text.take(match.start(), match.end()));
        if (!routes.isEmpty()) {
            return new Found(routes.get(0).written(), null);
        }
        return unknown.isEmpty() ? Found.none() : new Found(unknown.get(0).written(), null);
    }

    /** @param from where HSDB's species slot starts (after the endpoint); @param to where it ends (the value) */
    static Found species(MaskedText text, int from, int to) {
        String rest = text.rest();
        List<Terms.Match> mentions = ToxicityVocabulary.SPECIES.find(rest);
        Set<String> terms = new LinkedHashSet<>();
        mentions.forEach(match -> terms.add(match.term()));
        if (terms.size() > 1) {
            return new Found(null, "several species (" + String.join(", ", terms) + "), not one measurement");
        }
        if (mentions.isEmpty()) {
            return from < to ? unknownSpecies(rest.substring(from, to)) : Found.none();
        }
        Terms.Match first = mentions.get(0);
        int end = first.end();
        if (mentions.size() > 1) {
            Terms.Match second = mentions.get(1);
            String between = rest.substring(first.end(), second.start());
            var closing = CLOSING.matcher(rest.substring(second.end()));
            if (PARENTHESIS_BETWEEN.matcher(between).matches() && closing.find()) {
                end = second.end() + closing.end();
            }
        }
        return new Found(text.original().substring(first.start(), end), null);
    }

    private static Found unknownSpecies(String slot) {
        for (String fragment : FRAGMENT_SPLIT.split(slot)) {
            String words = fragment.trim();
            if (PLAIN_WORDS.matcher(words).matches() && noneIn(words)) {
                return new Found(words, null);
            }
        }
        return Found.none();
    }

    private static boolean noneIn(String words) {
        for (String word : words.split(" ")) {
            if (NOT_SPECIES.contains(word.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
