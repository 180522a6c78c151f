package org.cryoprotect.importer.upstream;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The synonyms worth keeping: distinct, not the name itself, within molecule-service's limits. */
final class Synonyms {

    private static final int MAX_LENGTH = 500;

    private Synonyms() {
    }

    static List<String> clean(String name, Iterable<?> candidates, int max) {
        Set<String> seen = new HashSet<>();
        seen.add(name.toLowerCase(Locale.ROOT));
        List<String> kept = new ArrayList<>();
        for (Object candidate : candidates) {
            if (kept.size() == max) {
                break;
            }
            String synonym = candidate == null ? "" : candidate.toString().trim();
            if (!synonym.isEmpty() && synonym.length() <= MAX_LENGTH && seen.add(synonym.toLowerCase(Locale.ROOT))) {
                kept.add(synonym);
            }
        }
        return kept;
    }
}
