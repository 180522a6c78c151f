-- Schema chem: molecules, their properties and toxicity, mixtures, and the teams that share them.
-- User ids are the `sub` of auth-service tokens; users themselves live in auth-service.
create extension if not exists pg_trgm;

create schema if not exists chem;

create table chem.user_profiles (
    id           uuid primary key,
    display_name text,
    created_at   timestamptz not null default now()
);

create table chem.teams (
    id         uuid primary key default gen_random_uuid(),
    name       text not null check (length(name) between 1 and 200),
    created_by uuid not null,
    created_at timestamptz not null default now()
);
create index teams_created_by_idx on chem.teams (created_by);

create table chem.team_members (
    team_id    uuid not null references chem.teams (id) on delete cascade,
    user_id    uuid not null,
    role       text not null check (role in ('owner', 'editor', 'viewer')),
    created_at timestamptz not null default now(),
    primary key (team_id, user_id)
);
create index team_members_user_idx on chem.team_members (user_id, team_id);

create table chem.projects (
    id          uuid primary key default gen_random_uuid(),
    team_id     uuid not null references chem.teams (id) on delete cascade,
    name        text not null check (length(name) between 1 and 200),
    description text,
    created_by  uuid not null,
    created_at  timestamptz not null default now()
);
create index projects_team_idx on chem.projects (team_id);
create index projects_created_by_idx on chem.projects (created_by);

create table chem.molecules (
    id               uuid primary key default gen_random_uuid(),
    name             text not null check (length(name) between 1 and 500),
    formula          text,
    smiles           text not null,
    canonical_smiles text,
    inchi            text,
    inchikey         text not null check (inchikey ~ '^[A-Z]{14}-[A-Z]{10}-[A-Z]$'),
    pubchem_cid      bigint check (pubchem_cid > 0),
    chembl_id        text check (chembl_id ~ '^CHEMBL[0-9]+$'),
    is_public        boolean not null default false,
    created_by       uuid,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
-- Registry entries are unique by InChIKey among public rows; a researcher's own rows per owner.
create unique index molecules_public_inchikey_uq on chem.molecules (inchikey) where is_public;
create unique index molecules_owner_inchikey_uq on chem.molecules (created_by, inchikey) where not is_public;
create index molecules_inchikey_idx on chem.molecules (inchikey);
create index molecules_created_by_idx on chem.molecules (created_by);
create index molecules_is_public_idx on chem.molecules (is_public) where is_public;
create index molecules_name_id_idx on chem.molecules (name, id);
create index molecules_name_trgm_idx on chem.molecules using gin (name gin_trgm_ops);
create index molecules_formula_idx on chem.molecules (formula);
create index molecules_pubchem_cid_idx on chem.molecules (pubchem_cid);
create index molecules_chembl_id_idx on chem.molecules (chembl_id);

create table chem.molecule_synonyms (
    molecule_id uuid not null references chem.molecules (id) on delete cascade,
    synonym     text not null check (length(synonym) between 1 and 500),
    primary key (molecule_id, synonym)
);
create index molecule_synonyms_trgm_idx on chem.molecule_synonyms using gin (synonym gin_trgm_ops);

create table chem.molecule_properties (
    molecule_id uuid not null references chem.molecules (id) on delete cascade,
    name        text not null check (name ~ '^[a-z][a-z0-9_]{0,62}$'),
    value       double precision not null,
    unit        text,
    source      text not null check (source in ('pubchem', 'chembl', 'cdk', 'manual')),
    updated_at  timestamptz not null default now(),
    primary key (molecule_id, name)
);
create index molecule_properties_range_idx on chem.molecule_properties (name, value, molecule_id);

create table chem.toxicity (
    id               uuid primary key default gen_random_uuid(),
    molecule_id      uuid not null references chem.molecules (id) on delete cascade,
    endpoint         text not null check (length(endpoint) between 1 and 50),
    species          text,
    route            text,
    value            double precision not null,
    unit             text not null,
    normalized_value double precision,
    normalized_unit  text,
    source           text not null,
    reference        text,
    created_by       uuid,
    created_at       timestamptz not null default now(),
    -- the same measurement twice is one row: batch imports stay idempotent
    constraint toxicity_measurement_uq unique nulls not distinct
        (molecule_id, endpoint, species, route, value, unit, source)
);
create index toxicity_molecule_idx on chem.toxicity (molecule_id);
create index toxicity_filter_idx on chem.toxicity (endpoint, species, route);
create index toxicity_created_by_idx on chem.toxicity (created_by);

create table chem.mixtures (
    id          uuid primary key default gen_random_uuid(),
    name        text not null check (length(name) between 1 and 500),
    description text,
    reference   text,
    is_public   boolean not null default false,
    created_by  uuid,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index mixtures_created_by_idx on chem.mixtures (created_by);
create index mixtures_is_public_idx on chem.mixtures (is_public) where is_public;
create index mixtures_name_id_idx on chem.mixtures (name, id);

create table chem.mixture_components (
    mixture_id        uuid not null references chem.mixtures (id) on delete cascade,
    molecule_id       uuid not null references chem.molecules (id),
    concentration     double precision not null check (concentration >= 0),
    unit              text not null check (unit in ('mol/L', 'mmol/L', 'umol/L', 'g/mL', 'mg/mL', 'g/L', '%w/v', '%v/v', '%w/w')),
    concentration_mol_per_l double precision,
    role              text,
    primary key (mixture_id, molecule_id)
);
create index mixture_components_molecule_idx on chem.mixture_components (molecule_id);

create table chem.project_molecules (
    project_id  uuid not null references chem.projects (id) on delete cascade,
    molecule_id uuid not null references chem.molecules (id) on delete cascade,
    added_by    uuid,
    added_at    timestamptz not null default now(),
    primary key (project_id, molecule_id)
);
create index project_molecules_molecule_idx on chem.project_molecules (molecule_id, project_id);

create table chem.project_mixtures (
    project_id uuid not null references chem.projects (id) on delete cascade,
    mixture_id uuid not null references chem.mixtures (id) on delete cascade,
    added_by   uuid,
    added_at   timestamptz not null default now(),
    primary key (project_id, mixture_id)
);
create index project_mixtures_mixture_idx on chem.project_mixtures (mixture_id, project_id);
