package org.cryoprotect.molecule.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.molecule.model.Member;
import org.cryoprotect.molecule.model.Project;
import org.cryoprotect.molecule.model.Team;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Teams, their members and projects, and what projects link to. */
@ApplicationScoped
public class TeamRepository {

    public Uni<Team> insertTeam(SqlClient db, String name, UUID createdBy) {
        return db.preparedQuery("insert into chem.teams (name, created_by) values ($1, $2) returning id, name, created_by, created_at")
                .execute(Tuple.of(name, createdBy)).map(rows -> toTeam(rows.iterator().next()));
    }

    public Uni<List<Team>> teams(SqlClient db) {
        return db.query("select id, name, created_by, created_at from chem.teams order by name, id").execute()
                .map(rows -> {
                    List<Team> teams = new ArrayList<>();
                    rows.forEach(row -> teams.add(toTeam(row)));
                    return teams;
                });
    }

    public Uni<Optional<Team>> team(SqlClient db, UUID id) {
        return db.preparedQuery("select id, name, created_by, created_at from chem.teams where id = $1")
                .execute(Tuple.of(id)).map(rows -> Rows.first(rows).map(TeamRepository::toTeam));
    }

    /**
     * A new team's first owner: a plain insert, because RETURNING or ON CONFLICT DO UPDATE would make
     * the row pass the read policy, which only members satisfy, and the caller is not one yet.
     */
    public Uni<Void> addFirstOwner(SqlClient db, UUID teamId, UUID userId) {
        return db.preparedQuery("insert into chem.team_members (team_id, user_id, role) values ($1, $2, 'owner')")
                .execute(Tuple.of(teamId, userId)).replaceWithVoid();
    }

    public Uni<Void> putMember(SqlClient db, UUID teamId, UUID userId, String role) {
        return db.preparedQuery("insert into chem.team_members (team_id, user_id, role) values ($1, $2, $3) "
                + "on conflict (team_id, user_id) do update set role = excluded.role")
                .execute(Tuple.of(teamId, userId, role)).replaceWithVoid();
    }

    public Uni<List<Member>> members(SqlClient db, UUID teamId) {
        return db.preparedQuery("select tm.team_id, tm.user_id, tm.role, p.display_name from chem.team_members tm "
                + "left join chem.user_profiles p on p.id = tm.user_id where tm.team_id = $1 order by tm.user_id")
                .execute(Tuple.of(teamId)).map(rows -> {
                    List<Member> members = new ArrayList<>();
                    rows.forEach(row -> members.add(new Member(row.getUUID("team_id"), row.getUUID("user_id"), row.getString("role"),
                            row.getString("display_name"))));
                    return members;
                });
    }

    public Uni<Boolean> removeMember(SqlClient db, UUID teamId, UUID userId) {
        return db.preparedQuery("delete from chem.team_members where team_id = $1 and user_id = $2")
                .execute(Tuple.of(teamId, userId)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Project> insertProject(SqlClient db, UUID teamId, String name, String description, UUID createdBy) {
        return db.preparedQuery("insert into chem.projects (team_id, name, description, created_by) values ($1, $2, $3, $4) "
                + "returning id, team_id, name, description, created_by, created_at")
                .execute(Tuple.of(teamId, name, description, createdBy)).map(rows -> toProject(rows.iterator().next()));
    }

    public Uni<List<Project>> projects(SqlClient db) {
        return db.query("select id, team_id, name, description, created_by, created_at from chem.projects order by name, id")
                .execute().map(rows -> {
                    List<Project> projects = new ArrayList<>();
                    rows.forEach(row -> projects.add(toProject(row)));
                    return projects;
                });
    }

    public Uni<Optional<Project>> project(SqlClient db, UUID id) {
        return db.preparedQuery("select id, team_id, name, description, created_by, created_at from chem.projects where id = $1")
                .execute(Tuple.of(id)).map(rows -> Rows.first(rows).map(TeamRepository::toProject));
    }

    /**
     * Links a row to a project. What the link grants ({@code reference} or {@code manage})
     * is decided by the database from the caller's own right on the row; linking again can only raise it.
     *
     * @return the link's grant
     */
    public Uni<String> linkMolecule(SqlClient db, UUID projectId, UUID moleculeId, UUID addedBy) {
        return link(db, "project_molecules", "molecule_id", projectId, moleculeId, addedBy);
    }

    public Uni<String> linkMixture(SqlClient db, UUID projectId, UUID mixtureId, UUID addedBy) {
        return link(db, "project_mixtures", "mixture_id", projectId, mixtureId, addedBy);
    }

    private static Uni<String> link(SqlClient db, String table, String column, UUID projectId, UUID id, UUID addedBy) {
        String sql = """
                insert into chem.%1$s as l (project_id, %2$s, added_by) values ($1, $2, $3)
                on conflict (project_id, %2$s) do update set added_by = excluded.added_by, added_at = now()
                    where excluded.grants = 'manage' and l.grants = 'reference'""".formatted(table, column);
        return db.preparedQuery(sql).execute(Tuple.of(projectId, id, addedBy))
                .chain(() -> db.preparedQuery("select grants from chem.%s where project_id = $1 and %s = $2".formatted(table, column))
                        .execute(Tuple.of(projectId, id)))
                .map(rows -> rows.iterator().next().getString("grants"));
    }

    /** The update and delete methods answer whether a row was visible and writable for the caller. */
    public Uni<Boolean> renameTeam(SqlClient db, UUID id, String name) {
        return db.preparedQuery("update chem.teams set name = $2 where id = $1").execute(Tuple.of(id, name))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Boolean> deleteTeam(SqlClient db, UUID id) {
        return db.preparedQuery("delete from chem.teams where id = $1").execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Boolean> updateProject(SqlClient db, UUID id, String name, String description) {
        return db.preparedQuery("update chem.projects set name = coalesce($2, name), description = coalesce($3, description) "
                + "where id = $1").execute(Tuple.of(id, name, description)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Boolean> deleteProject(SqlClient db, UUID id) {
        return db.preparedQuery("delete from chem.projects where id = $1").execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Boolean> unlinkMolecule(SqlClient db, UUID projectId, UUID moleculeId) {
        return db.preparedQuery("delete from chem.project_molecules where project_id = $1 and molecule_id = $2")
                .execute(Tuple.of(projectId, moleculeId)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Boolean> isMoleculeLinked(SqlClient db, UUID projectId, UUID moleculeId) {
        return db.preparedQuery("select exists (select 1 from chem.project_molecules where project_id = $1 and molecule_id = $2)")
                .execute(Tuple.of(projectId, moleculeId)).map(rows -> rows.iterator().next().getBoolean(0));
    }

    public Uni<Boolean> isMixtureLinked(SqlClient db, UUID projectId, UUID mixtureId) {
        return db.preparedQuery("select exists (select 1 from chem.project_mixtures where project_id = $1 and mixture_id = $2)")
                .execute(Tuple.of(projectId, mixtureId)).map(rows -> rows.iterator().next().getBoolean(0));
    }

    public Uni<Boolean> unlinkMixture(SqlClient db, UUID projectId, UUID mixtureId) {
        return db.preparedQuery("delete from chem.project_mixtures where project_id = $1 and mixture_id = $2")
                .execute(Tuple.of(projectId, mixtureId)).map(rows -> rows.rowCount() == 1);
    }

    private static Team toTeam(Row row) {
        return new Team(row.getUUID("id"), row.getString("name"), row.getUUID("created_by"), row.getOffsetDateTime("created_at"));
    }

    private static Project toProject(Row row) {
        return new Project(row.getUUID("id"), row.getUUID("team_id"), row.getString("name"), row.getString("description"),
                row.getUUID("created_by"), row.getOffsetDateTime("created_at"));
    }
}
