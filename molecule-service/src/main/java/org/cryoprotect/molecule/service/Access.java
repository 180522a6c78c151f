package org.cryoprotect.molecule.service;

import java.util.Optional;
import java.util.function.Supplier;

import org.cryoprotect.common.problem.ProblemException;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/** How a refused change is reported: 404 when the row is invisible, 403 only when the caller can see it. */
final class Access {

    private Access() {
    }

    /** The SQLSTATE PostgreSQL raises when a row fails a policy's WITH CHECK. */
    static boolean isPolicyRefusal(Throwable e) {
        return e instanceof PgException pg && "42501".equals(pg.getSqlState());
    }

    /** Raised by the team_members trigger that keeps every team an owner. */
    static boolean isLastOwner(Throwable e) {
        return e instanceof PgException pg && "CP001".equals(pg.getSqlState());
    }

    static ProblemException lastOwner(Throwable e) {
        return ProblemException.conflict("A team keeps at least one owner: make someone else owner first");
    }

    static <T> T found(Optional<T> row, String what) {
        return row.orElseThrow(() -> ProblemException.notFound(what + " not found"));
    }

    /** After a write that touched no row: was the row invisible (404) or read-only for this caller (403)? */
    static <T> Uni<T> explainRefusal(Uni<? extends Optional<?>> visible, String what, Supplier<String> readOnlyReason) {
        return visible.map(row -> {
            if (row.isEmpty()) {
                throw ProblemException.notFound(what + " not found");
            }
            throw ProblemException.forbidden(readOnlyReason.get());
        });
    }
}
