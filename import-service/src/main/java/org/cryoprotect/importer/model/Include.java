package org.cryoprotect.importer.model;

import java.util.Locale;
import java.util.Optional;

/** What an import fetches for its ids: the molecules with their properties, toxicity measurements, or both. */
public enum Include {

    PROPERTIES, TOXICITY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Include> of(String name) {
        for (Include include : values()) {
            if (include.id().equals(name)) {
                return Optional.of(include);
            }
        }
        return Optional.empty();
    }
}
