package org.cryoprotect.auth.service;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.cryoprotect.common.db.Database;
import org.cryoprotect.auth.AuthConfig;
import org.cryoprotect.auth.crypto.KeyEncryption;
import org.cryoprotect.auth.repository.SigningKeyRepository;
import org.cryoprotect.auth.repository.SigningKeyRepository.StoredKey;
import org.cryoprotect.common.security.VerificationKeys;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * The signing key ring. There is always an active key (signs) and a next key (published, not yet
 * signing), so verifiers know a key before any token carries it. Rotation retires the active key,
 * which stays published until its last token expired; kids are never reused.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    public record KeyRing(String activeKid, PrivateKey activeKey, OffsetDateTime activatedAt, List<JsonWebKey> published) {
    }

    private final Database database;
    private final SigningKeyRepository keys;
    private final KeyEncryption encryption;
    private final Revocations revocations;
    private final VerificationKeys verificationKeys;
    private final AuthConfig config;
    private volatile KeyRing ring;

    public SigningKeys(Database database, SigningKeyRepository keys, KeyEncryption encryption, Revocations revocations,
            VerificationKeys verificationKeys, AuthConfig config) {
        this.database = database;
        this.keys = keys;
        this.encryption = encryption;
        this.revocations = revocations;
        this.verificationKeys = verificationKeys;
        this.config = config;
    }

    /** Before the first request: create the first keys if this is a fresh deployment. */
    void start(@Observes StartupEvent start) {
        database.transaction(db -> keys.lock(db).chain(() -> keys.published(db)).chain(stored -> {
            Uni<Void> missing = Uni.createFrom().voidItem();
            if (stored.stream().noneMatch(k -> "active".equals(k.state()))) {
                missing = missing.chain(() -> config.signingKeyFile().isPresent()
                        ? insertConfigured(db, config.signingKeyFile().get())
                        : insertNew(db, "active"));
            }
            if (stored.stream().noneMatch(k -> "next".equals(k.state()))) {
                missing = missing.chain(() -> insertNew(db, "next"));
            }
            return missing;
        })).chain(this::reload).await().atMost(Duration.ofSeconds(60));
    }

    public KeyRing ring() {
        return ring;
    }

    public Uni<KeyRing> rotate() {
        OffsetDateTime retireAfter = OffsetDateTime.now().plus(retiredKeyGrace());
        return database.transaction(db -> keys.lock(db)
                        .chain(() -> keys.promoteNext(db, retireAfter))
                        .chain(() -> insertNew(db, "next"))
                        .chain(() -> revocations.keysChanged(db)))
                .chain(this::reload)
                .invoke(current -> LOG.infof("Rotated signing keys: %s now signs", current.activeKid()));
    }

    @Scheduled(every = "${cryo.auth.key-check-interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> rotateWhenDue() {
        KeyRing current = ring;
        if (current == null || current.activatedAt() == null
                || current.activatedAt().plus(config.keyRotationInterval()).isAfter(OffsetDateTime.now())) {
            return Uni.createFrom().voidItem();
        }
        return rotate().replaceWithVoid();
    }

    /** Drops retired keys whose tokens have all expired; verifiers hear of it through the feed. */
    @Scheduled(every = "${cryo.auth.key-expiry-check-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expireRetired() {
        return database.transaction(db -> keys.lock(db).chain(() -> keys.expireRetired(db))
                        .call(expired -> expired > 0 ? revocations.keysChanged(db) : Uni.createFrom().voidItem()))
                .chain(expired -> expired > 0 ? reload().replaceWithVoid() : Uni.createFrom().voidItem());
    }

    /** Another replica may have rotated. */
    @Scheduled(every = "${cryo.auth.key-reload-interval:10s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledReload() {
        return reload().replaceWithVoid();
    }

    public Uni<KeyRing> reload() {
        return database.read(keys::published).map(this::toRing).invoke(loaded -> {
            ring = loaded;
            verificationKeys.replace(loaded.published());
        });
    }

    public Duration retiredKeyGrace() {
        return config.retiredKeyGrace().orElse(config.longestTokenLifetime().plusMinutes(1));
    }

    private Uni<Void> insertNew(SqlClient db, String state) {
        try {
            String kid = "k-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").format(OffsetDateTime.now(ZoneOffset.UTC))
                    + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            RsaJsonWebKey jwk = RsaJwkGenerator.generateJwk(2048);
            jwk.setKeyId(kid);
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            jwk.setUse("sig");
            JsonObject publicJwk = new JsonObject(jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
            return keys.insert(db, kid, state, publicJwk, encryption.encrypt(jwk.getPrivateKey().getEncoded(), kid));
        } catch (JoseException e) {
            return Uni.createFrom().failure(e);
        }
    }

    /** The configured key becomes the active key; its kid is its RFC 7638 thumbprint, so it is never reused. */
    private Uni<Void> insertConfigured(SqlClient db, String location) {
        try {
            String pem = java.nio.file.Files.readString(java.nio.file.Path.of(location.replaceFirst("^file:", "")))
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            java.security.interfaces.RSAPrivateCrtKey privateKey = (java.security.interfaces.RSAPrivateCrtKey) KeyFactory
                    .getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(java.util.Base64.getDecoder().decode(pem)));
            java.security.PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(
                    new java.security.spec.RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            RsaJsonWebKey jwk = (RsaJsonWebKey) org.jose4j.jwk.PublicJsonWebKey.Factory.newPublicJwk(publicKey);
            if (privateKey.getModulus().bitLength() < 2048) {
                return Uni.createFrom().failure(new IllegalStateException("The configured signing key is shorter than 2048 bits"));
            }
            String kid = "cfg-" + jwk.calculateBase64urlEncodedThumbprint("SHA-256").substring(0, 16);
            jwk.setKeyId(kid);
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            jwk.setUse("sig");
            LOG.infof("Signing with the configured key %s", kid);
            return keys.insert(db, kid, "active", new JsonObject(jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)),
                    encryption.encrypt(privateKey.getEncoded(), kid));
        } catch (java.io.IOException | GeneralSecurityException | JoseException | ClassCastException e) {
            return Uni.createFrom().failure(new IllegalStateException("Cannot load cryo.auth.signing-key-file " + location, e));
        }
    }

    private KeyRing toRing(List<StoredKey> stored) {
        List<JsonWebKey> published = new ArrayList<>();
        String activeKid = null;
        PrivateKey activeKey = null;
        OffsetDateTime activatedAt = null;
        for (StoredKey key : stored) {
            try {
                published.add(JsonWebKey.Factory.newJwk(key.publicJwk().encode()));
                if ("active".equals(key.state())) {
                    activeKid = key.kid();
                    activatedAt = key.activatedAt();
                    activeKey = KeyFactory.getInstance("RSA")
                            .generatePrivate(new PKCS8EncodedKeySpec(encryption.decrypt(key.encryptedPrivateKey(), key.kid())));
                }
            } catch (JoseException | GeneralSecurityException e) {
                throw new IllegalStateException("Unreadable signing key " + key.kid(), e);
            }
        }
        if (activeKey == null) {
            throw new IllegalStateException("No active signing key");
        }
        return new KeyRing(activeKid, activeKey, activatedAt, List.copyOf(published));
    }
}
