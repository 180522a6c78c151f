-- CryoProtect's database logins: the one definition every deployment path runs, as a superuser, in
-- the application database: deploy/local/run.sh, deploy/compose (postgres/init-roles.sh),
-- Kubernetes (CloudNativePG runs it at bootstrap: kustomization.yaml, cluster.yaml) and the tests
-- (common's TestDatabase). Roles are cluster-wide and many databases may share a cluster, so every
-- step is idempotent and safe to repeat. Passwords are not set here: each path sets them from its
-- own secrets (docs/operations.md, "Database logins").
--
--   cryo_owner          LOGIN. Owns the schemas and runs every service's Flyway migrations. Not a
--                       superuser, no CREATEROLE: ADMIN on the three request roles is all its
--                       migrations need to grant them (PostgreSQL 16+ requires ADMIN for that).
--   cryo_authenticator  LOGIN NOINHERIT, owns nothing: molecule-service. Every transaction switches
--                       to cryo_anon, cryo_authenticated or cryo_service (DESIGN.md section 2).
--   cryo_auth           LOGIN, owns nothing: auth-service. Row privileges on schema auth only,
--                       granted by auth-service's migrations.
--   cryo_importer       LOGIN, owns nothing: import-service. Row privileges on schema importer only,
--                       granted by import-service's migrations.
--   cryo_web            LOGIN, owns nothing: web (the browser app's sessions). Row privileges on
--                       schema web only, granted by web's migrations.
--   cryo_anon, cryo_authenticated, cryo_service   NOLOGIN: the roles the RLS policies of schema chem
--                       name; their table grants come from molecule-service's migrations.
do $$
declare
    r record;
begin
    for r in select * from (values ('cryo_owner', true, true),
                                   ('cryo_authenticator', true, false),
                                   ('cryo_auth', true, true),
                                   ('cryo_importer', true, true),
                                   ('cryo_web', true, true),
                                   ('cryo_anon', false, true),
                                   ('cryo_authenticated', false, true),
                                   ('cryo_service', false, true)) as v(name, login, inherit)
    loop
        if not exists (select 1 from pg_roles where rolname = r.name) then
            begin
                execute format('create role %I %s %s', r.name,
                               case when r.login then 'login' else 'nologin' end,
                               case when r.inherit then 'inherit' else 'noinherit' end);
            exception when duplicate_object or unique_violation then
                null;  -- another session created it a moment ago; the alter below still applies
            end;
        end if;
        -- An existing role (an older deployment's, a hand-made one) is brought to the same state.
        if exists (select 1 from pg_roles where rolname = r.name
                   and (rolsuper or rolcreaterole or rolcreatedb or rolreplication or rolbypassrls
                        or rolcanlogin <> r.login or rolinherit <> r.inherit)) then
            execute format('alter role %I nosuperuser nocreaterole nocreatedb noreplication nobypassrls %s %s', r.name,
                           case when r.login then 'login' else 'nologin' end,
                           case when r.inherit then 'inherit' else 'noinherit' end);
        end if;
    end loop;

    -- molecule-service's login acts only through the three request roles.
    for r in select unnest(array['cryo_anon', 'cryo_authenticated', 'cryo_service']) as name loop
        if not exists (select 1 from pg_auth_members
                       where roleid = r.name::regrole and member = 'cryo_authenticator'::regrole) then
            execute format('grant %I to cryo_authenticator', r.name);
        end if;
        if not exists (select 1 from pg_auth_members
                       where roleid = r.name::regrole and member = 'cryo_owner'::regrole and admin_option) then
            execute format('grant %I to cryo_owner with admin option', r.name);
        end if;
    end loop;

    -- Short OLTP queries: JIT costs more than it saves (molecule-service's V4 asked for this, but
    -- its owner may no longer alter roles).
    if not exists (select 1 from pg_db_role_setting
                   where setrole = 'cryo_authenticator'::regrole and setdatabase = 0
                     and 'jit=off' = any (setconfig)) then
        alter role cryo_authenticator set jit = off;
    end if;

    -- The owner creates the schemas (and the trusted extension pg_trgm) in this database; nobody
    -- else creates anything anywhere (PostgreSQL 15+ already keeps PUBLIC out of schema public).
    execute format('grant connect, create on database %I to cryo_owner', current_database());
    revoke create on schema public from public;
end
$$;
