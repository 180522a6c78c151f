-- import-service logs in as cryo_importer, which owns nothing (k8s/base/postgres/roles.sql creates it; the owner,
-- who runs these migrations, keeps every DDL right). It may read and write the rows of schema
-- importer, and nothing else: no other schema, no DDL, not Flyway's history.
grant usage on schema importer to cryo_importer;
grant select, insert, update, delete on all tables in schema importer to cryo_importer;
revoke all on table ${flyway:defaultSchema}.${flyway:table} from cryo_importer;
grant usage, select on all sequences in schema importer to cryo_importer;
grant execute on all functions in schema importer to cryo_importer;

-- Tables, sequences and functions later migrations create here (as the owner) get the same grants.
alter default privileges in schema importer grant select, insert, update, delete on tables to cryo_importer;
alter default privileges in schema importer grant usage, select on sequences to cryo_importer;
alter default privileges in schema importer grant execute on functions to cryo_importer;
