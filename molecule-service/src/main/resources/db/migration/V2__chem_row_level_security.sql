-- Row Level Security for schema chem, applied the way PostgREST does it: the service connects as
-- cryo_authenticator (NOINHERIT) and switches, per transaction, to one of three NOLOGIN roles with
-- set_config('role', ..., true); the caller's id travels in request.jwt.claim.sub.
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'cryo_anon') then
        create role cryo_anon nologin;
    end if;
    if not exists (select 1 from pg_roles where rolname = 'cryo_authenticated') then
        create role cryo_authenticated nologin;
    end if;
    if not exists (select 1 from pg_roles where rolname = 'cryo_service') then
        create role cryo_service nologin;
    end if;
    -- LOGIN and its password are granted by the deployment (local runner, tests, CloudNativePG).
    if not exists (select 1 from pg_roles where rolname = 'cryo_authenticator') then
        create role cryo_authenticator nologin noinherit;
    end if;
end
$$;
grant cryo_anon, cryo_authenticated, cryo_service to cryo_authenticator;

create schema if not exists chem_private;
revoke all on schema chem_private from public;
grant usage on schema chem, chem_private to cryo_anon, cryo_authenticated, cryo_service;

-- The caller, or null for anonymous and service callers.
create function chem_private.uid() returns uuid
    language sql stable
    set search_path = ''
as $$ select nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $$;

create function chem_private.is_team_member(p_team_id uuid) returns boolean
    language sql stable security definer
    set search_path = ''
as $$
    select exists (select 1 from chem.team_members tm
                   where tm.team_id = p_team_id and tm.user_id = chem_private.uid())
$$;

-- Teams of the caller with at least the given role: viewer < editor < owner.
create function chem_private.team_ids(p_min_role text default 'viewer') returns setof uuid
    language sql stable security definer
    set search_path = ''
as $$
    select tm.team_id from chem.team_members tm
    where tm.user_id = chem_private.uid()
      and case p_min_role when 'owner' then tm.role = 'owner'
                          when 'editor' then tm.role in ('owner', 'editor')
                          else true end
$$;

create function chem_private.team_has_members(p_team_id uuid) returns boolean
    language sql stable security definer
    set search_path = ''
as $$ select exists (select 1 from chem.team_members tm where tm.team_id = p_team_id) $$;

-- permission: read (any member), write (owner, editor), admin (owner).
create function chem_private.user_has_permission(p_project_id uuid, p_permission text) returns boolean
    language sql stable security definer
    set search_path = ''
as $$
    select exists (
        select 1 from chem.projects p
        join chem.team_members tm on tm.team_id = p.team_id
        where p.id = p_project_id and tm.user_id = chem_private.uid()
          and case p_permission when 'admin' then tm.role = 'owner'
                                when 'write' then tm.role in ('owner', 'editor')
                                else true end)
$$;

-- Molecules and mixtures reachable through the caller's teams' projects, for use as
-- `id in (select ...)` in policies: one hashed set per statement instead of a lookup per row.
create function chem_private.team_molecule_ids(p_min_role text default 'viewer') returns setof uuid
    language sql stable security definer
    set search_path = ''
as $$
    select pm.molecule_id from chem.project_molecules pm
    join chem.projects p on p.id = pm.project_id
    where p.team_id in (select chem_private.team_ids(p_min_role))
$$;

create function chem_private.team_mixture_ids(p_min_role text default 'viewer') returns setof uuid
    language sql stable security definer
    set search_path = ''
as $$
    select px.mixture_id from chem.project_mixtures px
    join chem.projects p on p.id = px.project_id
    where p.team_id in (select chem_private.team_ids(p_min_role))
$$;

create function chem_private.has_molecule_access(p_molecule_id uuid, p_min_role text default 'viewer') returns boolean
    language sql stable security definer
    set search_path = ''
as $$
    select exists (
        select 1 from chem.molecules m
        where m.id = p_molecule_id
          and ((m.is_public and p_min_role = 'viewer')
               or m.created_by = chem_private.uid()
               or m.id in (select chem_private.team_molecule_ids(p_min_role))))
$$;

create function chem_private.has_mixture_access(p_mixture_id uuid, p_min_role text default 'viewer') returns boolean
    language sql stable security definer
    set search_path = ''
as $$
    select exists (
        select 1 from chem.mixtures x
        where x.id = p_mixture_id
          and ((x.is_public and p_min_role = 'viewer')
               or x.created_by = chem_private.uid()
               or x.id in (select chem_private.team_mixture_ids(p_min_role))))
$$;

revoke all on all functions in schema chem_private from public;
grant execute on all functions in schema chem_private to cryo_anon, cryo_authenticated, cryo_service;

-- Every table: RLS forced (owners too) and the unified service policy.
do $$
declare t text;
begin
    foreach t in array array['user_profiles', 'teams', 'team_members', 'projects', 'molecules',
                             'molecule_synonyms', 'molecule_properties', 'toxicity', 'mixtures',
                             'mixture_components', 'project_molecules', 'project_mixtures']
    loop
        execute format('alter table chem.%I enable row level security', t);
        execute format('alter table chem.%I force row level security', t);
        execute format('create policy service_role_all_access on chem.%I for all to cryo_service using (true) with check (true)', t);
        execute format('grant select, insert, update, delete on chem.%I to cryo_service, cryo_authenticated', t);
    end loop;
end
$$;
grant select on chem.molecules, chem.molecule_synonyms, chem.molecule_properties, chem.toxicity,
                chem.mixtures, chem.mixture_components to cryo_anon;

-- Profiles: your own; team-mates may read yours.
create policy profiles_read on chem.user_profiles for select to cryo_authenticated
    using (id = (select chem_private.uid())
           or id in (select tm.user_id from chem.team_members tm where tm.team_id in (select chem_private.team_ids())));
create policy profiles_write on chem.user_profiles for insert to cryo_authenticated
    with check (id = (select chem_private.uid()));
create policy profiles_update on chem.user_profiles for update to cryo_authenticated
    using (id = (select chem_private.uid())) with check (id = (select chem_private.uid()));

-- Teams: members read; anyone signed in creates (and becomes owner); owners rename and delete.
create policy teams_read on chem.teams for select to cryo_authenticated
    using (created_by = (select chem_private.uid()) or id in (select chem_private.team_ids()));
create policy teams_create on chem.teams for insert to cryo_authenticated
    with check (created_by = (select chem_private.uid()));
create policy teams_update on chem.teams for update to cryo_authenticated
    using (id in (select chem_private.team_ids('owner')));
create policy teams_delete on chem.teams for delete to cryo_authenticated
    using (id in (select chem_private.team_ids('owner')));

-- Members: members see their team's roster; owners manage it; a team's creator adds the first owner.
create policy members_read on chem.team_members for select to cryo_authenticated
    using (team_id in (select chem_private.team_ids()));
create policy members_add on chem.team_members for insert to cryo_authenticated
    with check (team_id in (select chem_private.team_ids('owner'))
                or (user_id = (select chem_private.uid()) and role = 'owner'
                    and team_id in (select t.id from chem.teams t where t.created_by = (select chem_private.uid()))
                    and not chem_private.team_has_members(team_id)));
create policy members_change on chem.team_members for update to cryo_authenticated
    using (team_id in (select chem_private.team_ids('owner')));
create policy members_remove on chem.team_members for delete to cryo_authenticated
    using (team_id in (select chem_private.team_ids('owner')) or user_id = (select chem_private.uid()));

-- Projects: team members read; owners and editors create and change; owners delete.
create policy projects_read on chem.projects for select to cryo_authenticated
    using (team_id in (select chem_private.team_ids()));
create policy projects_create on chem.projects for insert to cryo_authenticated
    with check (team_id in (select chem_private.team_ids('editor')) and created_by = (select chem_private.uid()));
create policy projects_update on chem.projects for update to cryo_authenticated
    using (team_id in (select chem_private.team_ids('editor')));
create policy projects_delete on chem.projects for delete to cryo_authenticated
    using (team_id in (select chem_private.team_ids('owner')));

-- Molecules: public, own, or linked to a project of one of the caller's teams.
create policy molecules_read_public on chem.molecules for select to cryo_anon
    using (is_public);
create policy molecules_read on chem.molecules for select to cryo_authenticated
    using (is_public or created_by = (select chem_private.uid())
           or id in (select chem_private.team_molecule_ids()));
create policy molecules_create on chem.molecules for insert to cryo_authenticated
    with check (created_by = (select chem_private.uid()));
create policy molecules_update on chem.molecules for update to cryo_authenticated
    using (created_by = (select chem_private.uid()) or id in (select chem_private.team_molecule_ids('editor')))
    with check (created_by is not null);
create policy molecules_delete on chem.molecules for delete to cryo_authenticated
    using (created_by = (select chem_private.uid()) or id in (select chem_private.team_molecule_ids('editor')));

-- Children of a molecule follow the molecule.
create policy synonyms_read_public on chem.molecule_synonyms for select to cryo_anon
    using (chem_private.has_molecule_access(molecule_id));
create policy synonyms_read on chem.molecule_synonyms for select to cryo_authenticated
    using (chem_private.has_molecule_access(molecule_id));
create policy synonyms_write on chem.molecule_synonyms for all to cryo_authenticated
    using (chem_private.has_molecule_access(molecule_id, 'editor'))
    with check (chem_private.has_molecule_access(molecule_id, 'editor'));

create policy properties_read_public on chem.molecule_properties for select to cryo_anon
    using (chem_private.has_molecule_access(molecule_id));
create policy properties_read on chem.molecule_properties for select to cryo_authenticated
    using (chem_private.has_molecule_access(molecule_id));
create policy properties_write on chem.molecule_properties for all to cryo_authenticated
    using (chem_private.has_molecule_access(molecule_id, 'editor'))
    with check (chem_private.has_molecule_access(molecule_id, 'editor'));

create policy toxicity_read_public on chem.toxicity for select to cryo_anon
    using (chem_private.has_molecule_access(molecule_id));
create policy toxicity_read on chem.toxicity for select to cryo_authenticated
    using (chem_private.has_molecule_access(molecule_id));
create policy toxicity_write on chem.toxicity for all to cryo_authenticated
    using (chem_private.has_molecule_access(molecule_id, 'editor'))
    with check (chem_private.has_molecule_access(molecule_id, 'editor') and created_by = (select chem_private.uid()));

-- Mixtures: the same visibility rules as molecules.
create policy mixtures_read_public on chem.mixtures for select to cryo_anon
    using (is_public);
create policy mixtures_read on chem.mixtures for select to cryo_authenticated
    using (is_public or created_by = (select chem_private.uid())
           or id in (select chem_private.team_mixture_ids()));
create policy mixtures_create on chem.mixtures for insert to cryo_authenticated
    with check (created_by = (select chem_private.uid()));
create policy mixtures_update on chem.mixtures for update to cryo_authenticated
    using (created_by = (select chem_private.uid()) or id in (select chem_private.team_mixture_ids('editor')))
    with check (created_by is not null);
create policy mixtures_delete on chem.mixtures for delete to cryo_authenticated
    using (created_by = (select chem_private.uid()) or id in (select chem_private.team_mixture_ids('editor')));

create policy components_read_public on chem.mixture_components for select to cryo_anon
    using (chem_private.has_mixture_access(mixture_id));
create policy components_read on chem.mixture_components for select to cryo_authenticated
    using (chem_private.has_mixture_access(mixture_id));
create policy components_write on chem.mixture_components for all to cryo_authenticated
    using (chem_private.has_mixture_access(mixture_id, 'editor'))
    with check (chem_private.has_mixture_access(mixture_id, 'editor') and chem_private.has_molecule_access(molecule_id));

-- Project links: read by team members; written by owners/editors, and only to things they can see.
create policy project_molecules_read on chem.project_molecules for select to cryo_authenticated
    using (chem_private.user_has_permission(project_id, 'read'));
create policy project_molecules_write on chem.project_molecules for all to cryo_authenticated
    using (chem_private.user_has_permission(project_id, 'write'))
    with check (chem_private.user_has_permission(project_id, 'write') and chem_private.has_molecule_access(molecule_id));

create policy project_mixtures_read on chem.project_mixtures for select to cryo_authenticated
    using (chem_private.user_has_permission(project_id, 'read'));
create policy project_mixtures_write on chem.project_mixtures for all to cryo_authenticated
    using (chem_private.user_has_permission(project_id, 'write'))
    with check (chem_private.user_has_permission(project_id, 'write') and chem_private.has_mixture_access(mixture_id));
