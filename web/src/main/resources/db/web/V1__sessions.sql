-- The browser app's sessions (README, "Web app"). The browser holds only a random 256-bit id in an
-- HttpOnly cookie; this table keeps its SHA-256, so a read of the table does not yield usable
-- cookies. The tokens stay here, never in a page.
create table web.sessions (
    id_hash             bytea primary key check (length(id_hash) = 32),
    user_id             uuid not null,
    display_name        text not null,
    access_token        text not null,
    access_expires_at   timestamptz not null,
    refresh_token       text not null,
    csrf_token          text not null,
    created_at          timestamptz not null default now(),
    last_seen_at        timestamptz not null default now(),
    -- absolute limit: a session never lives longer, however active
    expires_at          timestamptz not null
);
create index sessions_user_idx on web.sessions (user_id);
create index sessions_expires_idx on web.sessions (expires_at);

grant usage on schema web to cryo_web;
grant select, insert, update, delete on web.sessions to cryo_web;
