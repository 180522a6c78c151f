package org.cryoprotect.web.remote;

/** A service did not answer usefully (no connection, a timeout, a 5xx): worth a retry, shown as "try again". */
public class RemoteUnavailable extends RuntimeException {

    public RemoteUnavailable(String message) {
        super(message);
    }
}
