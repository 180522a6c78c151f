package org.cryoprotect.importer.remote;

/**
 * The remote refused the request itself (a 4xx other than 401/429): asking again would get the
 * same answer, so it is neither retried nor counted against the remote's health.
 */
public class RemoteRefusedException extends RuntimeException {

    public RemoteRefusedException(String message) {
        super(message, null, false, false);
    }
}
