-- Adding a member by e-mail without an account-enumeration hole: an owner invites an address, and
-- the answer is the same whether or not anyone has an account with it (molecule-service does not
-- even know). The invitation waits for whoever signs in with that address (the verified `email`
-- claim of auth-service's user tokens), who accepts or declines it; only then does a user id join
-- the team. Owners see and withdraw their team's pending invitations; nobody else sees them.

-- The caller's e-mail address from the verified token, lower case; null for service and anonymous callers.
create function chem_private.email() returns text
    language sql stable
    set search_path = ''
as $$ select nullif(lower(current_setting('request.jwt.claims', true)::jsonb ->> 'email'), '') $$;

create table chem.team_invitations (
    id          uuid primary key default gen_random_uuid(),
    team_id     uuid not null references chem.teams (id) on delete cascade,
    email       text not null check (email = lower(email) and length(email) between 3 and 320 and position('@' in email) > 1),
    role        text not null check (role in ('owner', 'editor', 'viewer')),
    invited_by  uuid not null,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null default now() + interval '14 days',
    unique (team_id, email)
);
create index team_invitations_email_idx on chem.team_invitations (email);

alter table chem.team_invitations enable row level security;
alter table chem.team_invitations force row level security;
create policy service_role_all_access on chem.team_invitations for all to cryo_service using (true) with check (true);
grant select, insert, delete on chem.team_invitations to cryo_service, cryo_authenticated;
grant update (role, invited_by, expires_at) on chem.team_invitations to cryo_service, cryo_authenticated;

-- Owners manage their team's invitations; the invitee reads and declines (deletes) her own.
create policy invitations_read on chem.team_invitations for select to cryo_authenticated
    using (team_id in (select chem_private.team_ids('owner')) or email = (select chem_private.email()));
create policy invitations_create on chem.team_invitations for insert to cryo_authenticated
    with check (team_id in (select chem_private.team_ids('owner')) and invited_by = (select chem_private.uid()));
create policy invitations_renew on chem.team_invitations for update to cryo_authenticated
    using (team_id in (select chem_private.team_ids('owner')))
    with check (invited_by = (select chem_private.uid()));
create policy invitations_remove on chem.team_invitations for delete to cryo_authenticated
    using (team_id in (select chem_private.team_ids('owner')) or email = (select chem_private.email()));

-- The accepting function runs as the schema owner, which FORCE ROW LEVEL SECURITY holds to policies
-- too (V4): it may take an invitation and add its member. Requests never run as the owner.
create policy schema_owner_maintains on chem.team_invitations for all to current_user using (true) with check (true);
create policy schema_owner_adds_invited on chem.team_members for insert to current_user with check (true);
create policy schema_owner_raises_invited on chem.team_members for update to current_user using (true) with check (true);

-- Accepting: the invitee is not a member yet, so the members' insert policy (owners only) would
-- refuse her. This function checks that the invitation is hers and still valid, adds her with the
-- invited role (a member already there keeps the higher of the two roles) and removes the
-- invitation. Answers the team id, or null when there is no such invitation for the caller.
create function chem_private.accept_invitation(p_invitation uuid) returns uuid
    language plpgsql volatile security definer
    set search_path = ''
as $$
declare
    invitation chem.team_invitations;
begin
    if chem_private.uid() is null or chem_private.email() is null then
        return null;
    end if;
    delete from chem.team_invitations i
     where i.id = p_invitation and i.email = chem_private.email() and i.expires_at > now()
    returning * into invitation;
    if invitation.id is null then
        return null;
    end if;
    insert into chem.team_members as tm (team_id, user_id, role)
    values (invitation.team_id, chem_private.uid(), invitation.role)
    on conflict (team_id, user_id) do update
        set role = case when tm.role = 'owner' or excluded.role = 'owner' then 'owner'
                        when tm.role = 'editor' or excluded.role = 'editor' then 'editor'
                        else 'viewer' end;
    return invitation.team_id;
end
$$;
revoke all on function chem_private.accept_invitation(uuid) from public;
grant execute on function chem_private.accept_invitation(uuid) to cryo_authenticated;
grant execute on function chem_private.email() to cryo_anon, cryo_authenticated, cryo_service;

-- The caller's own pending invitations, with the team's name: she cannot read the team itself
-- before she is a member.
create function chem_private.my_invitations()
    returns table (id uuid, team_id uuid, team_name text, role text, created_at timestamptz, expires_at timestamptz)
    language sql stable security definer
    set search_path = ''
as $$
    select i.id, i.team_id, t.name, i.role, i.created_at, i.expires_at
    from chem.team_invitations i join chem.teams t on t.id = i.team_id
    where i.email = chem_private.email() and chem_private.uid() is not null and i.expires_at > now()
    order by i.created_at, i.id
$$;
revoke all on function chem_private.my_invitations() from public;
grant execute on function chem_private.my_invitations() to cryo_authenticated;
