-- Schema importer: import jobs, the ids they consist of, the upstream response cache and the
-- shared rate-limiter state. Several replicas work on the same tables at once.
create schema if not exists importer;

create table importer.jobs (
    id          uuid primary key default gen_random_uuid(),
    source      text not null check (source in ('pubchem', 'chembl')),
    status      text not null default 'running' check (status in ('running', 'completed', 'cancelled')),
    created_by  text not null,            -- the caller's sub: a user id or a service client id
    total       integer not null check (total > 0),
    succeeded   integer not null default 0,
    failed      integer not null default 0,
    started_at  timestamptz not null default now(),
    finished_at timestamptz,
    updated_at  timestamptz not null default now()
);
create index jobs_running on importer.jobs (started_at) where status = 'running';
create index jobs_by_creator on importer.jobs (created_by, started_at desc);

-- One claim of a worker: the ids it took, for how long, and by which replica.
create table importer.chunks (
    id          bigint generated always as identity primary key,
    job_id      uuid not null references importer.jobs on delete cascade,
    replica     text not null,
    size        integer not null,
    claimed_at  timestamptz not null default clock_timestamp(),
    finished_at timestamptz,
    outcome     text
);
create index chunks_job on importer.chunks (job_id);

-- Every id of a job. A pending item is claimable once its lease has run out: a worker that dies
-- mid-chunk leaves its items to be claimed again, and the idempotent batch upsert of
-- molecule-service makes that second attempt write nothing twice.
create table importer.items (
    job_id      uuid not null references importer.jobs on delete cascade,
    seq         integer not null,
    source_id   text not null,
    state       text not null default 'pending' check (state in ('pending', 'done', 'failed')),
    lease_until timestamptz not null default '-infinity',
    chunk_id    bigint,
    attempts    integer not null default 0,
    molecule_id uuid,
    outcome     text,                      -- created | updated | unchanged
    reason      text,                      -- why it failed
    retryable   boolean not null default false,
    finished_at timestamptz,
    primary key (job_id, seq)
);
create index items_pending on importer.items (job_id, lease_until, seq) where state = 'pending';
create index items_failed on importer.items (job_id, seq) where state = 'failed';

-- Upstream records by id, so a re-run does not fetch them again.
create table importer.response_cache (
    upstream   text not null,
    source_id  text not null,
    body       jsonb not null,
    fetched_at timestamptz not null default now(),
    expires_at timestamptz not null,
    primary key (upstream, source_id)
);
create index response_cache_expiry on importer.response_cache (expires_at);

-- One rate limiter per upstream, shared by every worker of every replica. next_slot is the
-- earliest moment the next request may leave (GCRA); factor scales the configured rate down on
-- throttling signals and climbs back on healthy responses; paused_until honours Retry-After.
create table importer.rate_limits (
    upstream     text primary key,
    next_slot    timestamptz not null default 'epoch',
    paused_until timestamptz not null default 'epoch',
    factor       double precision not null default 1 check (factor > 0 and factor <= 1),
    updated_at   timestamptz not null default now()
);
insert into importer.rate_limits (upstream) values ('pubchem'), ('chembl');

-- Every admitted request, for the sliding window (see RateLimiter): when it left, when it was
-- answered (null while on its way), and whether it travelled a replica's cold paths.
create table importer.rate_limit_flights (
    id          bigint generated always as identity primary key,
    upstream    text not null references importer.rate_limits,
    departed_at timestamptz not null default clock_timestamp(),
    landed_at   timestamptz,
    cautious    boolean not null default false
);
create index rate_limit_flights_departed on importer.rate_limit_flights (upstream, departed_at);
