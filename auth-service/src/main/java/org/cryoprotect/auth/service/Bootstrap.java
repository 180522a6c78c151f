package org.cryoprotect.auth.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.cryoprotect.common.db.Database;
import org.cryoprotect.auth.AuthConfig;
import org.cryoprotect.auth.crypto.Passwords;
import org.cryoprotect.auth.repository.UserRepository;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/** Creates the configured admin user and service clients, so a fresh deployment needs no manual SQL. */
@ApplicationScoped
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class);

    private final AuthConfig config;
    private final ServiceClients clients;
    private final UserRepository users;
    private final Database database;

    public Bootstrap(AuthConfig config, ServiceClients clients, UserRepository users, Database database) {
        this.config = config;
        this.clients = clients;
        this.users = users;
        this.database = database;
    }

    void run(@Observes StartupEvent start) {
        Uni<Void> work = Uni.createFrom().voidItem();
        for (var client : config.bootstrap().clients().entrySet()) {
            if (client.getValue().secret().isPresent()) {
                if (client.getValue().secret().get().startsWith("dev-only-")) {
                    LOG.warnf("Client %s has its built-in development secret: set its secret for any shared deployment",
                            client.getKey());
                }
                work = work.chain(() -> clients.bootstrap(client.getKey(), client.getValue().secret().get(),
                        client.getValue().scopes(), client.getValue().audiences()));
            }
        }
        work.await().atMost(Duration.ofSeconds(60));
        if (config.bootstrap().adminEmail().isPresent() && config.bootstrap().adminPassword().isPresent()) {
            createAdmin(config.bootstrap().adminEmail().get(), config.bootstrap().adminPassword().get());
        }
    }

    /** Hashes only for a fresh deployment: two bcrypt rounds on a cold JVM held up every start. */
    private void createAdmin(String email, String password) {
        Duration limit = Duration.ofSeconds(60);
        if (database.read(db -> users.byEmail(db, email)).await().atMost(limit).isPresent()) {
            return;
        }
        String hash = Passwords.hash(password);   // here on the main thread, never on the event loop
        database.transaction(db -> users.insert(db, email, hash, "Administrator", "admin")).await().atMost(limit)
                .ifPresent(id -> LOG.infof("Created admin user %s", email));
    }
}
