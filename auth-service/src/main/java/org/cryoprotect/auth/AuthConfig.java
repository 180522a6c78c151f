package org.cryoprotect.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cryo.auth")
public interface AuthConfig {

    /** The {@code iss} of every token, and the base of the metadata document. */
    String issuer();

    @WithDefault("5m")
    Duration serviceTokenLifetime();

    @WithDefault("15m")
    Duration userTokenLifetime();

    @WithDefault("30d")
    Duration refreshTokenLifetime();

    /** Whichever access token lives longer: how long a key, or a revocation, can still matter. */
    default Duration longestTokenLifetime() {
        return userTokenLifetime().compareTo(serviceTokenLifetime()) > 0 ? userTokenLifetime() : serviceTokenLifetime();
    }

    /** The audiences of user access tokens: the services a signed-in researcher calls. */
    @WithDefault("molecule-service,import-service,auth-service")
    List<String> userAudiences();

    @WithDefault("molecules:read molecules:write imports:read imports:write")
    String userScopes();

    /** Base64 of 32 random bytes: encrypts signing keys at rest (a Kubernetes Secret in production). */
    String keyEncryptionKey();

    /**
     * A PKCS#8 PEM private key to sign with on a fresh deployment, instead of generating one
     * (e.g. a key managed outside the cluster). Ignored once the database holds keys.
     */
    Optional<String> signingKeyFile();

    /** How long a key signs before the next one takes over. */
    @WithDefault("30d")
    Duration keyRotationInterval();

    /** How long a retired key stays published; defaults to the longest token lifetime plus a minute. */
    Optional<Duration> retiredKeyGrace();

    /** How often each replica reloads keys from the database (another replica may have rotated). */
    @WithDefault("10s")
    Duration keyReloadInterval();

    Throttle throttle();

    Feed feed();

    Bootstrap bootstrap();

    /** Login, client-authentication and sign-up throttling (auth-service README, "Throttling"). */
    interface Throttle {
        /** Failed attempts for one account from one address before that pair is refused for the window. */
        @WithDefault("5")
        int maxFailuresPerAccountAddress();

        /** Failed attempts from one address, over all accounts, before the address is refused. */
        @WithDefault("50")
        int maxFailuresPerAddress();

        /**
         * Failed attempts for one account, over all addresses, after which the account is only slowed
         * down: each further attempt from an address it has not signed in from waits an exponential backoff.
         */
        @WithDefault("20")
        int maxFailuresPerAccount();

        @WithDefault("1s")
        Duration accountBackoffInitial();

        /** The longest the real user can be kept waiting by someone guessing their password elsewhere. */
        @WithDefault("30s")
        Duration accountBackoffMax();

        @WithDefault("15m")
        Duration window();

        /** How long an address a user signed in from stays exempt from that account's slow-down. */
        @WithDefault("30d")
        Duration knownAddressMemory();

        @WithDefault("20")
        int maxSignupsPerAddress();

        @WithDefault("1h")
        Duration signupWindow();

        /**
         * Peers (addresses or CIDRs) whose X-Forwarded-For / Forwarded headers name the client. Empty:
         * headers are never believed and the direct peer is the client.
         */
        Optional<List<String>> trustedProxies();
    }

    /** Server-sent revocation feed. */
    interface Feed {
        /** Open streams per client; the next one is refused with 429. */
        @WithDefault("4")
        int maxStreamsPerClient();
    }

    /** What a fresh deployment needs to work without manual SQL. */
    interface Bootstrap {
        Optional<String> adminEmail();

        Optional<String> adminPassword();

        Map<String, Client> clients();

        interface Client {
            /** A client without a secret (e.g. its environment variable unset) is skipped. */
            Optional<String> secret();

            @WithDefault("molecules:read")
            List<String> scopes();

            List<String> audiences();
        }
    }
}
