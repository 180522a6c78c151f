package org.cryoprotect.auth.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.db.Database;
import org.cryoprotect.auth.AuthConfig;
import org.cryoprotect.auth.crypto.Passwords;
import org.cryoprotect.auth.crypto.Secrets;
import org.cryoprotect.auth.repository.RefreshTokenRepository;
import org.cryoprotect.auth.repository.RefreshTokenRepository.Presented;
import org.cryoprotect.auth.repository.UserRepository;
import org.cryoprotect.auth.repository.UserRepository.User;
import org.cryoprotect.common.problem.Problem;
import org.cryoprotect.common.problem.ProblemException;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Sign-up, login and the refresh-token grant. Refresh tokens rotate on every use; presenting one
 * that was already used means it was stolen or replayed, so its whole family dies, including the
 * access tokens it produced.
 */
@ApplicationScoped
public class UserSessions {

    public static final String WEB_CLIENT = "cryoprotect-web";

    private final Database database;
    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final TokenIssuer issuer;
    private final Revocations revocations;
    private final FailureThrottle throttle;
    private final AuthConfig config;

    public UserSessions(Database database, UserRepository users, RefreshTokenRepository refreshTokens, TokenIssuer issuer,
            Revocations revocations, FailureThrottle throttle, AuthConfig config) {
        this.database = database;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.issuer = issuer;
        this.revocations = revocations;
        this.throttle = throttle;
        this.config = config;
    }

    public Uni<UUID> signup(String email, String password, String displayName, String address) {
        Duration wait = throttle.reserveSignup(address);
        if (wait != null) {
            return Uni.createFrom().failure(new TooManyRequests("Too many sign-ups from this address; retry later", wait));
        }
        return onWorker(() -> Passwords.hash(password))
                .chain(hash -> database.transaction(db -> users.insert(db, email.trim(), hash, displayName, "authenticated")))
                .map(id -> id.orElseThrow(() -> ProblemException.conflict("An account with this email already exists")));
    }

    public Uni<TokenResponse> login(String email, String password, String address) {
        FailureThrottle.Decision decision = throttle.reserve("user:" + email.trim().toLowerCase(), address);
        if (!decision.allowed()) {
            return Uni.createFrom().failure(new TooManyRequests("Too many failed logins; retry later", decision.retryAfter()));
        }
        FailureThrottle.Attempt attempt = decision.attempt();
        return database.read(db -> users.byEmail(db, email.trim()))
                // unknown users are checked against a dummy hash: same time, same answer
                .chain(user -> onWorker(() -> Passwords.matches(password, user.map(User::passwordHash).orElse(null))
                        && user.isPresent() && !user.get().disabled() ? user : Optional.<User>empty()))
                .onFailure().invoke(e -> attempt.released())
                .chain(user -> {
                    if (user.isEmpty()) {
                        attempt.failed();
                        return Uni.createFrom().failure(new ProblemException(new Problem(401, "Unauthorized",
                                "Wrong email or password")));
                    }
                    attempt.succeeded();
                    return database.transaction(db -> startSession(db, user.get()));
                });
    }

    public Uni<TokenResponse> refresh(String presentedToken) {
        String digest = Secrets.digest(presentedToken);
        return database.transaction(db -> refreshTokens.lockPresented(db, digest).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Outcome.refused("Unknown refresh token"));
            }
            Presented presented = found.get();
            if (presented.used()) {
                // Replay of a rotated token: kill the family and everything it issued, and commit that.
                return killFamily(db, presented.familyId(), "refresh token reused").map(ignored ->
                        Outcome.refused("Refresh token was already used; its session has been revoked"));
            }
            if (presented.familyRevoked() || presented.expired()) {
                return Uni.createFrom().item(Outcome.refused("Refresh token expired or revoked"));
            }
            return refreshTokens.markUsed(db, digest)
                    .chain(() -> users.byId(db, presented.userId()))
                    .chain(user -> user.isEmpty() || user.get().disabled()
                            ? Uni.createFrom().item(Outcome.refused("Account disabled"))
                            : issuePair(db, user.get(), presented.familyId()).map(Outcome::granted));
        })).map(Outcome::orThrow);
    }

    /** Revokes the family of a refresh token (RFC 7009), if the token exists and belongs to the user (or any, for null). */
    public Uni<Boolean> revokeRefreshToken(String presentedToken, UUID owner) {
        String digest = Secrets.digest(presentedToken);
        return database.transaction(db -> refreshTokens.lockPresented(db, digest).chain(found -> {
            if (found.isEmpty() || (owner != null && !owner.equals(found.get().userId()))) {
                return Uni.createFrom().item(false);
            }
            return killFamily(db, found.get().familyId(), "refresh token revoked").map(ignored -> true);
        }));
    }

    /**
     * An administrator disables a user: no more logins or refreshes, every refresh-token family ends,
     * and every access token issued to the user so far is revoked everywhere through the feed.
     */
    public Uni<Void> disable(UUID userId) {
        return database.transaction(db -> users.disable(db, userId).chain(disabled -> {
            if (!disabled) {
                throw ProblemException.notFound("No enabled user " + userId);
            }
            return refreshTokens.revokeFamiliesOf(db, userId)
                    .chain(() -> revocations.revokeSubject(db, userId.toString(), "user disabled"))
                    .replaceWithVoid();
        }));
    }

    public Uni<Optional<Presented>> inspectRefreshToken(String presentedToken) {
        return database.read(db -> refreshTokens.lockPresented(db, Secrets.digest(presentedToken)));
    }

    private Uni<Void> killFamily(SqlClient db, UUID familyId, String reason) {
        return refreshTokens.revokeFamily(db, familyId).chain(live -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (RefreshTokenRepository.LiveAccessToken token : live) {
                chain = chain.chain(() -> revocations.revokeToken(db, token.jti(), token.expiresAt().toInstant(), reason)
                        .replaceWithVoid());
            }
            return chain;
        });
    }

    private Uni<TokenResponse> startSession(SqlClient db, User user) {
        OffsetDateTime familyExpiry = OffsetDateTime.now(ZoneOffset.UTC).plus(config.refreshTokenLifetime());
        return refreshTokens.newFamily(db, user.id(), WEB_CLIENT, familyExpiry).chain(family -> issuePair(db, user, family));
    }

    private Uni<TokenResponse> issuePair(SqlClient db, User user, UUID familyId) {
        String refreshToken = Secrets.generate();
        return issuer.issue(user.id().toString(), WEB_CLIENT, user.role(), config.userAudiences(), config.userScopes(),
                        config.userTokenLifetime(), user.email())
                .call(access -> refreshTokens.insert(db, Secrets.digest(refreshToken), familyId, access.jti(),
                        access.expiresAt().atOffset(ZoneOffset.UTC)))
                .map(access -> new TokenResponse(access.token(), "Bearer", config.userTokenLifetime().toSeconds(),
                        access.scope(), refreshToken));
    }

    private static <T> Uni<T> onWorker(java.util.function.Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The refresh grant either grants, or refuses after committing what the refusal implies. */
    private record Outcome(TokenResponse response, String refusal) {
        static Outcome granted(TokenResponse response) {
            return new Outcome(response, null);
        }

        static Outcome refused(String reason) {
            return new Outcome(null, reason);
        }

        TokenResponse orThrow() {
            if (refusal != null) {
                throw OAuthException.invalidGrant(refusal);
            }
            return response;
        }
    }
}
