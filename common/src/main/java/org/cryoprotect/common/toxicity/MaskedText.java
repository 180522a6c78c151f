package org.cryoprotect.common.toxicity;

/**
 * A text from which the parser takes what it has understood, part by part: a taken span is
 * overwritten with '|' (same length, so offsets stay valid), and later steps see only the rest.
 */
final class MaskedText {

    static final char TAKEN = '|';

    private final String original;
    private final StringBuilder rest;

    MaskedText(String text) {
        this.original = text;
        this.rest = new StringBuilder(text);
    }

    String original() {
        return original;
    }

    String rest() {
        return rest.toString();
    }

    void take(int start, int end) {
        for (int i = start; i < end; i++) {
            rest.setCharAt(i, TAKEN);
        }
    }
}
