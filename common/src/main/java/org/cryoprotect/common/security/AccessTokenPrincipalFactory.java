package org.cryoprotect.common.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.jboss.logging.Logger;
import org.jose4j.jwt.JwtClaims;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Plugs {@link TokenVerifier} into quarkus-smallrye-jwt's bearer authentication, replacing its
 * default parser: keys come from our non-blocking JWKS cache and revocations are checked.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class AccessTokenPrincipalFactory extends JWTCallerPrincipalFactory {

    private static final Logger LOG = Logger.getLogger(AccessTokenPrincipalFactory.class);

    private final TokenVerifier verifier;

    public AccessTokenPrincipalFactory(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo ignored) throws ParseException {
        try {
            JwtClaims claims = verifier.verify(token);
            return new DefaultJWTCallerPrincipal(token, "at+jwt", claims);
        } catch (TokenVerifier.InvalidTokenException e) {
            LOG.debugf("Refused a bearer token: %s", e.getMessage());
            throw new ParseException(e.getMessage());
        }
    }
}
