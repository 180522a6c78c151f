package org.cryoprotect.importer.client;

/** auth-service or molecule-service could not take the request now; a later attempt may succeed. */
public class DownstreamUnavailableException extends RuntimeException {

    public DownstreamUnavailableException(String message) {
        super(message, null, false, false);
    }
}
