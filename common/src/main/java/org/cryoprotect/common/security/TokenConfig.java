package org.cryoprotect.common.security;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service verifies access tokens (DESIGN section 3). */
@ConfigMapping(prefix = "cryo.token")
public interface TokenConfig {

    /** The only issuer trusted: auth-service's {@code iss}. */
    String issuer();

    /** This service's own audience; a token for another service is refused. */
    String audience();

    /** auth-service's JWKS, fetched without blocking, refreshed on a schedule and on key events. */
    Optional<String> jwksUrl();

    /** Alternatively a PEM public key file (file: URL or path), for tests and offline use. */
    Optional<String> publicKeyLocation();

    /** auth-service's revocation feed (server-sent events); without it no revocations are known. */
    Optional<String> revocationFeedUrl();

    /** The client this service reads the revocation feed as (its token: role service_role, audience auth-service). */
    FeedClient feedClient();

    @WithDefault("30s")
    Duration clockSkew();

    /** Longest lifetime (exp - iat) accepted: auth-service's user token lifetime. */
    @WithDefault("15m")
    Duration maxLifetime();

    @WithDefault("5m")
    Duration jwksRefreshInterval();

    /** Least time between two JWKS fetches caused by tokens with an unknown kid. */
    @WithDefault("5s")
    Duration jwksForcedRefreshInterval();

    interface FeedClient {
        /** The client id at auth-service, e.g. molecule-service. */
        Optional<String> id();

        Optional<String> secret();

        /** The audience asked for: auth-service's own. */
        @WithDefault("auth-service")
        String audience();

        /** auth-service's token endpoint; by default /oauth/token next to the feed. */
        Optional<String> tokenUrl();
    }
}
