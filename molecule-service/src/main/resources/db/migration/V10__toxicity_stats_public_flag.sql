-- Measured with deploy/bench (run-toxicity-bench.sh): a team member's ranking asked V9's
-- chem_private.molecule_readable for every statistics row it read. Rows of public molecules are
-- readable by everyone (molecules_read_public, molecules_read), so a copy of the molecule's is_public on
-- each statistics row lets the policy pass them without that lookup; the function still decides for
-- the others. The copy is written with the statistics and follows publishing in the same transaction.
alter table chem.toxicity_stats add column molecule_public boolean;
update chem.toxicity_stats s set molecule_public = m.is_public from chem.molecules m where m.id = s.molecule_id;
alter table chem.toxicity_stats alter column molecule_public set not null;

alter policy read_with_molecule on chem.toxicity_stats
    using (molecule_public or chem_private.molecule_readable(molecule_id));

create or replace function chem_private.refresh_toxicity_stats(p_molecule_ids uuid[]) returns void
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

revoke all on function chem_private.refresh_toxicity_stats(uuid[]), chem_private.toxicity_stats_follow_publication()
    from public;
