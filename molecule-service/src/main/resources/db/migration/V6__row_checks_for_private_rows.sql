-- Measured: even with indexed joins, building the caller's whole set of team-linked molecule ids
-- cost about 0.7 ms per statement, paid by every member request although nearly all rows it reads
-- are public. These helpers answer for one row, and the policies ask them only about rows that are
-- neither public nor the caller's own (OR stops at the first true operand).
create function chem_private.in_member_project(p_molecule_id uuid, p_min_role text default 'viewer') returns boolean
    language sql stable security definer
    set search_path = ''
as $$
    select exists (
        select 1 from chem.project_molecules pm
        join chem.projects p on p.id = pm.project_id
        join chem.team_members tm on tm.team_id = p.team_id
        where pm.molecule_id = p_molecule_id
          and tm.user_id = chem_private.uid()
          and case p_min_role when 'owner' then tm.role = 'owner'
                              when 'editor' then tm.role in ('owner', 'editor')
                              else true end)
$$;

create function chem_private.mixture_in_member_project(p_mixture_id uuid, p_min_role text default 'viewer') returns boolean
    language sql stable security definer
    set search_path = ''
as $$
    select exists (
        select 1 from chem.project_mixtures px
        join chem.projects p on p.id = px.project_id
        join chem.team_members tm on tm.team_id = p.team_id
        where px.mixture_id = p_mixture_id
          and tm.user_id = chem_private.uid()
          and case p_min_role when 'owner' then tm.role = 'owner'
                              when 'editor' then tm.role in ('owner', 'editor')
                              else true end)
$$;

revoke all on function chem_private.in_member_project(uuid, text), chem_private.mixture_in_member_project(uuid, text) from public;
grant execute on function chem_private.in_member_project(uuid, text), chem_private.mixture_in_member_project(uuid, text)
    to cryo_anon, cryo_authenticated, cryo_service;

alter policy molecules_read on chem.molecules
    using (is_public or created_by = (select chem_private.uid()) or chem_private.in_member_project(id));
alter policy molecules_update on chem.molecules
    using (created_by = (select chem_private.uid()) or chem_private.in_member_project(id, 'editor'));
alter policy molecules_delete on chem.molecules
    using (created_by = (select chem_private.uid()) or chem_private.in_member_project(id, 'editor'));

alter policy mixtures_read on chem.mixtures
    using (is_public or created_by = (select chem_private.uid()) or chem_private.mixture_in_member_project(id));
alter policy mixtures_update on chem.mixtures
    using (created_by = (select chem_private.uid()) or chem_private.mixture_in_member_project(id, 'editor'));
alter policy mixtures_delete on chem.mixtures
    using (created_by = (select chem_private.uid()) or chem_private.mixture_in_member_project(id, 'editor'));

-- has_molecule_access / has_mixture_access (the write checks of child rows) use the same row check.
create or replace function chem_private.has_molecule_access(p_molecule_id uuid, p_min_role text default 'viewer') returns boolean
    language sql stable security definer
    set search_path = ''
as $$
    select exists (
        select 1 from chem.molecules m
        where m.id = p_molecule_id
          and ((m.is_public and p_min_role = 'viewer')
               or m.created_by = chem_private.uid()
               or chem_private.in_member_project(m.id, p_min_role)))
$$;

create or replace function chem_private.has_mixture_access(p_mixture_id uuid, p_min_role text default 'viewer') returns boolean
    language sql stable security definer
    set search_path = ''
as $$
    select exists (
        select 1 from chem.mixtures x
        where x.id = p_mixture_id
          and ((x.is_public and p_min_role = 'viewer')
               or x.created_by = chem_private.uid()
               or chem_private.mixture_in_member_project(x.id, p_min_role)))
$$;
