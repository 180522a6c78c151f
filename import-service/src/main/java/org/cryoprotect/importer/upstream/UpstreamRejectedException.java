package org.cryoprotect.importer.upstream;

/** The upstream refused the request itself (4xx): asking again would get the same answer. */
public class UpstreamRejectedException extends RuntimeException {

    public UpstreamRejectedException(String message) {
        super(message, null, false, false);
    }
}
