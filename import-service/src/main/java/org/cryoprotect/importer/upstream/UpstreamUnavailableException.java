package org.cryoprotect.importer.upstream;

/** A failure worth retrying: the upstream was busy, down, slow or garbled its answer. */
public class UpstreamUnavailableException extends RuntimeException {

    public UpstreamUnavailableException(String message) {
        super(message, null, false, false);
    }
}
