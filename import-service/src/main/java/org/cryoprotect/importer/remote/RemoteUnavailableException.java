package org.cryoprotect.importer.remote;

/**
 * A failure worth retrying: PubChem, ChEMBL, auth-service or molecule-service was busy, down, slow
 * or garbled its answer; a later attempt may succeed.
 */
public class RemoteUnavailableException extends RuntimeException {

    public RemoteUnavailableException(String message) {
        super(message, null, false, false);
    }
}
