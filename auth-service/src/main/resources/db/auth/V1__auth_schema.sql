-- Schema auth: who may get tokens (users, service clients), what signs them, and what was revoked.
create schema if not exists auth;

create table auth.users (
    id            uuid primary key default gen_random_uuid(),
    email         text not null check (length(email) between 3 and 254),
    password_hash text not null,
    display_name  text,
    role          text not null default 'authenticated' check (role in ('authenticated', 'admin')),
    disabled      boolean not null default false,
    created_at    timestamptz not null default now()
);
create unique index users_email_uq on auth.users (lower(email));

-- Client secrets are 256-bit random strings, stored as SHA-256 digests (see ClientSecrets).
create table auth.service_clients (
    client_id   text primary key check (client_id ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    secret_hash text not null,
    scopes      text[] not null default '{}',
    audiences   text[] not null,
    role        text not null default 'service_role' check (role = 'service_role'),
    enabled     boolean not null default true,
    created_at  timestamptz not null default now(),
    disabled_at timestamptz
);

-- Private keys are AES-GCM encrypted with the key-encryption key from configuration.
create table auth.signing_keys (
    kid          text primary key,
    state        text not null check (state in ('next', 'active', 'retired', 'expired')),
    algorithm    text not null default 'RS256',
    public_jwk   jsonb not null,
    private_key  bytea,
    created_at   timestamptz not null default now(),
    activated_at timestamptz,
    retired_at   timestamptz,
    retire_after timestamptz
);
create unique index signing_keys_one_active on auth.signing_keys (state) where state = 'active';
create unique index signing_keys_one_next on auth.signing_keys (state) where state = 'next';

create table auth.refresh_token_families (
    id         uuid primary key default gen_random_uuid(),
    user_id    uuid not null references auth.users (id) on delete cascade,
    client_id  text not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    revoked_at timestamptz
);
create index refresh_token_families_user_idx on auth.refresh_token_families (user_id);

create table auth.refresh_tokens (
    token_hash        text primary key,
    family_id         uuid not null references auth.refresh_token_families (id) on delete cascade,
    access_jti        text not null,
    access_expires_at timestamptz not null,
    issued_at         timestamptz not null default now(),
    used_at           timestamptz
);
create index refresh_tokens_family_idx on auth.refresh_tokens (family_id);

-- The revocation feed: every service follows it by sequence number. token = a jti until it expires;
-- client / subject = every token of that client or user issued up to not_before; keys = the JWKS changed.
create table auth.revocations (
    seq        bigserial primary key,
    type       text not null check (type in ('token', 'client', 'subject', 'keys')),
    value      text not null,
    expires_at timestamptz,
    not_before timestamptz,
    reason     text,
    created_at timestamptz not null default now()
);
create index revocations_type_value_idx on auth.revocations (type, value);
