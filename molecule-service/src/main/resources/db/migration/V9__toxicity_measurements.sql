-- Toxicity measurements as the sources report them (issue 11, TOXICITY.md B): the words kept beside
-- the controlled terms, the original text, the source record that makes imports idempotent, text
-- that did not parse kept with its reason, and per-molecule statistics kept current by triggers so
-- that ranking molecules by a statistic is an index scan.

-- 1. Columns ------------------------------------------------------------------------------------
-- species and route hold the controlled terms (null when the words map to none); *_reported the words.
alter table chem.toxicity
    add column relation text not null default '=' check (relation in ('=', '<', '>', '<=', '>=', '~')),
    add column species_reported text check (length(species_reported) <= 200),
    add column route_reported text check (length(route_reported) <= 100),
    add column exposure text check (length(exposure) <= 100),
    add column exposure_hours double precision check (exposure_hours >= 0),
    add column original_text text check (length(original_text) <= 4000),
    add column source_record text check (length(source_record) between 1 and 200),
    add column normalization_note text,
    add column unparsed_reason text check (length(unparsed_reason) between 1 and 1000),
    add column details jsonb check (jsonb_typeof(details) = 'object');
alter table chem.toxicity alter column endpoint drop not null, alter column value drop not null,
    alter column unit drop not null;
-- A parsed measurement is complete; one that did not parse keeps its text and says why.
alter table chem.toxicity add constraint toxicity_parsed_complete
    check (case when unparsed_reason is null then endpoint is not null and value is not null and unit is not null
                else original_text is not null end);

-- Measurements recorded before V9 hold the words in species/route: keep them as reported, and keep as
-- controlled terms only those that already are one (new rows are mapped by common's ToxicityVocabulary).
update chem.toxicity set species_reported = species, route_reported = route,
    species = case when lower(trim(species)) in ('rat', 'mouse', 'rabbit', 'guinea pig', 'dog', 'cat', 'hamster',
                       'monkey', 'human', 'chicken', 'quail', 'mallard', 'fathead minnow', 'rainbow trout', 'bluegill',
                       'zebrafish', 'daphnia magna') then lower(trim(species)) end,
    route = case when lower(trim(route)) in ('oral', 'intraperitoneal', 'intravenous', 'subcutaneous', 'intramuscular',
                     'dermal', 'inhalation', 'ocular', 'aquatic') then lower(trim(route)) end
where species is not null or route is not null;
update chem.toxicity set normalization_note = 'not normalized before V9' where normalized_value is null;

-- 2. Identity -------------------------------------------------------------------------------------
-- Imported rows are one per source record; rows without one (researchers', older batches) stay unique
-- by what they say, so the same manual measurement twice is still refused.
alter table chem.toxicity drop constraint toxicity_measurement_uq;
create unique index toxicity_measurement_uq on chem.toxicity
    (molecule_id, endpoint, species, species_reported, route, route_reported, relation, value, unit, source)
    nulls not distinct where source_record is null;
create unique index toxicity_source_record_uq on chem.toxicity (molecule_id, source, source_record)
    where source_record is not null;
create index toxicity_source_idx on chem.toxicity (source, id);

-- Researchers write measurements from their own hands or the literature, never a source's record,
-- text that did not parse, or a source's details: those come with imported provenance only.
alter policy edit_with_molecule_insert on chem.toxicity
    with check (created_by = (select chem_private.uid())
                and source in ('manual', 'literature') and (source = 'manual' or reference is not null)
                and source_record is null and unparsed_reason is null and details is null
                and chem_private.may_change(chem_private.molecule_right(molecule_id)));
-- Columns a researcher's change may touch: the measurement, never its provenance.
grant update (relation, species_reported, route_reported, exposure, exposure_hours, normalization_note)
    on chem.toxicity to cryo_authenticated;

-- 3. Statistics -------------------------------------------------------------------------------------
-- Per molecule x endpoint x species x route x normalized unit, over normalized values only. species
-- and route '*' are the rows over all species (routes) of the molecule; null is "not mapped".
create table chem.toxicity_stats (
    molecule_id uuid not null references chem.molecules (id) on delete cascade,
    endpoint    text not null,
    species     text,
    route       text,
    unit        text not null,
    -- the molecule's is_public, kept by a trigger on chem.molecules: lets the read policy pass the
    -- public rows (90% and more) without a lookup per row
    molecule_public boolean not null,
    n           integer not null,
    min         double precision not null,
    median      double precision not null,
    max         double precision not null,
    constraint toxicity_stats_group_uq unique nulls not distinct (molecule_id, endpoint, species, route, unit)
);
-- The ranking: one group's rows in the order of a statistic, ties broken by molecule id (the keyset).
create index toxicity_stats_median_idx on chem.toxicity_stats (endpoint, species, route, unit, median, molecule_id);
create index toxicity_stats_min_idx on chem.toxicity_stats (endpoint, species, route, unit, min, molecule_id);
create index toxicity_stats_max_idx on chem.toxicity_stats (endpoint, species, route, unit, max, molecule_id);

create table chem.toxicity_counts (
    molecule_id  uuid primary key references chem.molecules (id) on delete cascade,
    measurements integer not null,
    unparsed     integer not null
);

-- Readable exactly when the molecule is, as read_with_molecule says it, but asked row by row: written
-- as the policy's EXISTS, the planner made it one hashed scan of every molecule the caller may see
-- (300 ms at 100k molecules) even where a ranking reads 51 rows. In PL/pgSQL, run as the caller so the
-- molecules' own policy decides, it is a primary-key lookup per row read; rows of public molecules
-- (readable by everyone, as molecules_read_public and molecules_read say) need not ask.
create function chem_private.molecule_readable(p_molecule_id uuid) returns boolean
    language plpgsql stable
    set search_path = ''
as $$
begin
    return exists (select 1 from chem.molecules m where m.id = p_molecule_id);
end
$$;
revoke all on function chem_private.molecule_readable(uuid) from public;
grant execute on function chem_private.molecule_readable(uuid) to cryo_anon, cryo_authenticated, cryo_service;

-- Written by nobody but the triggers below (which run as the schema owner: FORCE applies to the owner
-- too, hence its policy).
do $$
declare t text;
begin
    foreach t in array array['toxicity_stats', 'toxicity_counts']
    loop
        execute format('alter table chem.%I enable row level security', t);
        execute format('alter table chem.%I force row level security', t);
        execute format('create policy read_with_molecule on chem.%I for select to cryo_anon, cryo_authenticated '
                       'using (%s chem_private.molecule_readable(molecule_id))', t,
                       case t when 'toxicity_stats' then 'molecule_public or' else '' end);
        execute format('create policy service_role_read on chem.%I for select to cryo_service using (true)', t);
        execute format('create policy schema_owner_maintains on chem.%I for all to current_user using (true) with check (true)', t);
        execute format('revoke all on chem.%I from public', t);
        execute format('grant select on chem.%I to cryo_anon, cryo_authenticated, cryo_service', t);
    end loop;
end
$$;

-- Recomputes the statistics of the given molecules from their measurements. Writers of one molecule
-- take turns: the first statement locks each molecule's counts row (made if need be), in id order, so
-- a concurrent writer waits for the other's commit, and the statements after it (each with a new
-- snapshot) see what the other committed. Row locks, unlike advisory locks, cost no shared memory,
-- so a bulk rebuild of every molecule takes them too.
create function chem_private.refresh_toxicity_stats(p_molecule_ids uuid[]) returns void
    language plpgsql security definer
    set search_path = ''
as $$
begin
    if cardinality(p_molecule_ids) = 0 then
        return;
    end if;
    insert into chem.toxicity_counts as c (molecule_id, measurements, unparsed)
    select m.id, 0, 0 from chem.molecules m where m.id = any(p_molecule_ids) order by m.id
    on conflict (molecule_id) do update set measurements = c.measurements;

    delete from chem.toxicity_stats where molecule_id = any(p_molecule_ids);
    insert into chem.toxicity_stats (molecule_id, endpoint, species, route, unit, molecule_public, n, min, median, max)
    select t.molecule_id, t.endpoint,
           case when grouping(t.species) = 1 then '*' else t.species end,
           case when grouping(t.route) = 1 then '*' else t.route end,
           t.normalized_unit, m.is_public, count(*), min(t.normalized_value),
           percentile_cont(0.5) within group (order by t.normalized_value), max(t.normalized_value)
    from chem.toxicity t
    join chem.molecules m on m.id = t.molecule_id
    where t.molecule_id = any(p_molecule_ids) and t.unparsed_reason is null and t.normalized_value is not null
      and t.endpoint is not null and t.normalized_unit is not null
    group by grouping sets ((t.molecule_id, m.is_public, t.endpoint, t.normalized_unit, t.species, t.route),
                            (t.molecule_id, m.is_public, t.endpoint, t.normalized_unit, t.species),
                            (t.molecule_id, m.is_public, t.endpoint, t.normalized_unit, t.route),
                            (t.molecule_id, m.is_public, t.endpoint, t.normalized_unit));

    update chem.toxicity_counts c set measurements = coalesce(x.measurements, 0), unparsed = coalesce(x.unparsed, 0)
    from unnest(p_molecule_ids) as ids(id)
    left join (select t.molecule_id, count(*) as measurements, count(*) filter (where t.unparsed_reason is not null) as unparsed
               from chem.toxicity t where t.molecule_id = any(p_molecule_ids) group by t.molecule_id) x on x.molecule_id = ids.id
    where c.molecule_id = ids.id;
    delete from chem.toxicity_counts where molecule_id = any(p_molecule_ids) and measurements = 0;
end
$$;

-- Statement-level: one recomputation per statement for the molecules it touched, however many rows.
create function chem_private.toxicity_stats_after_change() returns trigger
    language plpgsql security definer
    set search_path = ''
as $$
begin
    if tg_op = 'INSERT' then
        perform chem_private.refresh_toxicity_stats(array(select distinct n.molecule_id from new_rows n));
    elsif tg_op = 'UPDATE' then
        perform chem_private.refresh_toxicity_stats(array(select n.molecule_id from new_rows n
                                                          union select o.molecule_id from old_rows o));
    else
        perform chem_private.refresh_toxicity_stats(array(select distinct o.molecule_id from old_rows o));
    end if;
    return null;
end
$$;
create trigger toxicity_stats_after_insert after insert on chem.toxicity
    referencing new table as new_rows for each statement execute function chem_private.toxicity_stats_after_change();
create trigger toxicity_stats_after_update after update on chem.toxicity
    referencing old table as old_rows new table as new_rows for each statement
    execute function chem_private.toxicity_stats_after_change();
create trigger toxicity_stats_after_delete after delete on chem.toxicity
    referencing old table as old_rows for each statement execute function chem_private.toxicity_stats_after_change();

-- Publishing or unpublishing a molecule carries over to its statistics' copy of is_public, in the same
-- transaction.
create function chem_private.toxicity_stats_follow_publication() returns trigger
    language plpgsql security definer
    set search_path = ''
as $$
begin
    update chem.toxicity_stats set molecule_public = new.is_public where molecule_id = new.id;
    return null;
end
$$;
create trigger toxicity_stats_follow_publication after update of is_public on chem.molecules
    for each row when (old.is_public is distinct from new.is_public)
    execute function chem_private.toxicity_stats_follow_publication();

-- Every molecule's statistics from scratch: for the measurements already here, and for bulk loads that
-- bypass triggers (deploy/bench seeds). The schema owner's (and superusers') only.
create function chem_private.rebuild_toxicity_stats() returns void
    language sql security definer
    set search_path = ''
as $$
    select chem_private.refresh_toxicity_stats(array(select distinct t.molecule_id from chem.toxicity t))
$$;

revoke all on function chem_private.refresh_toxicity_stats(uuid[]), chem_private.toxicity_stats_after_change(),
    chem_private.toxicity_stats_follow_publication(), chem_private.rebuild_toxicity_stats() from public;
select chem_private.rebuild_toxicity_stats();
