-- Benchmark people: 2,500 users, 500 teams, their memberships (the bench user an editor of teams 1, 126,
-- 251 and 376) and 5,000 projects, plus the pg_temp helper functions the seeds share (uuid_of, letters,
-- b26, rnd). Included by seed.sql and seed-structure.sql inside their transaction (\ir), with the psql
-- variable bench_user set; seed.sql's header documents the shape.
create function pg_temp.uuid_of(prefix text, i bigint) returns uuid
    language sql immutable
as $$ select (prefix || '-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid $$;

-- A letter string from the hex digits of an md5: deterministic and well spread.
create function pg_temp.letters(seed text, n int) returns text
    language sql immutable
as $$ select translate(substr(md5(seed), 1, n), '0123456789abcdef', 'ABCDEFGHIJKLMNOP') $$;

-- Index i in four base-26 letters (i < 456,976): makes every InChIKey unique by construction.
create function pg_temp.b26(i int) returns text
    language sql immutable
as $$ select chr(65 + (i / 17576) % 26) || chr(65 + (i / 676) % 26) || chr(65 + (i / 26) % 26) || chr(65 + i % 26) $$;

-- Deterministic pseudo-random number in [0, 1) for (i, salt).
create function pg_temp.rnd(i int, salt int) returns double precision
    language sql immutable
as $$ select ((hashint4(i * 31 + salt)::bigint + 2147483648) % 1000003) / 1000003.0 $$;

-- --- people, teams, projects ---------------------------------------------------------------
insert into chem.user_profiles (id, display_name)
select pg_temp.uuid_of('a0000000', u), 'Bench user ' || lpad(u::text, 4, '0')
from generate_series(1, 2500) u
union all
select :'bench_user'::uuid, 'Benchmark member';

insert into chem.teams (id, name, created_by, created_at)
select pg_temp.uuid_of('c0000000', t),
       (array['Vitrification', 'Slow freezing', 'Cell banking', 'Organ preservation', 'Oocyte',
              'Ice recrystallization', 'Antifreeze proteins', 'Toxicity screening'])[t % 8 + 1]
           || ' lab ' || lpad(t::text, 3, '0'),
       pg_temp.uuid_of('a0000000', t), now() - t * interval '1 day'
from generate_series(1, 500) t;

insert into chem.team_members (team_id, user_id, role)
select pg_temp.uuid_of('c0000000', (u - 1) % 500 + 1), pg_temp.uuid_of('a0000000', u),
       case when u <= 500 then 'owner' when u % 3 = 1 then 'viewer' else 'editor' end
from generate_series(1, 2500) u
union all
-- a second team for every second user; the offset 1..499 never lands on the first team
select pg_temp.uuid_of('c0000000', ((u - 1) % 500 + 1 + (u * 7) % 499) % 500 + 1), pg_temp.uuid_of('a0000000', u),
       case when u % 5 = 0 then 'editor' else 'viewer' end
from generate_series(2, 2500, 2) u
union all
select pg_temp.uuid_of('c0000000', t), :'bench_user'::uuid, 'editor'
from unnest(array[1, 126, 251, 376]) t;

insert into chem.projects (id, team_id, name, description, created_by, created_at)
select pg_temp.uuid_of('d0000000', p), pg_temp.uuid_of('c0000000', (p - 1) / 10 + 1),
       'Project ' || lpad(p::text, 4, '0'), 'Benchmark project ' || p || ' of team ' || ((p - 1) / 10 + 1),
       pg_temp.uuid_of('a0000000', (p - 1) / 10 + 1), now() - p * interval '1 hour'
from generate_series(1, 5000) p;
