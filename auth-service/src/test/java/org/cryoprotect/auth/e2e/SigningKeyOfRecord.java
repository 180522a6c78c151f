package org.cryoprotect.auth.e2e;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.cryoprotect.common.testing.TestDatabase;

/**
 * auth-service's active signing key, read from its table and decrypted with the test deployment's
 * key-encryption key. Only a test can do this: it lets the attack tests sign tokens that are valid
 * in every way but one, so each check is proven on its own rather than by a bad signature.
 */
record SigningKeyOfRecord(String kid, PrivateKey key) {

    static SigningKeyOfRecord active() {
        try (Connection db = TestDatabase.superuser(Services.DATABASE.name());
                ResultSet row = db.createStatement().executeQuery(
                        "select kid, private_key from auth.signing_keys where state = 'active'")) {
            row.next();
            String kid = row.getString("kid");
            byte[] stored = row.getBytes("private_key");
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(Services.KEY_ENCRYPTION_KEY), "AES"),
                    new GCMParameterSpec(128, Arrays.copyOf(stored, 12)));
            cipher.updateAAD(kid.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] pkcs8 = cipher.doFinal(stored, 12, stored.length - 12);
            return new SigningKeyOfRecord(kid, KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the active signing key", e);
        }
    }
}
