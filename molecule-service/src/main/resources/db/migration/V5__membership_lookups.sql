-- The membership helpers are set-returning functions, which the planner assumes yield 1000 rows:
-- it then hash-joins whole tables (4-5 ms per statement at 5k projects). Written as one join from
-- the caller's memberships, with a realistic row estimate, they follow the indexes instead; and in
-- PL/pgSQL, whose plans are cached per pooled connection, where a SQL function is planned anew in
-- every statement (about 1 ms each).
create or replace function chem_private.team_ids(p_min_role text default 'viewer') returns setof uuid
    language plpgsql stable security definer
    set search_path = ''
    rows 10
as $$
begin
    return query
    select tm.team_id from chem.team_members tm
    where tm.user_id = chem_private.uid()
      and case p_min_role when 'owner' then tm.role = 'owner'
                          when 'editor' then tm.role in ('owner', 'editor')
                          else true end;
end
$$;

create or replace function chem_private.team_molecule_ids(p_min_role text default 'viewer') returns setof uuid
    language plpgsql stable security definer
    set search_path = ''
    rows 100
as $$
begin
    return query
    select pm.molecule_id
    from chem.team_members tm
    join chem.projects p on p.team_id = tm.team_id
    join chem.project_molecules pm on pm.project_id = p.id
    where tm.user_id = chem_private.uid()
      and case p_min_role when 'owner' then tm.role = 'owner'
                          when 'editor' then tm.role in ('owner', 'editor')
                          else true end;
end
$$;

create or replace function chem_private.team_mixture_ids(p_min_role text default 'viewer') returns setof uuid
    language plpgsql stable security definer
    set search_path = ''
    rows 100
as $$
begin
    return query
    select px.mixture_id
    from chem.team_members tm
    join chem.projects p on p.team_id = tm.team_id
    join chem.project_mixtures px on px.project_id = p.id
    where tm.user_id = chem_private.uid()
      and case p_min_role when 'owner' then tm.role = 'owner'
                          when 'editor' then tm.role in ('owner', 'editor')
                          else true end;
end
$$;

-- Search stays SQL: planned with the actual pattern, it uses the trigram indexes (a cached generic
-- plan in PL/pgSQL does worse here).
create or replace function chem_private.molecule_ids_matching(p_pattern text) returns setof uuid
    language sql stable security definer
    set search_path = ''
    rows 100
as $$
    select m.id from chem.molecules m where m.name ilike p_pattern
    union
    select s.molecule_id from chem.molecule_synonyms s where s.synonym ilike p_pattern
$$;
