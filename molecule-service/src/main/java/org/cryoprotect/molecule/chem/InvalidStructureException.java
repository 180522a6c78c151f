package org.cryoprotect.molecule.chem;

/** A structure CDK cannot accept, with a reason a chemist can act on. */
public class InvalidStructureException extends Exception {

    public InvalidStructureException(String reason) {
        super(reason, null, false, false);
    }

    /** CDK's messages can run to a stack of lines; the first says what is wrong. */
    public static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
