-- Toxicity benchmark data (deploy/bench/README.md, run-toxicity-bench.sh): 1,000,000 measurements
-- over the 100k molecules of seed.sql, replacing its 50k toxicity rows.
--
--   psql -v ON_ERROR_STOP=1 -d cryo_bench -f deploy/bench/seed.sql
--   psql -v ON_ERROR_STOP=1 -d cryo_bench -f deploy/bench/seed-toxicity.sql
--
-- Run as a superuser after the migrations (V1..V9) and seed.sql. Deterministic: measurement k (0..9)
-- of molecule i is derived from (i, k), so every run ranks the same rows. Per molecule 10 measurements:
--
--   endpoint   LD50 50%, LC50 15%, IC50 10%, EC50 5%, CC50 5%, LDLo 5%, TDLo 5%, NOAEL 5%
--   doses      species rat 45%, mouse 35%, rabbit 8%, guinea pig 4%, dog 3%, human 2%, unmapped 3%
--              ("Bovine", kept as reported only); route oral 45%, intraperitoneal 20%, intravenous 12%,
--              subcutaneous 10%, dermal 8%, inhalation 5%; mg/kg or g/kg, 1 in 50 in mL/kg (not normalized)
--   LC50       fathead minnow, rainbow trout, bluegill, daphnia magna; aquatic; 96 hr / 48 hr; mg/L -> µM
--              with the molecule's molecular weight
--   IC50, EC50, CC50  human or no species, no route; nM or µM
--   3%         of public molecules' rows: text that did not parse (no endpoint, value or unit; text and reason kept)
--   provenance private molecules (i % 10 = 0): manual, by their creator; public ones: pubchem 2 in 3
--              (record "n/<md5 prefix>", PUG-View text), chembl 1 in 3 (record = activity id)
--
-- About 65% of the molecules end up with a rat oral LD50: the ranking's main group.
\set ON_ERROR_STOP on
\timing on

set session_replication_role = replica;   -- no triggers while loading: the statistics are rebuilt at the end
set synchronous_commit = off;
set maintenance_work_mem = '256MB';
set work_mem = '64MB';

begin;

create function pg_temp.rnd(i int, salt int) returns double precision
    language sql immutable
as $$ select ((hashint4(i * 31 + salt)::bigint + 2147483648) % 1000003) / 1000003.0 $$;

truncate chem.toxicity;

with rows as (
    select i, k, i * 10 + k as n, i % 10 = 0 as private, p.value as mw
    from generate_series(1, 100000) i
    cross join generate_series(0, 9) k
    left join chem.molecule_properties p
           on p.molecule_id = ('e0000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid and p.name = 'molecular_weight'),
shaped as (
    select r.*, pg_temp.rnd(r.n, 11) as r_endpoint,
           not r.private and pg_temp.rnd(r.n, 12) < 0.03 as unparsed,
           pg_temp.rnd(r.n, 13) as r_species, pg_temp.rnd(r.n, 14) as r_route, pg_temp.rnd(r.n, 15) as r_value,
           pg_temp.rnd(r.n, 16) as r_unit
    from rows r),
typed as (
    select s.*,
           case when s.r_endpoint < 0.50 then 'LD50' when s.r_endpoint < 0.65 then 'LC50' when s.r_endpoint < 0.75 then 'IC50'
                when s.r_endpoint < 0.80 then 'EC50' when s.r_endpoint < 0.85 then 'CC50' when s.r_endpoint < 0.90 then 'LDLo'
                when s.r_endpoint < 0.95 then 'TDLo' else 'NOAEL' end as endpoint
    from shaped s),
measured as (
    select s.*,
           case when s.endpoint in ('LD50', 'LDLo', 'TDLo', 'NOAEL') then
                    case when s.r_species < 0.45 then 'Rat' when s.r_species < 0.80 then 'Mouse' when s.r_species < 0.88 then 'Rabbit'
                         when s.r_species < 0.92 then 'Guinea pig' when s.r_species < 0.95 then 'Dog'
                         when s.r_species < 0.97 then 'Human' else 'Bovine' end
                when s.endpoint = 'LC50' then
                    (array['Fathead minnow', 'Rainbow trout', 'Bluegill', 'Daphnia magna'])[1 + floor(s.r_species * 4)::int]
                when s.r_species < 0.6 then 'Human' end as species_reported,
           case when s.endpoint in ('LD50', 'LDLo', 'TDLo', 'NOAEL') then
                    case when s.r_route < 0.45 then 'oral' when s.r_route < 0.65 then 'ip' when s.r_route < 0.77 then 'iv'
                         when s.r_route < 0.87 then 'sc' when s.r_route < 0.95 then 'skin' else 'inhalation' end
                when s.endpoint = 'LC50' then 'aquatic' end as route_reported,
           case when s.endpoint in ('LD50', 'LDLo', 'TDLo', 'NOAEL') then
                    case when s.r_unit < 0.02 then 'mL/kg' when s.r_unit < 0.30 then 'g/kg' else 'mg/kg' end
                when s.endpoint = 'LC50' then 'mg/L'
                else case when s.r_unit < 0.5 then 'nM' else 'µM' end end as unit,
           -- log-uniform over four decades, in the unit's own scale
           round(power(10, 4 * s.r_value)::numeric, 2)::float8
               * case when s.endpoint in ('LD50', 'LDLo', 'TDLo', 'NOAEL') then 1 when s.endpoint = 'LC50' then 0.1 else 10 end
               as value
    from typed s),
normalized as (
    select m.*,
           case when m.unparsed then null
                when m.unit = 'mg/kg' then m.value when m.unit = 'g/kg' then m.value * 1000
                when m.unit = 'mg/L' and m.mw > 0 then m.value / m.mw * 1000
                when m.unit = 'nM' then m.value / 1000 when m.unit = 'µM' then m.value end as normalized_value
    from measured m)
insert into chem.toxicity (molecule_id, endpoint, relation, value, unit, normalized_value, normalized_unit, normalization_note,
                           species, species_reported, route, route_reported, exposure, exposure_hours, original_text,
                           source, source_record, reference, unparsed_reason, details, created_by)
select ('e0000000-0000-4000-8000-' || lpad(to_hex(n.i), 12, '0'))::uuid,
       case when not n.unparsed then n.endpoint end,
       case when not n.unparsed and pg_temp.rnd(n.n, 17) < 0.05 then '>' else '=' end,
       case when not n.unparsed then n.value end,
       case when not n.unparsed then n.unit end,
       n.normalized_value,
       case when n.normalized_value is not null then case when n.unit in ('mg/kg', 'g/kg') then 'mg/kg' else 'µM' end end,
       case when not n.unparsed and n.normalized_value is null then 'mL/kg needs the density of the liquid' end,
       case when not n.unparsed then case n.species_reported when 'Bovine' then null else lower(n.species_reported) end end,
       case when not n.unparsed then n.species_reported end,
       case when not n.unparsed then case n.route_reported when 'ip' then 'intraperitoneal' when 'iv' then 'intravenous'
                                                           when 'sc' then 'subcutaneous' when 'skin' then 'dermal'
                                                           else n.route_reported end end,
       case when not n.unparsed then n.route_reported end,
       case when not n.unparsed and n.endpoint = 'LC50' then case when n.r_route < 0.7 then '96 hr' else '48 hr' end end,
       case when not n.unparsed and n.endpoint = 'LC50' then case when n.r_route < 0.7 then 96 else 48 end end,
       case when n.unparsed then 'Toxic in high doses; see source ' || n.n
            when n.private or n.k % 3 = 2 then null
            else n.endpoint || ' ' || coalesce(n.species_reported, '') || ' ' || coalesce(n.route_reported, '') || ' '
                 || n.value || ' ' || n.unit end,
       case when n.private then 'manual' when n.k % 3 = 2 then 'chembl' else 'pubchem' end,
       case when n.private then null when n.k % 3 = 2 then (10000000 + n.n)::text
            else (n.k + 1) || '/' || substr(md5(n.n::text), 1, 16) end,
       case when n.private then null when n.k % 3 = 2 then 'CHEMBL' || (1100000 + n.i % 5000)
            else 'Bench reference ' || (n.i % 997) end,
       case when n.unparsed then 'no value with a unit' end,
       case when not n.private and n.k % 3 = 2 then
            jsonb_build_object('assay_type', 'T', 'target_organism', 'Rattus norvegicus',
                               'document_chembl_id', 'CHEMBL' || (1100000 + n.i % 5000)) end,
       case when n.private then ('a0000000-0000-4000-8000-' || lpad(to_hex((n.i / 10 - 1) % 2500 + 1), 12, '0'))::uuid end
from normalized n;

commit;

reset session_replication_role;
select chem_private.rebuild_toxicity_stats();
analyze chem.toxicity, chem.toxicity_stats, chem.toxicity_counts;

\timing off
select 'toxicity' as rows_in, count(*) as n from chem.toxicity
union all select 'toxicity unparsed', count(*) from chem.toxicity where unparsed_reason is not null
union all select 'toxicity not normalized', count(*) from chem.toxicity where unparsed_reason is null and normalized_value is null
union all select 'toxicity_stats', count(*) from chem.toxicity_stats
union all select 'toxicity_stats LD50 rat oral mg/kg', count(*) from chem.toxicity_stats
          where endpoint = 'LD50' and species = 'rat' and route = 'oral' and unit = 'mg/kg'
union all select 'toxicity_counts', count(*) from chem.toxicity_counts;
