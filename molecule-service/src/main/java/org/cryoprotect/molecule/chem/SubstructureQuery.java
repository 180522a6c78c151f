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

    /**
     * As {@link #matches(String)}, given up at {@code deadlineNanos} ({@link System#nanoTime()}): then
     * {@link OutOfTime}, and the thread is free again (CDK's matcher alone would run on, unbounded).
     */
    public boolean matches(String targetSmiles, long deadlineNanos) {
        try {
            return MatchDeadline.within(deadlineNanos, () -> matcher.matches(targetSmiles));
        } catch (MatchDeadline.Expired e) {
            throw new OutOfTime();
        }
    }

    /** A match given up at its deadline: neither a match nor a non-match. */
    public static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super("the substructure match ran out of time", null, false, false);
        }
    }
}
