package org.cryoprotect.molecule.chem;

/**
 * A parsed substructure query. {@link #screen()} is null for a SMARTS-only query (no screen: every
 * candidate must be matched). Not thread safe: use from one thread at a time, on chemistry workers.
 */
public final class SubstructureQuery {

    /** Whether a parsed, prepared target contains the query. */
    interface Matcher {
        boolean matches(String targetSmiles);
    }

    private final String text;
    private final boolean smarts;
    private final Fingerprint screen;
    private final Matcher matcher;

    SubstructureQuery(String text, boolean smarts, Fingerprint screen, Matcher matcher) {
        this.text = text;
        this.smarts = smarts;
        this.screen = screen;
        this.matcher = matcher;
    }

    /** The query as given. */
    public String text() {
        return text;
    }

    /** True when the query was read as SMARTS (it is not valid SMILES). */
    public boolean isSmarts() {
        return smarts;
    }

    /** Bits every matching target's screen has; null for SMARTS queries. */
    public Fingerprint screen() {
        return screen;
    }

    /**
     * Whether the target contains the query. A target that cannot be parsed (or exceeds the structure
     * limits) does not match.
     */
    public boolean matches(String targetSmiles) {
        return matcher.matches(targetSmiles);
    }
}
