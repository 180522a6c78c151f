package org.cryoprotect.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A deployment may bring its own signing key instead of having one generated (own profile, own database). */
@QuarkusTest
@TestProfile(ConfiguredSigningKeyTest.WithConfiguredKey.class)
class ConfiguredSigningKeyTest {

    @Test
    void theConfiguredKeySignsAndIsPublishedUnderItsThumbprint() {
        String token = OAuth.serviceToken(OAuth.IMPORT_CLIENT, OAuth.IMPORT_SECRET);
        String kid = OAuth.header(token).getString("kid");
        assertTrue(kid.startsWith("cfg-"), kid);
        List<String> published = given().get("/.well-known/jwks.json").then().extract().path("keys.kid");
        assertTrue(published.contains(kid));
        assertEquals(2, published.size(), "the configured key and a generated next key");
    }

    public static class WithConfiguredKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                Path file = Path.of("target", "configured-signing-key.pem");
                Files.createDirectories(file.getParent());
                Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
                return Map.of("cryo.auth.signing-key-file", file.toAbsolutePath().toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
