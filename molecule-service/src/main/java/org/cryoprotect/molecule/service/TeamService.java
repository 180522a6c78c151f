package org.cryoprotect.molecule.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.common.db.RlsTransactions;
import org.cryoprotect.common.problem.ProblemException;
import org.cryoprotect.common.security.Caller;
import org.cryoprotect.molecule.model.Member;
import org.cryoprotect.molecule.model.JsonPage;
import org.cryoprotect.molecule.model.Linked;
import org.cryoprotect.molecule.model.MoleculeSearch;
import org.cryoprotect.molecule.model.Project;
import org.cryoprotect.molecule.model.Team;
import org.cryoprotect.molecule.repository.Cursor;
import org.cryoprotect.molecule.repository.MixtureRepository;
import org.cryoprotect.molecule.repository.MoleculeRepository;
import org.cryoprotect.molecule.repository.TeamRepository;

import io.smallrye.mutiny.Uni;

/** Teams, members and projects. Who may do what is decided by the policies; this class explains refusals. */
@ApplicationScoped
public class TeamService {

    private final RlsTransactions transactions;
    private final TeamRepository teams;
    private final MoleculeRepository molecules;
    private final MixtureRepository mixtures;

    public TeamService(RlsTransactions transactions, TeamRepository teams, MoleculeRepository molecules,
            MixtureRepository mixtures) {
        this.transactions = transactions;
        this.teams = teams;
        this.molecules = molecules;
        this.mixtures = mixtures;
    }

    public Uni<Team> create(Caller caller, String name) {
        requireUser(caller);
        return transactions.write(caller, db -> teams.insertTeam(db, name.trim(), caller.userId())
                .call(team -> teams.addFirstOwner(db, team.id(), caller.userId())));
    }

    public Uni<List<Team>> teams(Caller caller) {
        return transactions.read(caller, teams::teams);
    }

    public Uni<List<Member>> members(Caller caller, UUID teamId) {
        return transactions.read(caller, db -> teams.team(db, teamId).map(t -> Access.found(t, "Team"))
                .chain(() -> teams.members(db, teamId)));
    }

    public Uni<List<Member>> putMember(Caller caller, UUID teamId, UUID userId, String role) {
        return transactions.write(caller, db -> teams.team(db, teamId).map(t -> Access.found(t, "Team"))
                .chain(() -> teams.putMember(db, teamId, userId, role))
                .onFailure(Access::isPolicyRefusal)
                .transform(e -> ProblemException.forbidden("Only a team's owners manage its members"))
                .onFailure(Access::isLastOwner).transform(Access::lastOwner)
                .chain(() -> teams.members(db, teamId)));
    }

    public Uni<Void> removeMember(Caller caller, UUID teamId, UUID userId) {
        return transactions.write(caller, db -> teams.team(db, teamId).map(t -> Access.found(t, "Team"))
                .chain(() -> teams.removeMember(db, teamId, userId))
                .onFailure(Access::isLastOwner).transform(Access::lastOwner)
                .chain(removed -> removed ? Uni.createFrom().voidItem()
                        : teams.members(db, teamId).map(members -> {
                            if (members.stream().anyMatch(m -> m.userId().equals(userId))) {
                                throw ProblemException.forbidden("Only a team's owners manage its members");
                            }
                            throw ProblemException.notFound("Member not found");
                        })));
    }

    public Uni<Team> renameTeam(Caller caller, UUID teamId, String name) {
        return transactions.write(caller, db -> teams.renameTeam(db, teamId, name.trim()).chain(renamed -> renamed
                ? teams.team(db, teamId).map(t -> Access.found(t, "Team"))
                : Access.explainRefusal(teams.team(db, teamId), "Team", () -> "Only a team's owners rename it")));
    }

    public Uni<Void> deleteTeam(Caller caller, UUID teamId) {
        return transactions.write(caller, db -> teams.deleteTeam(db, teamId).chain(deleted -> deleted
                ? Uni.createFrom().voidItem()
                : Access.explainRefusal(teams.team(db, teamId), "Team", () -> "Only a team's owners delete it")));
    }

    public Uni<Project> updateProject(Caller caller, UUID projectId, String name, String description) {
        return transactions.write(caller, db -> teams.updateProject(db, projectId, name == null ? null : name.trim(), description)
                .chain(updated -> updated
                        ? teams.project(db, projectId).map(p -> Access.found(p, "Project"))
                        : Access.explainRefusal(teams.project(db, projectId), "Project", () -> "Viewers cannot change a project")));
    }

    public Uni<Void> deleteProject(Caller caller, UUID projectId) {
        return transactions.write(caller, db -> teams.deleteProject(db, projectId).chain(deleted -> deleted
                ? Uni.createFrom().voidItem()
                : Access.explainRefusal(teams.project(db, projectId), "Project", () -> "Only a team's owners delete its projects")));
    }

    public Uni<Void> unlinkMolecule(Caller caller, UUID projectId, UUID moleculeId) {
        return transactions.write(caller, db -> teams.project(db, projectId).map(p -> Access.found(p, "Project"))
                .chain(() -> teams.unlinkMolecule(db, projectId, moleculeId))
                .chain(removed -> removed ? Uni.createFrom().voidItem()
                        : explainUnlink(teams.isMoleculeLinked(db, projectId, moleculeId), "molecule")));
    }

    public Uni<Void> unlinkMixture(Caller caller, UUID projectId, UUID mixtureId) {
        return transactions.write(caller, db -> teams.project(db, projectId).map(p -> Access.found(p, "Project"))
                .chain(() -> teams.unlinkMixture(db, projectId, mixtureId))
                .chain(removed -> removed ? Uni.createFrom().voidItem()
                        : explainUnlink(teams.isMixtureLinked(db, projectId, mixtureId), "mixture")));
    }

    private static Uni<Void> explainUnlink(Uni<Boolean> linked, String what) {
        return linked.map(isLinked -> {
            if (isLinked) {
                throw ProblemException.forbidden("Only the project team's editors and owners unlink from it");
            }
            throw ProblemException.notFound("The " + what + " is not in this project");
        });
    }

    public Uni<Project> createProject(Caller caller, UUID teamId, String name, String description) {
        requireUser(caller);
        return transactions.write(caller, db -> teams.team(db, teamId).map(t -> Access.found(t, "Team"))
                .chain(() -> teams.insertProject(db, teamId, name.trim(), description, caller.userId()))
                .onFailure(Access::isPolicyRefusal)
                .transform(e -> ProblemException.forbidden("Viewers cannot create projects")));
    }

    public Uni<List<Project>> projects(Caller caller) {
        return transactions.read(caller, teams::projects);
    }

    public Uni<Project> project(Caller caller, UUID id) {
        return transactions.read(caller, db -> teams.project(db, id)).map(p -> Access.found(p, "Project"));
    }

    /** Links a visible molecule; what the link grants is the caller's own right on it (DESIGN section 2). */
    public Uni<Linked> linkMolecule(Caller caller, UUID projectId, UUID moleculeId) {
        return transactions.write(caller, db -> teams.project(db, projectId).map(p -> Access.found(p, "Project"))
                .chain(() -> molecules.find(db, moleculeId)).map(m -> Access.found(m, "Molecule"))
                .chain(() -> teams.linkMolecule(db, projectId, moleculeId, caller.userId()))
                .map(grants -> new Linked(projectId, moleculeId, grants))
                .onFailure(Access::isPolicyRefusal)
                .transform(e -> ProblemException.forbidden("Only the project team's editors and owners link to it")));
    }

    public Uni<Linked> linkMixture(Caller caller, UUID projectId, UUID mixtureId) {
        return transactions.write(caller, db -> teams.project(db, projectId).map(p -> Access.found(p, "Project"))
                .chain(() -> mixtures.find(db, mixtureId)).map(m -> Access.found(m, "Mixture"))
                .chain(() -> teams.linkMixture(db, projectId, mixtureId, caller.userId()))
                .map(grants -> new Linked(projectId, mixtureId, grants))
                .onFailure(Access::isPolicyRefusal)
                .transform(e -> ProblemException.forbidden("Only the project team's editors and owners link to it")));
    }

    public Uni<JsonPage> projectMolecules(Caller caller, UUID projectId, int limit, Cursor after) {
        return transactions.read(caller, db -> teams.project(db, projectId).map(p -> Access.found(p, "Project"))
                .chain(() -> molecules.search(db, MoleculeSearch.inProject(projectId), limit, after)));
    }

    private static void requireUser(Caller caller) {
        if (caller.userId() == null) {
            throw ProblemException.forbidden("Teams and projects belong to users; sign in as a user");
        }
    }
}
