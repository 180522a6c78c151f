package org.cryoprotect.web.remote;

/** A structure drawing as molecule-service sent it, with its validators; {@code svg} null when not modified. */
public record Depiction(int status, String svg, String etag, String cacheControl) {
}
