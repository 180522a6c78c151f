-- The write matrix of DESIGN section 2. Until now a project link only required the row to be
-- visible, and every editor of any project holding a row could change and delete it: a stranger
-- could link a registry molecule to her own project and delete it. From here on:
--   * a link records what it grants, decided by the database, whatever the request says:
--       'manage'    a share, made by the row's creator (or the service role): the team's editors
--                   change the row, its owners also publish, unpublish and delete it;
--       'reference' made by anyone else, and every link to a registry row: grants nothing, not
--                   even visibility.
--     Only creators share (DESIGN's matrix also lets a sharing team's owners and editors share on):
--     a share made from a share outlived its maker's membership, out of the creator's sight and
--     reach, and chains of them could keep each other alive.
--   * registry rows (public, created_by null) change only through the service role;
--   * toxicity provenance 'pubchem' and 'chembl' comes only from the service role;
--   * columns a caller may not rewrite (creators, owners, teams, structures) are not grantable.

-- 1. What a link grants --------------------------------------------------------------------------
alter table chem.project_molecules add column grants text not null default 'reference'
    check (grants in ('reference', 'manage'));
alter table chem.project_mixtures add column grants text not null default 'reference'
    check (grants in ('reference', 'manage'));

-- The caller's right on a row through shares: 'read' (any member), 'change' (editors and owners),
-- 'manage' (owners). Answers for one row; policies ask it only about rows
-- that are neither public nor the caller's own.
create function chem_private.shared_molecule(p_molecule_id uuid, p_right text) returns boolean
    language sql stable security definer
    set search_path = ''
as $$
    select exists (
        select 1 from chem.project_molecules pm
        join chem.projects p on p.id = pm.project_id
        join chem.team_members tm on tm.team_id = p.team_id
        where pm.molecule_id = p_molecule_id
          and tm.user_id = chem_private.uid()
          and pm.grants <> 'reference'
          and case p_right when 'manage' then tm.role = 'owner'
                           when 'change' then tm.role in ('owner', 'editor')
                           else true end)
$$;

create function chem_private.shared_mixture(p_mixture_id uuid, p_right text) returns boolean
    language sql stable security definer
    set search_path = ''
as $$
    select exists (
        select 1 from chem.project_mixtures px
        join chem.projects p on p.id = px.project_id
        join chem.team_members tm on tm.team_id = p.team_id
        where px.mixture_id = p_mixture_id
          and tm.user_id = chem_private.uid()
          and px.grants <> 'reference'
          and case p_right when 'manage' then tm.role = 'owner'
                           when 'change' then tm.role in ('owner', 'editor')
                           else true end)
$$;

-- The caller's strongest right on a row: 'manage', 'change', 'read' or null (invisible). The
-- service role manages every row but the registry's, which it alone changes (see the link trigger).
create function chem_private.molecule_right(p_molecule_id uuid) returns text
    language sql stable security definer
    set search_path = ''
as $$
    select case
        when m.created_by is not null and m.created_by = chem_private.uid() then 'manage'
        when m.created_by is not null and chem_private.shared_molecule(m.id, 'manage') then 'manage'
        when m.created_by is not null and chem_private.shared_molecule(m.id, 'change') then 'change'
        when m.is_public or chem_private.shared_molecule(m.id, 'read') then 'read'
    end
    from chem.molecules m where m.id = p_molecule_id
$$;

create function chem_private.mixture_right(p_mixture_id uuid) returns text
    language sql stable security definer
    set search_path = ''
as $$
    select case
        when x.created_by is not null and x.created_by = chem_private.uid() then 'manage'
        when x.created_by is not null and chem_private.shared_mixture(x.id, 'manage') then 'manage'
        when x.created_by is not null and chem_private.shared_mixture(x.id, 'change') then 'change'
        when x.is_public or chem_private.shared_mixture(x.id, 'read') then 'read'
    end
    from chem.mixtures x where x.id = p_mixture_id
$$;

create function chem_private.may_change(p_right text) returns boolean
    language sql immutable
    set search_path = ''
as $$ select coalesce(p_right in ('change', 'manage'), false) $$;

-- Visibility, for checks that a row named in a request is one the caller can see.
create function chem_private.visible_molecule(p_molecule_id uuid) returns boolean
    language sql stable
    set search_path = ''
as $$ select chem_private.molecule_right(p_molecule_id) is not null $$;
create function chem_private.visible_mixture(p_mixture_id uuid) returns boolean
    language sql stable
    set search_path = ''
as $$ select chem_private.mixture_right(p_mixture_id) is not null $$;

-- A link's grant, whatever the statement says: a share when the caller created the row (or is the
-- service role), else a reference; linking again can only raise it. SECURITY INVOKER on purpose:
-- current_user is then the caller's request role.
create function chem_private.set_link_grant() returns trigger
    language plpgsql
    set search_path = ''
as $$
declare
    v_creator uuid;
    v_found boolean;
begin
    if tg_table_name = 'project_molecules' then
        select m.created_by, true into v_creator, v_found from chem.molecules m where m.id = new.molecule_id;
    else
        select x.created_by, true into v_creator, v_found from chem.mixtures x where x.id = new.mixture_id;
    end if;
    new.grants := case
        when v_found is not true or v_creator is null then 'reference'   -- invisible (refused later) or registry
        when current_user = 'cryo_service' or v_creator = chem_private.uid() then 'manage'
        else 'reference'
    end;
    if tg_op = 'UPDATE' and old.grants = 'manage' then
        new.grants := 'manage';
    end if;
    return new;
end
$$;

-- 2. Existing links ----------------------------------------------------------------------------
-- The creator's links and the service role's (added_by null) to non-registry rows become shares;
-- every other link, registry links included, becomes a reference and grants nothing.
update chem.project_molecules pm set grants = 'manage'
from chem.molecules m
where m.id = pm.molecule_id and m.created_by is not null and (pm.added_by is null or pm.added_by = m.created_by);
update chem.project_mixtures px set grants = 'manage'
from chem.mixtures x
where x.id = px.mixture_id and x.created_by is not null and (px.added_by is null or px.added_by = x.created_by);

-- From now on the database decides (created after the updates above, which it would overrule).
create trigger set_link_grant before insert or update on chem.project_molecules
    for each row execute function chem_private.set_link_grant();
create trigger set_link_grant before insert or update on chem.project_mixtures
    for each row execute function chem_private.set_link_grant();

-- 3. Molecules and mixtures: read through shares only; change, publish and delete per the matrix -----
alter policy molecules_read on chem.molecules
    using (is_public or created_by = (select chem_private.uid()) or chem_private.shared_molecule(id, 'read'));
alter policy molecules_update on chem.molecules
    using (created_by = (select chem_private.uid()) or chem_private.shared_molecule(id, 'change'))
    with check (created_by is not null);
alter policy molecules_delete on chem.molecules
    using (created_by = (select chem_private.uid()) or chem_private.shared_molecule(id, 'manage'));

alter policy mixtures_read on chem.mixtures
    using (is_public or created_by = (select chem_private.uid()) or chem_private.shared_mixture(id, 'read'));
alter policy mixtures_update on chem.mixtures
    using (created_by = (select chem_private.uid()) or chem_private.shared_mixture(id, 'change'))
    with check (created_by is not null);
alter policy mixtures_delete on chem.mixtures
    using (created_by = (select chem_private.uid()) or chem_private.shared_mixture(id, 'manage'));

-- Publishing and unpublishing need 'manage'; a policy cannot compare old and new values, a trigger can.
create function chem_private.check_publication() returns trigger
    language plpgsql
    set search_path = ''
as $$
begin
    if new.is_public is distinct from old.is_public and current_user <> 'cryo_service'
       and coalesce(case tg_table_name when 'molecules' then chem_private.molecule_right(old.id)
                                       else chem_private.mixture_right(old.id) end, '') <> 'manage' then
        raise exception 'only the creator and owners of a team it is shared with may publish or unpublish it'
            using errcode = '42501';
    end if;
    return new;
end
$$;
create trigger check_publication before update of is_public on chem.molecules
    for each row execute function chem_private.check_publication();
create trigger check_publication before update of is_public on chem.mixtures
    for each row execute function chem_private.check_publication();

-- Only the columns the API changes are writable by users: never a creator, an owner, a team or a structure.
revoke update on chem.molecules, chem.mixtures, chem.teams, chem.team_members, chem.projects,
                 chem.project_molecules, chem.project_mixtures, chem.toxicity, chem.mixture_components
    from cryo_authenticated;
grant update (name, is_public, updated_at) on chem.molecules to cryo_authenticated;
grant update (name, description, reference, is_public, updated_at) on chem.mixtures to cryo_authenticated;
grant update (name) on chem.teams to cryo_authenticated;
grant update (role) on chem.team_members to cryo_authenticated;
grant update (name, description) on chem.projects to cryo_authenticated;
grant update (grants, added_by, added_at) on chem.project_molecules, chem.project_mixtures to cryo_authenticated;
grant update (endpoint, species, route, value, unit, normalized_value, normalized_unit, reference) on chem.toxicity
    to cryo_authenticated;

-- 4. Rows that belong to a molecule or mixture follow its change right -------------------------
do $$
declare t text;
begin
    foreach t in array array['molecule_synonyms', 'molecule_properties']
    loop
        execute format('alter policy edit_with_molecule_insert on chem.%I '
                       'with check (chem_private.may_change(chem_private.molecule_right(molecule_id)))', t);
        execute format('alter policy edit_with_molecule_update on chem.%I '
                       'using (chem_private.may_change(chem_private.molecule_right(molecule_id))) '
                       'with check (chem_private.may_change(chem_private.molecule_right(molecule_id)))', t);
        execute format('alter policy edit_with_molecule_delete on chem.%I '
                       'using (chem_private.may_change(chem_private.molecule_right(molecule_id)))', t);
    end loop;
end
$$;

alter policy edit_with_mixture_insert on chem.mixture_components
    with check (chem_private.may_change(chem_private.mixture_right(mixture_id))
                and chem_private.visible_molecule(molecule_id));
alter policy edit_with_mixture_update on chem.mixture_components
    using (chem_private.may_change(chem_private.mixture_right(mixture_id)))
    with check (chem_private.may_change(chem_private.mixture_right(mixture_id))
                and chem_private.visible_molecule(molecule_id));
alter policy edit_with_mixture_delete on chem.mixture_components
    using (chem_private.may_change(chem_private.mixture_right(mixture_id)));

-- Toxicity: whoever may change a molecule adds measurements from their own hands ('manual') or from
-- the literature (with its reference); each measurement is changed or removed by its creator only,
-- while they still may change the molecule. Imported provenance is the service role's alone.
alter table chem.toxicity add constraint toxicity_source_known
    check (source in ('manual', 'literature', 'pubchem', 'chembl')) not valid;
alter policy edit_with_molecule_insert on chem.toxicity
    with check (created_by = (select chem_private.uid())
                and source in ('manual', 'literature') and (source = 'manual' or reference is not null)
                and chem_private.may_change(chem_private.molecule_right(molecule_id)));
alter policy edit_with_molecule_update on chem.toxicity
    using (created_by = (select chem_private.uid()) and chem_private.may_change(chem_private.molecule_right(molecule_id)))
    with check (created_by = (select chem_private.uid()) and (source = 'manual' or reference is not null)
                and chem_private.may_change(chem_private.molecule_right(molecule_id)));
alter policy edit_with_molecule_delete on chem.toxicity
    using (created_by = (select chem_private.uid()) and chem_private.may_change(chem_private.molecule_right(molecule_id)));

-- 5. Links: made by the project's editors and owners to rows they can see; what they grant is the
--    trigger's business. Unlinking is the project team's editors' and owners'. -------------------
drop policy project_molecules_write on chem.project_molecules;
create policy project_molecules_link on chem.project_molecules for insert to cryo_authenticated
    with check (chem_private.user_has_permission(project_id, 'write') and chem_private.visible_molecule(molecule_id));
create policy project_molecules_relink on chem.project_molecules for update to cryo_authenticated
    using (chem_private.user_has_permission(project_id, 'write'))
    with check (chem_private.user_has_permission(project_id, 'write') and chem_private.visible_molecule(molecule_id));
create policy project_molecules_unlink on chem.project_molecules for delete to cryo_authenticated
    using (chem_private.user_has_permission(project_id, 'write'));

drop policy project_mixtures_write on chem.project_mixtures;
create policy project_mixtures_link on chem.project_mixtures for insert to cryo_authenticated
    with check (chem_private.user_has_permission(project_id, 'write') and chem_private.visible_mixture(mixture_id));
create policy project_mixtures_relink on chem.project_mixtures for update to cryo_authenticated
    using (chem_private.user_has_permission(project_id, 'write'))
    with check (chem_private.user_has_permission(project_id, 'write') and chem_private.visible_mixture(mixture_id));
create policy project_mixtures_unlink on chem.project_mixtures for delete to cryo_authenticated
    using (chem_private.user_has_permission(project_id, 'write'));

-- 6. Teams always keep an owner ------------------------------------------------------------------
create function chem_private.keep_an_owner() returns trigger
    language plpgsql security definer
    set search_path = ''
as $$
begin
    -- Two owners removing each other at once must not both succeed: check one at a time per team.
    perform 1 from chem.teams t where t.id = old.team_id for no key update;
    if old.role = 'owner'
       and exists (select 1 from chem.teams t where t.id = old.team_id)
       and not exists (select 1 from chem.team_members tm where tm.team_id = old.team_id and tm.role = 'owner') then
        raise exception 'a team keeps at least one owner' using errcode = 'CP001';
    end if;
    return null;
end
$$;
create trigger keep_an_owner after update of role or delete on chem.team_members
    for each row execute function chem_private.keep_an_owner();

-- 7. Helpers no policy calls any more -------------------------------------------------------------
drop function chem_private.has_molecule_access(uuid, text);
drop function chem_private.has_mixture_access(uuid, text);
drop function chem_private.in_member_project(uuid, text);
drop function chem_private.mixture_in_member_project(uuid, text);

revoke all on all functions in schema chem_private from public;
grant execute on all functions in schema chem_private to cryo_anon, cryo_authenticated, cryo_service;
revoke all on function chem_private.refresh_public_molecules_summary() from cryo_anon, cryo_authenticated;
