package org.cryoprotect.web.session;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.web.WebConfig;

/**
 * The two cookies web sets: the session id, and before sign-in the CSRF token of the sign-in and
 * sign-up forms. Both HttpOnly (no script reads them), SameSite=Lax (not sent with cross-site posts;
 * Strict would drop the session when a user follows a link to a molecule from mail or a wiki),
 * Path=/, Secure when the browser came over TLS, no Max-Age (gone when the browser closes; the
 * server-side timeouts decide anyway).
 */
@ApplicationScoped
public class SessionCookies {

    public static final String PRE_SESSION_CSRF = "cryo_csrf";

    private final WebConfig.Session config;

    public SessionCookies(WebConfig config) {
        this.config = config.session();
    }

    public String sessionName() {
        return config.cookieName();
    }

    public String session(String id, boolean tls) {
        return cookie(config.cookieName(), id, tls, false);
    }

    public String clearSession(boolean tls) {
        return cookie(config.cookieName(), "", tls, true);
    }

    public String preSessionCsrf(String token, boolean tls) {
        return cookie(PRE_SESSION_CSRF, token, tls, false);
    }

    public String clearPreSessionCsrf(boolean tls) {
        return cookie(PRE_SESSION_CSRF, "", tls, true);
    }

    private String cookie(String name, String value, boolean tls, boolean clear) {
        boolean secure = switch (config.secure()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> tls;
        };
        return name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
                + (clear ? "; Max-Age=0" : "");
    }
}
