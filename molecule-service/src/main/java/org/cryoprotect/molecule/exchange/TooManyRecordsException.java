package org.cryoprotect.molecule.exchange;

/** A file with more records than one import takes; nothing of it is written. */
public class TooManyRecordsException extends RuntimeException {

    private final int limit;

    public TooManyRecordsException(int limit) {
        super("The file has more than " + limit + " records; at most " + limit + " per file are imported "
                + "(split it and import the parts)", null, false, false);
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
