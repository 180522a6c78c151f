#!/bin/bash
# Runs once, when the postgres container initializes an empty data directory. The same privilege
# model as the CloudNativePG bootstrap in k8s/base/postgres/cluster.yaml: a non-superuser owner of
# database cryoprotect runs every service's migrations; the RLS roles exist before them, and
# molecule-service logs in as cryo_authenticator (LOGIN NOINHERIT, no privileges of its own).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username postgres --dbname postgres \
     -v owner_pw="$CRYO_DB_OWNER_PASSWORD" -v authenticator_pw="$CRYO_AUTHENTICATOR_PASSWORD" <<'SQL'
create role cryoprotect login password :'owner_pw';
create database cryoprotect owner cryoprotect;
\connect cryoprotect
create role cryo_anon nologin;
create role cryo_authenticated nologin;
create role cryo_service nologin;
create role cryo_authenticator login noinherit password :'authenticator_pw';
grant cryo_anon, cryo_authenticated, cryo_service to cryoprotect with admin option;
grant cryo_anon, cryo_authenticated, cryo_service to cryo_authenticator;
SQL
