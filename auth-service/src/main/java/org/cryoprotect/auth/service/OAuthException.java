package org.cryoprotect.auth.service;

/** An RFC 6749 §5.2 error: the OAuth endpoints answer with {error, error_description}. */
public class OAuthException extends RuntimeException {

    private final int status;
    private final String error;

    public OAuthException(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException(400, "invalid_request", description);
    }

    public static OAuthException invalidClient(String description) {
        return new OAuthException(401, "invalid_client", description);
    }

    public static OAuthException invalidGrant(String description) {
        return new OAuthException(400, "invalid_grant", description);
    }

    public static OAuthException invalidScope(String description) {
        return new OAuthException(400, "invalid_scope", description);
    }

    public static OAuthException unsupportedGrantType(String description) {
        return new OAuthException(400, "unsupported_grant_type", description);
    }

    public static OAuthException invalidTarget(String description) {
        return new OAuthException(400, "invalid_target", description);
    }

    public static OAuthException tooManyFailures(java.time.Duration wait) {
        return new OAuthException(429, "temporarily_unavailable",
                "Too many failed attempts; retry in " + Math.max(1, (wait.toMillis() + 999) / 1000) + " s");
    }
}
