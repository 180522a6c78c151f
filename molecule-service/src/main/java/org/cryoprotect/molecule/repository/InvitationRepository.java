package org.cryoprotect.molecule.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.cryoprotect.molecule.model.Invitation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Invitations to teams by e-mail address (V14): the policies decide who sees and changes which. */
@ApplicationScoped
public class InvitationRepository {

    private static final String COLUMNS = "id, team_id, null::text as team_name, email, role, created_at, expires_at";

    /** Invites an address, or renews (role, inviter, expiry) an invitation already pending for it. */
    public Uni<Void> invite(SqlClient db, UUID teamId, String email, String role, UUID invitedBy) {
        return db.preparedQuery("insert into chem.team_invitations (team_id, email, role, invited_by) values ($1, $2, $3, $4) "
                + "on conflict (team_id, email) do update set role = excluded.role, invited_by = excluded.invited_by, "
                + "expires_at = now() + interval '14 days'")
                .execute(Tuple.of(teamId, email, role, invitedBy)).replaceWithVoid();
    }

    public Uni<List<Invitation>> ofTeam(SqlClient db, UUID teamId) {
        return db.preparedQuery("select " + COLUMNS + " from chem.team_invitations where team_id = $1 and expires_at > now() "
                + "order by email").execute(Tuple.of(teamId)).map(InvitationRepository::toList);
    }

    public Uni<Optional<Invitation>> ofTeam(SqlClient db, UUID teamId, String email) {
        return db.preparedQuery("select " + COLUMNS + " from chem.team_invitations where team_id = $1 and email = $2")
                .execute(Tuple.of(teamId, email)).map(rows -> Rows.first(rows).map(InvitationRepository::toInvitation));
    }

    public Uni<Boolean> withdraw(SqlClient db, UUID teamId, UUID id) {
        return db.preparedQuery("delete from chem.team_invitations where team_id = $1 and id = $2")
                .execute(Tuple.of(teamId, id)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<List<Invitation>> mine(SqlClient db) {
        return db.query("select id, team_id, team_name, null::text as email, role, created_at, expires_at "
                + "from chem_private.my_invitations()").execute().map(InvitationRepository::toList);
    }

    /** @return the team joined, or empty when the caller has no such valid invitation */
    public Uni<Optional<UUID>> accept(SqlClient db, UUID id) {
        return db.preparedQuery("select chem_private.accept_invitation($1) as team_id").execute(Tuple.of(id))
                .map(rows -> Optional.ofNullable(rows.iterator().next().getUUID("team_id")));
    }

    /** The invitee turns an invitation down (the policy lets her delete only her own). */
    public Uni<Boolean> decline(SqlClient db, UUID id) {
        return db.preparedQuery("delete from chem.team_invitations where id = $1 and email = chem_private.email()")
                .execute(Tuple.of(id)).map(rows -> rows.rowCount() == 1);
    }

    private static List<Invitation> toList(RowSet<Row> rows) {
        List<Invitation> invitations = new ArrayList<>();
        rows.forEach(row -> invitations.add(toInvitation(row)));
        return invitations;
    }

    private static Invitation toInvitation(Row row) {
        return new Invitation(row.getUUID("id"), row.getUUID("team_id"), row.getString("team_name"), row.getString("email"),
                row.getString("role"), row.getOffsetDateTime("created_at"), row.getOffsetDateTime("expires_at"));
    }
}
