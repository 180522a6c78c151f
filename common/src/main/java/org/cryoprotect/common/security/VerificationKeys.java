package org.cryoprotect.common.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;

/**
 * The public keys tokens may be signed with, by kid. Fetched from auth-service's JWKS without
 * blocking (at start, on a schedule, when a key event arrives, and at most once per short interval
 * for an unknown kid), or read once from a PEM file. Lookups are in memory: verification never waits.
 */
@ApplicationScoped
public class VerificationKeys implements VerificationKeyResolver {

    private static final Logger LOG = Logger.getLogger(VerificationKeys.class);

    private final TokenConfig config;
    private final HttpClient http;
    private final AtomicLong lastForcedRefresh = new AtomicLong();
    private volatile List<JsonWebKey> keys = List.of();

    public VerificationKeys(TokenConfig config, Vertx vertx) {
        this.config = config;
        this.http = vertx.createHttpClient();
    }

    /** A configured PEM key wins over the JWKS: it is the offline mode. */
    void load(@Observes StartupEvent start) {
        if (config.publicKeyLocation().isPresent()) {
            replace(List.of(readPem(config.publicKeyLocation().get())));
            return;
        }
        config.jwksUrl().ifPresent(url -> refresh()
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(5)).indefinitely()
                .subscribe().with(ignored -> { }));
    }

    /** Called by auth-service, which holds the keys itself. */
    public void replace(List<JsonWebKey> current) {
        keys = List.copyOf(current);
    }

    public List<JsonWebKey> current() {
        return keys;
    }

    @Scheduled(every = "${cryo.token.jwks-refresh-interval:5m}", delayed = "30s")
    Uni<Void> scheduledRefresh() {
        return config.jwksUrl().isPresent() ? refresh().onFailure().recoverWithNull() : Uni.createFrom().voidItem();
    }

    /** Fetches the JWKS now; failures keep the keys already known. */
    public Uni<Void> refresh() {
        if (config.jwksUrl().isEmpty() || config.publicKeyLocation().isPresent()) {
            return Uni.createFrom().voidItem();
        }
        String url = config.jwksUrl().get();
        return http.request(new RequestOptions().setAbsoluteURI(url).setMethod(HttpMethod.GET))
                .chain(request -> request.send())
                .chain(response -> response.statusCode() == 200 ? response.body()
                        : Uni.createFrom().failure(new IOException("JWKS answered " + response.statusCode())))
                .map(body -> {
                    try {
                        return new JsonWebKeySet(body.toString()).getJsonWebKeys();
                    } catch (JoseException e) {
                        throw new IllegalStateException("Malformed JWKS from " + url, e);
                    }
                })
                .invoke(this::replace)
                .invoke(fetched -> LOG.debugf("Loaded %d verification keys from %s", fetched.size(), url))
                .onFailure().invoke(e -> LOG.warnf("Cannot load the JWKS from %s: %s", url, e.getMessage()))
                .replaceWithVoid();
    }

    @Override
    public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext) throws UnresolvableKeyException {
        String kid = jws.getKeyIdHeaderValue();
        List<JsonWebKey> known = keys;
        for (JsonWebKey key : known) {
            if (kid != null && kid.equals(key.getKeyId())) {
                return key.getKey();
            }
        }
        // A single key configured from a PEM file has no kid of its own: it is the key.
        if (known.size() == 1 && known.get(0).getKeyId() == null) {
            return known.get(0).getKey();
        }
        forcedRefresh();
        throw new UnresolvableKeyException("No verification key with kid " + kid);
    }

    /** An unknown kid may be a key just rotated in: fetch again, but not more often than configured. */
    private void forcedRefresh() {
        long now = System.currentTimeMillis();
        long last = lastForcedRefresh.get();
        if (config.jwksUrl().isPresent() && now - last >= config.jwksForcedRefreshInterval().toMillis()
                && lastForcedRefresh.compareAndSet(last, now)) {
            refresh().subscribe().with(ignored -> { }, failure -> { });
        }
    }

    private static JsonWebKey readPem(String location) {
        try {
            Path path = location.startsWith("file:/") ? Path.of(URI.create(location))
                    : Path.of(location.startsWith("file:") ? location.substring(5) : location);
            String pem = Files.readString(path).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
            return PublicJsonWebKey.Factory.newPublicJwk(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token verification key " + location, e);
        } catch (GeneralSecurityException | JoseException e) {
            throw new IllegalStateException("Not an RSA public key in PEM form: " + location, e);
        }
    }
}
