package org.cryoprotect.auth.service;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.db.Database;
import org.cryoprotect.auth.crypto.Secrets;
import org.cryoprotect.auth.repository.ClientRepository;
import org.cryoprotect.auth.repository.ClientRepository.Client;
import org.cryoprotect.common.problem.ProblemException;

import io.smallrye.mutiny.Uni;

/** Administration of service clients. A secret is shown once, at creation; only its digest is kept. */
@ApplicationScoped
public class ServiceClients {

    private static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    public record CreatedClient(String clientId, String clientSecret, List<String> scopes, List<String> audiences) {
    }

    private final Database database;
    private final ClientRepository clients;
    private final Revocations revocations;

    public ServiceClients(Database database, ClientRepository clients, Revocations revocations) {
        this.database = database;
        this.clients = clients;
        this.revocations = revocations;
    }

    public Uni<CreatedClient> create(String clientId, List<String> scopes, List<String> audiences) {
        if (!CLIENT_ID.matcher(clientId).matches()) {
            return Uni.createFrom().failure(ProblemException.invalidField("client_id",
                    "must be 2-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit"));
        }
        String secret = Secrets.generate();
        return database.transaction(db -> clients.insert(db, clientId, Secrets.digest(secret), scopes, audiences))
                .map(created -> {
                    if (!created) {
                        throw ProblemException.conflict("Client " + clientId + " already exists");
                    }
                    return new CreatedClient(clientId, secret, scopes, audiences);
                });
    }

    public Uni<List<Client>> list() {
        return database.read(clients::all);
    }

    /** Disabling kills every live token of the client at once, everywhere, through the feed. */
    public Uni<Void> disable(String clientId) {
        return database.transaction(db -> clients.disable(db, clientId).chain(disabled -> {
            if (!disabled) {
                throw ProblemException.notFound("No enabled client " + clientId);
            }
            return revocations.revokeClient(db, clientId, "client disabled").replaceWithVoid();
        }));
    }

    public Uni<Void> bootstrap(String clientId, String secret, List<String> scopes, List<String> audiences) {
        return database.transaction(db -> clients.upsert(db, clientId, Secrets.digest(secret), scopes, audiences));
    }
}
