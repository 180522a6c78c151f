package org.cryoprotect.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The test signing key pair, kept as PEM files under target/ so the verifier (configured with the
 * public key's location) and the tests (signing with the private key) agree across class loaders.
 */
public class TestKeys implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://auth.cryoprotect.test";
    private static final Path DIR = Path.of("target", "test-keys");

    @Override
    public Map<String, String> start() {
        ensure();
        return Map.of(
                "cryo.token.public-key-location", DIR.resolve("public.pem").toUri().toString(),
                "cryo.token.jwks-url", "",
                "cryo.token.revocation-feed-url", "",
                "cryo.token.issuer", ISSUER);
    }

    @Override
    public void stop() {
    }

    public static synchronized PrivateKey privateKey() {
        ensure();
        try {
            String pem = Files.readString(DIR.resolve("private.pem"))
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void ensure() {
        if (Files.exists(DIR.resolve("public.pem")) && Files.exists(DIR.resolve("private.pem"))) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(DIR.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
