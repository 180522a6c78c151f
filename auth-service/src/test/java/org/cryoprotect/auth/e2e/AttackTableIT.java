package org.cryoprotect.auth.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.cryoprotect.common.testing.TestDatabase;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The JWT attack table of the security reference, sent over HTTP to the running molecule-service:
 * every forged token is refused with 401, reads and writes alike, and the database does not change.
 */
class AttackTableIT {

    private static final String BATCH = "{\"records\":[{\"source\":\"pubchem\",\"source_id\":\"887\",\"name\":\"Methanol\",\"smiles\":\"CO\"}]}";

    @Test
    void everyForgedTokenIsRefusedAndNothingChanges() throws Exception {
        SigningKeyOfRecord real = SigningKeyOfRecord.active();
        KeyPair attacker = rsa(2048);
        String valid = Http.importServiceToken();
        String[] parts = valid.split("\\.");
        String publicKeyPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(rsaPublicFromJwks(real.kid()).getEncoded()) + "\n-----END PUBLIC KEY-----\n";

        AtomicInteger jkuHits = new AtomicInteger();
        HttpServer attackerJwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        attackerJwks.createContext("/", exchange -> {
            jkuHits.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        attackerJwks.start();
        String jku = "http://127.0.0.1:" + attackerJwks.getAddress().getPort() + "/jwks.json";

        Map<String, String> attacks = new LinkedHashMap<>();
        for (String none : List.of("none", "None", "NONE", "nOnE")) {
            attacks.put("alg " + none, b64("{\"alg\":\"" + none + "\",\"typ\":\"at+jwt\",\"kid\":\"" + real.kid() + "\"}")
                    + "." + parts[1] + ".");
        }
        attacks.put("HS256 keyed with the public key (PEM)", hmac(parts[1], real.kid(), publicKeyPem.getBytes(StandardCharsets.UTF_8)));
        attacks.put("HS256 keyed with the public key (DER)", hmac(parts[1], real.kid(),
                rsaPublicFromJwks(real.kid()).getEncoded()));
        attacks.put("RS384 instead of the pinned RS256", sign(real.key(), real.kid(), AlgorithmIdentifiers.RSA_USING_SHA384, c -> { }, null));
        attacks.put("expired", sign(real.key(), real.kid(), c -> {
            c.setIssuedAt(NumericDate.fromSeconds(Instant.now().getEpochSecond() - 400));
            c.setExpirationTime(NumericDate.fromSeconds(Instant.now().getEpochSecond() - 100));
        }));
        attacks.put("nbf in the future", sign(real.key(), real.kid(), c -> c.setNotBefore(NumericDate.fromSeconds(
                Instant.now().getEpochSecond() + 600))));
        for (String claim : List.of("exp", "iat", "jti", "sub", "role", "aud", "iss")) {
            attacks.put("missing " + claim, sign(real.key(), real.kid(), c -> c.unsetClaim(claim)));
        }
        attacks.put("wrong iss", sign(real.key(), real.kid(), c -> c.setIssuer("https://evil.example")));
        attacks.put("wrong aud", sign(real.key(), real.kid(), c -> c.setAudience("import-service")));
        attacks.put("unknown role", sign(real.key(), real.kid(), c -> c.setClaim("role", "superuser")));
        attacks.put("user token with a non-UUID subject", sign(real.key(), real.kid(), c -> {
            c.setClaim("role", "authenticated");
            c.setSubject("alice");
        }));
        attacks.put("typ JWT", signTyped(real.key(), real.kid(), "JWT"));
        attacks.put("no typ", signTyped(real.key(), real.kid(), null));
        attacks.put("over-long lifetime (30 days)", sign(real.key(), real.kid(), c -> c.setExpirationTime(
                NumericDate.fromSeconds(Instant.now().getEpochSecond() + 30L * 86_400))));
        attacks.put("issued in the future", sign(real.key(), real.kid(), c -> {
            c.setIssuedAt(NumericDate.fromSeconds(Instant.now().getEpochSecond() + 3_600));
            c.setExpirationTime(NumericDate.fromSeconds(Instant.now().getEpochSecond() + 3_900));
        }));
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"molecules:read molecules:write\"", "\"molecules:read molecules:write admin\"");
        attacks.put("tampered payload, original signature", parts[0] + "." + b64(payload) + "." + parts[2]);
        attacks.put("flipped signature bit", parts[0] + "." + parts[1] + "." + flip(parts[2]));
        attacks.put("empty signature", parts[0] + "." + parts[1] + ".");
        attacks.put("truncated signature", parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() / 2));
        attacks.put("unknown kid, attacker key", sign(attacker.getPrivate(), "k9", c -> { }));
        attacks.put("known kid, attacker key", sign(attacker.getPrivate(), real.kid(), c -> { }));
        attacks.put("no kid while the JWKS has several keys", sign(real.key(), null, c -> { }));
        attacks.put("embedded jwk header (CVE-2018-0114)", sign(attacker.getPrivate(), null,
                AlgorithmIdentifiers.RSA_USING_SHA256, c -> { }, jws -> {
                    try {
                        jws.setJwkHeader(PublicJsonWebKey.Factory.newPublicJwk(attacker.getPublic()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
        attacks.put("jku header to an attacker JWKS", sign(attacker.getPrivate(), "attacker",
                AlgorithmIdentifiers.RSA_USING_SHA256, c -> { }, jws -> jws.setHeader("jku", jku)));
        for (String kid : List.of("../../../../../../dev/null", "/dev/null", "x' UNION SELECT '1';--", "| sleep 10", "")) {
            attacks.put("kid injection " + kid, sign(attacker.getPrivate(), kid, c -> { }));
        }
        attacks.put("weak 1024-bit key", sign(rsa(1024).getPrivate(), real.kid(), c -> { }));
        attacks.put("garbage", "garbage");
        attacks.put("two parts", parts[0] + "." + parts[1]);
        attacks.put("five parts (JWE shape)", valid + ".x.y");
        attacks.put("base64 noise", "eyJ.eyJ.eyJ");

        String before = snapshot();
        List<String> accepted = new ArrayList<>();
        for (Map.Entry<String, String> attack : attacks.entrySet()) {
            int read = Http.molecules(attack.getValue()).get("/api/molecules?limit=1").statusCode();
            int write = Http.molecules(attack.getValue()).body(BATCH).post("/api/molecules/batch").statusCode();
            if (read != 401 || write != 401) {
                accepted.add(attack.getKey() + " -> " + read + "/" + write);
            }
        }
        int oversized = Http.molecules(valid + "x".repeat(20_000)).get("/api/molecules?limit=1").statusCode();
        attackerJwks.stop(0);

        assertTrue(accepted.isEmpty(), "forged tokens not refused: " + accepted);
        assertTrue(oversized == 431 || oversized == 400 || oversized == 401, "oversized token answered " + oversized);
        assertEquals(0, jkuHits.get(), "the service fetched a key from a URL in the token");
        assertEquals(before, snapshot(), "a refused request changed the database");
        // and the genuine token still works
        assertEquals(200, Http.moleculeStatus(valid));
        System.out.printf("%d forged tokens refused%n", attacks.size());
    }

    private static String sign(PrivateKey key, String kid, Consumer<JwtClaims> change) {
        return sign(key, kid, AlgorithmIdentifiers.RSA_USING_SHA256, change, null);
    }

    private static String sign(PrivateKey key, String kid, String algorithm, Consumer<JwtClaims> change,
            Consumer<JsonWebSignature> header) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(Services.ISSUER);
            claims.setSubject("import-service");
            claims.setAudience("molecule-service");
            claims.setIssuedAtToNow();
            claims.setExpirationTimeMinutesInTheFuture(5);
            claims.setJwtId(UUID.randomUUID().toString());
            claims.setClaim("client_id", "import-service");
            claims.setClaim("scope", "molecules:read molecules:write");
            claims.setClaim("role", "service_role");
            change.accept(claims);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key);
            jws.setAlgorithmHeaderValue(algorithm);
            jws.setHeader("typ", "at+jwt");
            if (kid != null) {
                jws.setKeyIdHeaderValue(kid);
            }
            if (header != null) {
                header.accept(jws);
            }
            jws.setDoKeyValidation(false);
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signTyped(PrivateKey key, String kid, String typ) {
        return sign(key, kid, AlgorithmIdentifiers.RSA_USING_SHA256, c -> { }, jws -> {
            if (typ == null) {
                jws.getHeaders().setObjectHeaderValue("typ", null);
            } else {
                jws.setHeader("typ", typ);
            }
        });
    }

    private static String hmac(String payload, String kid, byte[] secret) throws Exception {
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        byte[] signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static java.security.PublicKey rsaPublicFromJwks(String kid) throws Exception {
        String jwks = Http.auth().get("/.well-known/jwks.json").asString();
        for (var key : new org.jose4j.jwk.JsonWebKeySet(jwks).getJsonWebKeys()) {
            if (kid.equals(key.getKeyId())) {
                return (java.security.PublicKey) key.getKey();
            }
        }
        throw new IllegalStateException("kid " + kid + " not published");
    }

    private static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    private static String flip(String signature) {
        char[] chars = signature.toCharArray();
        chars[chars.length / 2] = chars[chars.length / 2] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String snapshot() throws Exception {
        try (Connection db = TestDatabase.superuser(Services.DATABASE.name());
                ResultSet rs = db.createStatement().executeQuery(
                        "select (select count(*) from chem.molecules) || '/' || (select count(*) from chem.molecule_properties)")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
