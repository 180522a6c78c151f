-- Fair claims (ChunkRepository.claim): the next chunk goes to the user, then the job, with the
-- fewest chunks in flight, the least recently served first. A chunk is in flight while it is
-- unfinished and its lease runs: its worker renews it with its ids' lease, so a dead replica's
-- chunks stop counting when their lease runs out.
alter table importer.chunks add column lease_until timestamptz not null default '-infinity';
create index chunks_in_flight on importer.chunks (job_id, lease_until) where finished_at is null;
-- "least recently served": the newest claim of a job, read from the end of this index
create index chunks_job_claimed on importer.chunks (job_id, claimed_at);
drop index importer.chunks_job;
