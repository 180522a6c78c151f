-- Benchmark data for molecule-service (deploy/bench/README.md).
--
--   psql -v ON_ERROR_STOP=1 [-v bench_user=<uuid>] -d cryo_bench -f deploy/bench/seed.sql
--
-- Run as a superuser on a fresh database AFTER molecule-service's Flyway migrations (V1..V3) ran.
-- Superusers bypass RLS, so the inserts below see and write every row. Everything is derived from
-- generate_series indexes, so two runs produce the same rows (ids included) and the benchmark's
-- queries have stable answers:
--
--   users        2,500   a0000000-0000-4000-8000-<index as 12 hex digits>, plus the bench user
--   teams          500   c0000000-...  (team t is owned and created by user t)
--   team_members 3,754   every user in 1 team, every second user in a 2nd; owner/editor/viewer;
--                        the bench user is an editor of teams 1, 126, 251 and 376
--   projects     5,000   d0000000-...  (10 per team, created by the team's owner)
--   molecules  100,000   e0000000-...; index i % 10 = 0 is private (10k rows, created_by spread over
--                        the 2,500 users), the rest are public registry entries (created_by null)
--   synonyms   ~250,200  2-3 per molecule
--   properties 1,000,000 10 per molecule (7 core descriptors + heavy_atom_count, complexity, formal_charge)
--   toxicity    50,000   one measurement for every even index
--   project_molecules 15,000  every private molecule in a project of its creator's team, plus 5,000 public
--
-- Search terms with known answers (q= matches name or synonym, case-insensitive substring):
--   "cryoprotectant"  600 molecules: 200 public names (i % 500 = 7), 200 private names (i % 500 = 10),
--                     200 public synonyms (i % 500 = 257); the bench user sees the 400 public ones
--                     plus the private ones linked to its teams' projects.
\set ON_ERROR_STOP on
\if :{?bench_user}
\else
\set bench_user 'be4c0000-0000-4000-8000-000000000001'
\endif
\timing on

-- Seeding only: skip FK triggers (the rows are consistent by construction) and WAL flushes.
set session_replication_role = replica;
set synchronous_commit = off;
set maintenance_work_mem = '256MB';
set work_mem = '64MB';

begin;

\ir seed-people.sql

-- --- molecules -------------------------------------------------------------------------------
insert into chem.molecules (id, name, formula, smiles, canonical_smiles, inchi, inchikey, pubchem_cid, chembl_id,
                            is_public, created_by, created_at, updated_at)
select pg_temp.uuid_of('e0000000', i),
       case when i % 500 in (7, 10) then 'cryoprotectant-like ' else '' end
           || (array['', 'methyl', 'ethyl', 'hydroxy', 'amino', 'chloro', 'acetyl'])[i % 7 + 1]
           || (array['glycerol', 'ethylene glycol', 'propanediol', 'dimethyl sulfoxide', 'trehalose', 'sucrose',
                     'raffinose', 'mannitol', 'sorbitol', 'xylitol', 'erythritol', 'glucose', 'formamide',
                     'acetamide', 'methanol', 'betaine', 'proline', 'ectoine', 'taurine', 'glycine',
                     'dextran', 'ficoll', 'hydroxyethyl starch', 'polyvinyl alcohol', 'polyethylene glycol',
                     'butanediol', 'pentanediol', 'hexanediol', 'urea', 'threitol', 'inositol', 'maltose',
                     'lactose', 'melezitose', 'stachyose', 'arabinose', 'ribitol', 'carnitine', 'choline',
                     'sarcosine', 'hydroxyproline'])[i % 41 + 1]
           || ' ' || lpad(i::text, 6, '0'),
       'C' || (i % 24 + 1) || 'H' || (2 * (i % 24 + 1) + 2) || 'O' || (i % 5 + 1),
       repeat('C', i % 24 + 1) || 'O',
       repeat('C', i % 24 + 1) || 'O',
       'InChI=1S/C' || (i % 24 + 1) || 'H' || (2 * (i % 24 + 1) + 2) || 'O' || (i % 5 + 1) || '/c' || i,
       pg_temp.letters(i::text, 10) || pg_temp.b26(i) || '-' || pg_temp.letters('s' || i, 8) || 'SA-N',
       case when i % 10 <> 0 then i end,
       case when i % 10 <> 0 and i % 3 = 0 then 'CHEMBL' || (i + 500000) end,
       i % 10 <> 0,
       case when i % 10 = 0 then pg_temp.uuid_of('a0000000', (i / 10 - 1) % 2500 + 1) end,
       now() - (i % 1000) * interval '1 hour', now() - (i % 1000) * interval '1 hour'
from generate_series(1, 100000) i;

insert into chem.molecule_synonyms (molecule_id, synonym, molecule_public)
select m.id, s.synonym, m.is_public
from chem.molecules m
cross join lateral (values (m.name),
                           ('CPD-' || right(m.name, 6)),
                           (case when right(m.name, 6)::int % 500 = 257 then 'putative cryoprotectant agent ' || right(m.name, 6)
                                 when right(m.name, 6)::int % 2 = 0 then 'SYN-' || upper(substr(md5(m.id::text), 1, 10)) end)) s(synonym)
where s.synonym is not null;

insert into chem.molecule_properties (molecule_id, name, value, unit, source, updated_at, molecule_public)
select pg_temp.uuid_of('e0000000', i), p.name,
       case p.name
           when 'molecular_weight' then round((30 + 570 * pg_temp.rnd(i, 1))::numeric, 3)
           when 'exact_mass'       then round((30 + 570 * pg_temp.rnd(i, 1) - 0.02)::numeric, 4)
           when 'xlogp'            then round((-4 + 9 * pg_temp.rnd(i, 2))::numeric, 2)
           when 'tpsa'             then round((200 * pg_temp.rnd(i, 3))::numeric, 2)
           when 'hbd'              then floor(8 * pg_temp.rnd(i, 4))
           when 'hba'              then floor(14 * pg_temp.rnd(i, 5))
           when 'rotatable_bonds'  then floor(20 * pg_temp.rnd(i, 6))
           when 'heavy_atom_count' then 2 + floor(40 * pg_temp.rnd(i, 7))
           when 'complexity'       then round((800 * pg_temp.rnd(i, 8))::numeric, 1)
           else 0
       end,
       case p.name when 'molecular_weight' then 'g/mol' when 'exact_mass' then 'Da' when 'tpsa' then 'Å²' end,
       case when i % 10 <> 0 and p.k <= 7 then 'pubchem' else 'cdk' end,
       now() - (i % 1000) * interval '1 hour',
       i % 10 <> 0
from generate_series(1, 100000) i
cross join (values (1, 'molecular_weight'), (2, 'exact_mass'), (3, 'xlogp'), (4, 'tpsa'), (5, 'hbd'), (6, 'hba'),
                   (7, 'rotatable_bonds'), (8, 'heavy_atom_count'), (9, 'complexity'), (10, 'formal_charge')) p(k, name);

insert into chem.toxicity (molecule_id, endpoint, species, route, value, unit, normalized_value, normalized_unit,
                           source, reference, created_by)
select pg_temp.uuid_of('e0000000', i), e.endpoint,
       (array['rat', 'mouse', 'human', 'rabbit', 'bovine'])[i % 5 + 1],
       case when e.dose then (array['oral', 'intravenous', 'intraperitoneal', 'dermal'])[i % 4 + 1] end,
       v.value, case when e.dose then 'mg/kg' else 'µM' end,
       v.value, case when e.dose then 'mg/kg' else 'µM' end,
       case when i % 10 = 0 then 'manual' else 'pubchem' end,
       'bench:' || i,
       case when i % 10 = 0 then pg_temp.uuid_of('a0000000', (i / 10 - 1) % 2500 + 1) end
from generate_series(2, 100000, 2) i
cross join lateral (select (array['LD50', 'LC50', 'IC50', 'CC50', 'EC50', 'NOAEL'])[(i / 2) % 6 + 1] as endpoint) e0
cross join lateral (select e0.endpoint, e0.endpoint in ('LD50', 'NOAEL') as dose) e
cross join lateral (select round((10000 * pg_temp.rnd(i, 9))::numeric, 2)::float8 + 0.01 as value) v;

-- Every private molecule sits in a project of its creator's (first) team, shared by its creator
-- (grants 'manage'); every 20th public one too, as a reference (registry rows always are). The
-- trigger that decides grants is off while seeding, so they are written here.
insert into chem.project_molecules (project_id, molecule_id, added_by, grants)
select pg_temp.uuid_of('d0000000', ((u - 1) % 500) * 10 + (i / 10) % 10 + 1), pg_temp.uuid_of('e0000000', i),
       pg_temp.uuid_of('a0000000', u), 'manage'
from generate_series(10, 100000, 10) i
cross join lateral (select (i / 10 - 1) % 2500 + 1 as u) c
union all
select pg_temp.uuid_of('d0000000', (i / 20) % 5000 + 1), pg_temp.uuid_of('e0000000', i),
       pg_temp.uuid_of('a0000000', ((i / 20) % 5000) / 10 + 1), 'reference'
from generate_series(1, 100000, 20) i;

commit;

reset session_replication_role;

refresh materialized view chem.public_molecules_summary;
analyze chem.user_profiles, chem.teams, chem.team_members, chem.projects, chem.molecules, chem.molecule_synonyms,
        chem.molecule_properties, chem.toxicity, chem.project_molecules, chem.public_molecules_summary;

\timing off
select 'molecules' as rows_in, count(*) as n from chem.molecules
union all select 'molecules public', count(*) from chem.molecules where is_public
union all select 'molecule_properties', count(*) from chem.molecule_properties
union all select 'molecule_synonyms', count(*) from chem.molecule_synonyms
union all select 'toxicity', count(*) from chem.toxicity
union all select 'teams', count(*) from chem.teams
union all select 'team_members', count(*) from chem.team_members
union all select 'projects', count(*) from chem.projects
union all select 'project_molecules', count(*) from chem.project_molecules
union all select 'public_molecules_summary', count(*) from chem.public_molecules_summary;
