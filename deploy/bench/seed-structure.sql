-- Structure-search benchmark data (run-structure-bench.sh, deploy/bench/README.md).
--
--   psql -v ON_ERROR_STOP=1 -v data_dir=<generator output> [-v bench_user=<uuid>] -d cryo_structbench \
--        -f deploy/bench/seed-structure.sql
--
-- Run as a superuser on a fresh database after molecule-service's migrations (V1..V12). The molecules
-- are not made up here: StructureRegistryGenerator (molecule-service test sources) computed every
-- structure column with the service's own StructureCalculator and wrote COPY files in data_dir:
--   molecules.tsv   one row per molecule: index, name, SMILES, canonical SMILES, InChI, InChIKey, formula,
--                   parent InChIKey, ECFP4 and screen fingerprints (hex), popcount, category, match mask
--   properties.tsv  the 7 CDK descriptors per molecule, with what they describe (molecule or parent)
-- Ownership is decided here, as in seed.sql, from the index i (ids e0000000-...-<i as 12 hex digits>):
--   i % 10 = 0   private, created by user (i / 10 - 1) % 2500 + 1, in a project of that user's team
--                (grants 'manage'); the bench user (editor of teams 1, 126, 251, 376) sees 0.8 % of them
--   otherwise    public registry entries (created_by null); every 20th also linked to a project as a reference
-- The people (2,500 users, 500 teams, 5,000 projects) are seed-people.sql's, shared with seed.sql.
-- bench.structures keeps the generator's rows (index, category, match mask) for the benchmark's counts:
-- it is in a schema no service role can read.
\set ON_ERROR_STOP on
\if :{?bench_user}
\else
\set bench_user 'be4c0000-0000-4000-8000-000000000001'
\endif
\if :{?data_dir}
\else
\echo 'seed-structure.sql needs -v data_dir=<directory with molecules.tsv and properties.tsv>'
\quit
\endif
\set molecules_file :data_dir '/molecules.tsv'
\set properties_file :data_dir '/properties.tsv'
\timing on

-- Seeding only: skip FK triggers (the rows are consistent by construction) and WAL flushes.
set session_replication_role = replica;
set synchronous_commit = off;
set maintenance_work_mem = '512MB';
set work_mem = '64MB';

begin;

\ir seed-people.sql

create schema bench;
create table bench.structures (
    idx              int primary key,
    name             text not null,
    smiles           text not null,
    canonical_smiles text,
    inchi            text,
    inchikey         text not null,
    formula          text,
    parent_inchikey  text not null,
    similarity_hex   text not null,
    similarity_bits  smallint not null,
    screen_hex       text not null,
    category         text not null,
    match_mask       int not null
);
-- (\copy takes the rest of its line verbatim: a variable holding the whole command is how it gets a path)
\set copy_in '\\copy bench.structures from ' :'molecules_file'
:copy_in

insert into chem.molecules (id, name, formula, smiles, canonical_smiles, inchi, inchikey, is_public, created_by,
                            created_at, updated_at, parent_inchikey, similarity_fp, similarity_bits, screen_fp)
select pg_temp.uuid_of('e0000000', idx), name, formula, smiles, canonical_smiles, inchi, inchikey,
       idx % 10 <> 0,
       case when idx % 10 = 0 then pg_temp.uuid_of('a0000000', (idx / 10 - 1) % 2500 + 1) end,
       now() - (idx % 1000) * interval '1 hour', now() - (idx % 1000) * interval '1 hour',
       parent_inchikey, ('x' || similarity_hex)::bit(1024), similarity_bits, ('x' || screen_hex)::bit(1024)
from bench.structures
order by idx;

alter table bench.structures drop column similarity_hex, drop column screen_hex, drop column inchi;

-- property rows carry their molecule's is_public (V15): every 10th molecule is private
create temp table bench_properties (molecule_id uuid, name text, value float8, unit text, source text, describes text);
\set copy_in '\\copy bench_properties from ' :'properties_file'
:copy_in
insert into chem.molecule_properties (molecule_id, name, value, unit, source, describes, molecule_public)
select p.molecule_id, p.name, p.value, p.unit, p.source, p.describes, m.is_public
from bench_properties p join chem.molecules m on m.id = p.molecule_id;
drop table bench_properties;

insert into chem.project_molecules (project_id, molecule_id, added_by, grants)
select pg_temp.uuid_of('d0000000', ((u - 1) % 500) * 10 + (idx / 10) % 10 + 1), pg_temp.uuid_of('e0000000', idx),
       pg_temp.uuid_of('a0000000', u), 'manage'
from bench.structures
cross join lateral (select (idx / 10 - 1) % 2500 + 1 as u) c
where idx % 10 = 0
union all
select pg_temp.uuid_of('d0000000', (idx / 20) % 5000 + 1), pg_temp.uuid_of('e0000000', idx),
       pg_temp.uuid_of('a0000000', ((idx / 20) % 5000) / 10 + 1), 'reference'
from bench.structures
where idx % 20 = 1;

commit;

reset session_replication_role;

refresh materialized view chem.public_molecules_summary;
vacuum analyze chem.molecules;
analyze chem.user_profiles, chem.teams, chem.team_members, chem.projects, chem.molecule_properties,
        chem.project_molecules, chem.public_molecules_summary, bench.structures;

\timing off
select 'molecules' as rows_in, count(*) as n from chem.molecules
union all select 'molecules public', count(*) from chem.molecules where is_public
union all select 'molecules with fingerprints', count(*) from chem.molecules where similarity_fp is not null
union all select 'molecule_properties', count(*) from chem.molecule_properties
union all select 'project_molecules', count(*) from chem.project_molecules;
