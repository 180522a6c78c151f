package org.cryoprotect.web.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.db.Database;
import org.cryoprotect.web.WebConfig;
import org.cryoprotect.web.remote.AuthService;
import org.cryoprotect.web.remote.RemoteProblem;
import org.cryoprotect.web.remote.Tokens;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Browser sessions: created at sign-in under a new random id (never one the browser brought),
 * found by the id's digest within the idle and absolute timeouts, their access token refreshed
 * shortly before it expires, revoked at auth-service and deleted at sign-out.
 */
@ApplicationScoped
public class Sessions {

    private static final Logger LOG = Logger.getLogger(Sessions.class);

    /** A new session and the id its cookie carries (the table keeps only the id's digest). */
    public record Started(String cookieId, WebSession session) {
    }

    private final Database database;
    private final SessionRepository repository;
    private final AuthService auth;
    private final WebConfig.Session config;
    private final Clock clock = Clock.systemUTC();

    public Sessions(Database database, SessionRepository repository, AuthService auth, WebConfig config) {
        this.database = database;
        this.repository = repository;
        this.auth = auth;
        this.config = config.session();
    }

    public Uni<Started> signIn(String email, String password, String displayName, String browserAddress) {
        return auth.login(email, password, browserAddress).chain(tokens -> start(tokens, displayName));
    }

    /** Signs the new account in at once. */
    public Uni<Started> signUp(String email, String password, String displayName, String browserAddress) {
        return auth.signup(email, password, displayName, browserAddress)
                .chain(() -> signIn(email, password, displayName, browserAddress));
    }

    private Uni<Started> start(Tokens tokens, String displayName) {
        String id = SessionIds.random();
        Instant now = clock.instant();
        WebSession session = new WebSession(SessionIds.hash(id), tokens.userId(), displayName, tokens.accessToken(),
                tokens.accessExpiresAt(), tokens.refreshToken(), SessionIds.random(), now, now.plus(config.absoluteTimeout()));
        return database.transaction(db -> repository.insert(db, session)).map(ignored -> new Started(id, session));
    }

    /** The live session of a cookie, its access token fresh; empty when unknown, expired or no longer refreshable. */
    public Uni<Optional<WebSession>> current(String cookieId) {
        if (!SessionIds.wellFormed(cookieId)) {
            return Uni.createFrom().item(Optional.empty());
        }
        byte[] hash = SessionIds.hash(cookieId);
        return database.transaction(db -> repository.touch(db, hash, config.idleTimeout()))
                .chain(found -> found.isPresent() && needsRefresh(found.get())
                        ? refresh(hash)
                        : Uni.createFrom().item(found));
    }

    private boolean needsRefresh(WebSession session) {
        return session.accessExpiresAt().isBefore(clock.instant().plus(config.refreshMargin()));
    }

    /**
     * Under the row's lock, so concurrent requests of one browser refresh once: a second use of a
     * rotated refresh token would make auth-service revoke the whole family.
     */
    private Uni<Optional<WebSession>> refresh(byte[] hash) {
        return database.transaction(db -> repository.lock(db, hash).chain(locked -> {
            if (locked.isEmpty() || !needsRefresh(locked.get())) {
                return Uni.createFrom().item(locked);
            }
            WebSession session = locked.get();
            return auth.refresh(session.refreshToken())
                    .chain(tokens -> {
                        WebSession fresh = session.withTokens(tokens.accessToken(), tokens.accessExpiresAt(), tokens.refreshToken());
                        return repository.updateTokens(db, fresh).map(ignored -> Optional.of(fresh));
                    })
                    .onFailure(RemoteProblem.class).recoverWithUni(refused -> {
                        LOG.infof("Session ended: auth-service refused its refresh token (%s)", refused.getMessage());
                        return repository.delete(db, hash).map(ignored -> Optional.<WebSession>empty());
                    });
        }));
    }

    /** Revokes the tokens at auth-service, then forgets the session whatever auth-service said. */
    public Uni<Void> signOut(WebSession session) {
        return auth.revoke(session.accessToken(), session.refreshToken())
                .onFailure().invoke(f -> LOG.warnf("Sign-out: auth-service did not confirm the revocation (%s)", f.getMessage()))
                .onFailure().recoverWithNull()
                .chain(() -> database.transaction(db -> repository.delete(db, session.idHash())))
                .replaceWithVoid();
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deleteExpired() {
        return database.transaction(db -> repository.deleteExpired(db, config.idleTimeout()))
                .invoke(n -> {
                    if (n > 0) {
                        LOG.debugf("Deleted %d expired sessions", n);
                    }
                }).replaceWithVoid();
    }
}
