package org.cryoprotect.molecule.exchange;

/** One RFC 4180 CSV row: a field is quoted when it holds a comma, quote, line break or edge space; null is empty. */
public final class Csv {

    private final StringBuilder row = new StringBuilder(512);
    private boolean first = true;

    public Csv add(Object value) {
        if (!first) {
            row.append(',');
        }
        first = false;
        if (value == null) {
            return this;
        }
        String text = value instanceof Number ? ExportRows.number(value) : String.valueOf(value);
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || (!text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' '));
        if (quote) {
            row.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else {
            row.append(text);
        }
        return this;
    }

    /** The row with its CRLF line end. */
    public String line() {
        return row.append("\r\n").toString();
    }
}
