package org.cryoprotect.common.security;

import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.JwtContext;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Adds to smallrye-jwt's verification (signature, algorithm, iss, aud, exp, lifetime) the checks it
 * leaves to applications: the RFC 9068 {@code typ}, a known {@code role}, and a UUID subject for users.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class AccessTokenPrincipalFactory extends JWTCallerPrincipalFactory {

    private final DefaultJWTTokenParser parser = new DefaultJWTTokenParser();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JwtContext context = parser.parse(token, authContextInfo);
        String type = context.getJoseObjects().get(0).getHeader("typ");
        if (!"at+jwt".equalsIgnoreCase(type) && !"application/at+jwt".equalsIgnoreCase(type)) {
            throw new ParseException("Token type must be at+jwt");
        }
        try {
            String roleClaim = context.getJwtClaims().getStringClaimValue("role");
            TokenRole role = TokenRole.fromClaim(roleClaim)
                    .orElseThrow(() -> new ParseException("Unknown role claim"));
            if (role.isUser()) {
                UUID.fromString(context.getJwtClaims().getSubject());
            }
        } catch (MalformedClaimException | IllegalArgumentException e) {
            throw new ParseException("Malformed claims", e);
        }
        return new DefaultJWTCallerPrincipal(token, type, context.getJwtClaims());
    }
}
