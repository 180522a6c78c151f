package org.cryoprotect.importer.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** An upstream database and what its identifiers look like. */
public enum Source {

    PUBCHEM(Pattern.compile("[1-9][0-9]{0,11}"), "a positive integer PubChem CID"),
    CHEMBL(Pattern.compile("CHEMBL[1-9][0-9]{0,11}"), "a ChEMBL id such as CHEMBL692");

    private final Pattern idPattern;
    private final String idDescription;

    Source(Pattern idPattern, String idDescription) {
        this.idPattern = idPattern;
        this.idDescription = idDescription;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Source> of(String name) {
        for (Source source : values()) {
            if (source.id().equals(name)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }

    /** The id in its canonical spelling, or empty when it is not an id of this source. */
    public Optional<String> normalize(Object raw) {
        if (raw == null || raw instanceof Boolean || raw instanceof Double || raw instanceof Float) {
            return Optional.empty();
        }
        String id = raw.toString().trim();
        if (this == CHEMBL) {
            id = id.toUpperCase(Locale.ROOT);
        }
        return idPattern.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    public String idDescription() {
        return idDescription;
    }
}
