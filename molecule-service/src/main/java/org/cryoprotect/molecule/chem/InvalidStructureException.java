package org.cryoprotect.molecule.chem;

/** A structure CDK cannot accept, with a reason a chemist can act on. */
public class InvalidStructureException extends Exception {

    public InvalidStructureException(String reason) {
        super(reason, null, false, false);
    }
}
