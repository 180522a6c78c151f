package org.cryoprotect.auth.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.db.Database;
import org.cryoprotect.auth.crypto.Secrets;
import org.cryoprotect.auth.repository.ClientRepository;
import org.cryoprotect.auth.repository.ClientRepository.Client;

import io.smallrye.mutiny.Uni;

/** RFC 6749 §2.3.1 client authentication, throttled per client and per source address. */
@ApplicationScoped
public class ClientAuthenticator {

    /** Compared against when the client does not exist, so unknown ids cost the same. */
    private static final String UNKNOWN_CLIENT_DIGEST = Secrets.digest("no such client");

    public record Credentials(String clientId, String secret) {
    }

    private final Database database;
    private final ClientRepository clients;
    private final FailureThrottle throttle;

    public ClientAuthenticator(Database database, ClientRepository clients, FailureThrottle throttle) {
        this.database = database;
        this.clients = clients;
        this.throttle = throttle;
    }

    public Uni<Client> authenticate(Credentials credentials, String address) {
        if (credentials == null || credentials.clientId() == null || credentials.secret() == null) {
            return Uni.createFrom().failure(OAuthException.invalidClient("Client authentication is required"));
        }
        FailureThrottle.Decision decision = throttle.reserve("client:" + credentials.clientId(), address);
        if (!decision.allowed()) {
            return Uni.createFrom().failure(OAuthException.tooManyFailures(decision.retryAfter()));
        }
        FailureThrottle.Attempt attempt = decision.attempt();
        return database.read(db -> clients.find(db, credentials.clientId()))
                .onFailure().invoke(e -> attempt.released())
                .map(found -> {
                    String digest = found.map(Client::secretHash).orElse(UNKNOWN_CLIENT_DIGEST);
                    boolean valid = Secrets.matches(credentials.secret(), digest) && found.isPresent() && found.get().enabled();
                    if (!valid) {
                        attempt.failed();
                        throw OAuthException.invalidClient("Unknown client, wrong secret, or client disabled");
                    }
                    attempt.succeeded();
                    return found.get();
                });
    }
}
