package org.cryoprotect.auth.service;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.auth.AuthConfig;
import org.cryoprotect.auth.repository.ClientRepository.Client;

import io.smallrye.mutiny.Uni;

/** The client-credentials grant (RFC 6749 §4.4): short-lived service tokens, never a refresh token. */
@ApplicationScoped
public class ServiceTokens {

    private final ClientAuthenticator authenticator;
    private final TokenIssuer issuer;
    private final AuthConfig config;

    public ServiceTokens(ClientAuthenticator authenticator, TokenIssuer issuer, AuthConfig config) {
        this.authenticator = authenticator;
        this.issuer = issuer;
        this.config = config;
    }

    /**
     * @param scope     requested scopes (space separated), or null for all the client may have
     * @param resources requested audiences (RFC 8707 resource / audience), or empty for all allowed
     */
    public Uni<TokenResponse> grant(ClientAuthenticator.Credentials credentials, String scope, List<String> resources,
            String address) {
        return authenticator.authenticate(credentials, address).chain(client -> {
            String granted = grantedScope(client, scope);
            List<String> audiences = audiences(client, resources);
            return issuer.issue(client.clientId(), client.clientId(), client.role(), audiences, granted,
                    config.serviceTokenLifetime());
        }).map(token -> new TokenResponse(token.token(), "Bearer", config.serviceTokenLifetime().toSeconds(),
                token.scope(), null));
    }

    private static String grantedScope(Client client, String requested) {
        if (requested == null || requested.isBlank()) {
            return String.join(" ", client.scopes());
        }
        Set<String> asked = new LinkedHashSet<>(Arrays.asList(requested.trim().split("\\s+")));
        for (String scope : asked) {
            if (!client.scopes().contains(scope)) {
                throw OAuthException.invalidScope("Scope '" + scope + "' is not granted to this client");
            }
        }
        return String.join(" ", asked);
    }

    private static List<String> audiences(Client client, List<String> requested) {
        if (requested.isEmpty()) {
            return client.audiences();
        }
        for (String audience : requested) {
            if (!client.audiences().contains(audience)) {
                throw OAuthException.invalidTarget("This client may not get tokens for '" + audience + "'");
            }
        }
        return List.copyOf(new LinkedHashSet<>(requested));
    }
}
