-- What a job fetches for its ids: 'properties' (the molecules and their properties, as before),
-- 'toxicity' (PubChem PUG-View toxicity values / ChEMBL activities), or both. An id is done once
-- everything included was acknowledged by molecule-service.
alter table importer.jobs
    add column include text[] not null default '{properties}'
        constraint jobs_include_check check (cardinality(include) > 0 and include <@ array['properties', 'toxicity']),
    -- toxicity measurements acknowledged for the job's done ids (unparsed: those among them kept
    -- verbatim because their text did not parse); moved with the ids, so exact when a chunk runs twice
    add column measurements_created   integer not null default 0,
    add column measurements_updated   integer not null default 0,
    add column measurements_unchanged integer not null default 0,
    add column measurements_unparsed  integer not null default 0;
