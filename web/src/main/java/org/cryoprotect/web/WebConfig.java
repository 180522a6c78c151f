package org.cryoprotect.web;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the services are and how long a browser session lives. */
@ConfigMapping(prefix = "cryo.web")
public interface WebConfig {

    String authServiceUrl();

    String moleculeServiceUrl();

    String importServiceUrl();

    Session session();

    interface Session {
        @WithDefault("cryo_session")
        String cookieName();

        /** A session unused this long is gone. */
        @WithDefault("2h")
        Duration idleTimeout();

        /** A session is gone this long after sign-in, however active. */
        @WithDefault("12h")
        Duration absoluteTimeout();

        /** The access token is refreshed when it has less than this left. */
        @WithDefault("60s")
        Duration refreshMargin();

        /** Secure cookie flag: auto (when the request came over TLS), always or never. */
        @WithDefault("auto")
        SecureCookies secure();
    }

    enum SecureCookies {
        AUTO, ALWAYS, NEVER
    }
}
