-- Measured with deploy/bench (100k molecules, 1M properties): three changes that keep Row Level
-- Security cheap without weakening it.

-- 1. The security-definer helpers run as the schema owner. FORCE ROW LEVEL SECURITY applies to the
--    owner too, so unless the owner is a superuser it needs a policy of its own to read what the
--    helpers look up (memberships, links, names). Requests never run as the owner.
do $$
declare t text;
begin
    foreach t in array array['user_profiles', 'teams', 'team_members', 'projects', 'molecules',
                             'molecule_synonyms', 'molecule_properties', 'toxicity', 'mixtures',
                             'mixture_components', 'project_molecules', 'project_mixtures']
    loop
        execute format('create policy schema_owner_read on chem.%I for select to current_user using (true)', t);
    end loop;
end
$$;

-- 2. Rows of a molecule are readable when the molecule is: the check is a primary-key lookup under
--    the molecule's own policy, instead of a definer function call per row. Write policies are
--    split by command, because FOR ALL policies are also OR-ed into every SELECT.
do $$
declare t text;
begin
    foreach t in array array['molecule_synonyms', 'molecule_properties', 'toxicity']
    loop
        execute format('drop policy %s on chem.%I',
                       case t when 'molecule_synonyms' then 'synonyms_read_public'
                              when 'molecule_properties' then 'properties_read_public'
                              else 'toxicity_read_public' end, t);
        execute format('drop policy %s on chem.%I',
                       case t when 'molecule_synonyms' then 'synonyms_read'
                              when 'molecule_properties' then 'properties_read' else 'toxicity_read' end, t);
        execute format('drop policy %s on chem.%I',
                       case t when 'molecule_synonyms' then 'synonyms_write'
                              when 'molecule_properties' then 'properties_write' else 'toxicity_write' end, t);
        execute format('create policy read_with_molecule on chem.%I for select to cryo_anon, cryo_authenticated '
                       'using (exists (select 1 from chem.molecules m where m.id = molecule_id))', t);
        execute format('create policy edit_with_molecule_update on chem.%I for update to cryo_authenticated '
                       'using (chem_private.has_molecule_access(molecule_id, ''editor'')) '
                       'with check (chem_private.has_molecule_access(molecule_id, ''editor''))', t);
        execute format('create policy edit_with_molecule_delete on chem.%I for delete to cryo_authenticated '
                       'using (chem_private.has_molecule_access(molecule_id, ''editor''))', t);
    end loop;
end
$$;
create policy edit_with_molecule_insert on chem.molecule_synonyms for insert to cryo_authenticated
    with check (chem_private.has_molecule_access(molecule_id, 'editor'));
create policy edit_with_molecule_insert on chem.molecule_properties for insert to cryo_authenticated
    with check (chem_private.has_molecule_access(molecule_id, 'editor'));
create policy edit_with_molecule_insert on chem.toxicity for insert to cryo_authenticated
    with check (chem_private.has_molecule_access(molecule_id, 'editor') and created_by = (select chem_private.uid()));

drop policy components_read_public on chem.mixture_components;
drop policy components_read on chem.mixture_components;
drop policy components_write on chem.mixture_components;
create policy read_with_mixture on chem.mixture_components for select to cryo_anon, cryo_authenticated
    using (exists (select 1 from chem.mixtures x where x.id = mixture_id));
create policy edit_with_mixture_insert on chem.mixture_components for insert to cryo_authenticated
    with check (chem_private.has_mixture_access(mixture_id, 'editor') and chem_private.has_molecule_access(molecule_id));
create policy edit_with_mixture_update on chem.mixture_components for update to cryo_authenticated
    using (chem_private.has_mixture_access(mixture_id, 'editor'))
    with check (chem_private.has_mixture_access(mixture_id, 'editor') and chem_private.has_molecule_access(molecule_id));
create policy edit_with_mixture_delete on chem.mixture_components for delete to cryo_authenticated
    using (chem_private.has_mixture_access(mixture_id, 'editor'));

-- 3. ILIKE is not leakproof, so under RLS the planner may not use the trigram indexes directly.
--    This helper searches names and synonyms with them and returns ids only; the caller's query
--    still applies every policy to the molecules it returns.
create function chem_private.molecule_ids_matching(p_pattern text) returns setof uuid
    language sql stable security definer
    set search_path = ''
as $$
    select m.id from chem.molecules m where m.name ilike p_pattern
    union
    select s.molecule_id from chem.molecule_synonyms s where s.synonym ilike p_pattern
$$;
revoke all on function chem_private.molecule_ids_matching(text) from public;
grant execute on function chem_private.molecule_ids_matching(text) to cryo_anon, cryo_authenticated, cryo_service;

-- Short OLTP queries: JIT compilation costs more than it saves, and no request should run away.
do $$
begin
    execute 'alter role cryo_authenticator set jit = off';
    execute 'alter role cryo_authenticator set statement_timeout = ''10s''';
exception when insufficient_privilege then
    raise notice 'cannot tune cryo_authenticator here: set jit = off and statement_timeout on it by hand';
end
$$;
