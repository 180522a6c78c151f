-- auth-service logs in as cryo_auth, which owns nothing (k8s/base/postgres/roles.sql creates it; the owner,
-- who runs these migrations, keeps every DDL right). It may read and write the rows of schema
-- auth, and nothing else: no other schema, no DDL, not Flyway's history.
grant usage on schema auth to cryo_auth;
grant select, insert, update, delete on all tables in schema auth to cryo_auth;
revoke all on table ${flyway:defaultSchema}.${flyway:table} from cryo_auth;
grant usage, select on all sequences in schema auth to cryo_auth;
grant execute on all functions in schema auth to cryo_auth;

-- Tables, sequences and functions later migrations create here (as the owner) get the same grants.
alter default privileges in schema auth grant select, insert, update, delete on tables to cryo_auth;
alter default privileges in schema auth grant usage, select on sequences to cryo_auth;
alter default privileges in schema auth grant execute on functions to cryo_auth;
