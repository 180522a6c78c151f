package org.cryoprotect.molecule.service;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.db.RlsTransactions;
import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.model.Accepted;
import org.cryoprotect.molecule.model.Invitation;
import org.cryoprotect.molecule.repository.InvitationRepository;
import org.cryoprotect.molecule.repository.TeamRepository;

import io.smallrye.mutiny.Uni;

/**
 * Members by e-mail address without revealing who has an account: the owner's answer never depends
 * on the address, and the invitee joins only when she, signed in with that address, accepts.
 */
@ApplicationScoped
public class InvitationService {

    private static final String OWNERS_ONLY = "Only a team's owners invite members";

    private final RlsTransactions transactions;
    private final TeamRepository teams;
    private final InvitationRepository invitations;

    public InvitationService(RlsTransactions transactions, TeamRepository teams, InvitationRepository invitations) {
        this.transactions = transactions;
        this.teams = teams;
        this.invitations = invitations;
    }

    public Uni<Invitation> invite(Caller caller, UUID teamId, String email, String role) {
        requireUser(caller);
        String address = email.trim().toLowerCase(Locale.ROOT);
        return transactions.write(caller, db -> teams.team(db, teamId).map(t -> Access.found(t, "Team"))
                .chain(() -> invitations.invite(db, teamId, address, role, caller.userId()))
                .onFailure(Access::isPolicyRefusal).transform(e -> ProblemException.forbidden(OWNERS_ONLY))
                .chain(() -> invitations.ofTeam(db, teamId, address)).map(i -> Access.found(i, "Invitation")));
    }

    /** Owners see their team's pending invitations; other members see none. */
    public Uni<List<Invitation>> ofTeam(Caller caller, UUID teamId) {
        return transactions.read(caller, db -> teams.team(db, teamId).map(t -> Access.found(t, "Team"))
                .chain(() -> invitations.ofTeam(db, teamId)));
    }

    public Uni<Void> withdraw(Caller caller, UUID teamId, UUID invitationId) {
        return transactions.write(caller, db -> teams.team(db, teamId).map(t -> Access.found(t, "Team"))
                .chain(() -> invitations.withdraw(db, teamId, invitationId))
                .chain(withdrawn -> withdrawn ? Uni.createFrom().voidItem()
                        : teams.members(db, teamId).map(members -> {
                            boolean owner = members.stream().anyMatch(m -> m.userId().equals(caller.userId()) && "owner".equals(m.role()));
                            throw owner ? ProblemException.notFound("Invitation not found") : ProblemException.forbidden(OWNERS_ONLY);
                        })));
    }

    public Uni<List<Invitation>> mine(Caller caller) {
        requireUser(caller);
        return transactions.read(caller, invitations::mine);
    }

    public Uni<Accepted> accept(Caller caller, UUID invitationId) {
        requireUser(caller);
        return transactions.write(caller, db -> invitations.accept(db, invitationId))
                .map(team -> new Accepted(team.orElseThrow(() -> ProblemException.notFound("Invitation not found"))));
    }

    public Uni<Void> decline(Caller caller, UUID invitationId) {
        requireUser(caller);
        return transactions.write(caller, db -> invitations.decline(db, invitationId)).map(declined -> {
            if (!declined) {
                throw ProblemException.notFound("Invitation not found");
            }
            return null;
        });
    }

    private static void requireUser(Caller caller) {
        if (caller.userId() == null) {
            throw ProblemException.forbidden("Invitations are for signed-in researchers");
        }
    }
}
