#!/bin/bash
# Runs once, when the postgres container initializes an empty data directory: database cryoprotect,
# the logins of every deployment path (roles.sql, mounted from k8s/base/postgres/roles.sql) and
# their passwords from .env. The owner cryo_owner (no superuser) runs every service's migrations;
# each service logs in as a login of its own that owns nothing.
set -euo pipefail
psql=(psql -X -q -v ON_ERROR_STOP=1 --username postgres)
"${psql[@]}" --dbname postgres -c 'create database cryoprotect'
"${psql[@]}" --dbname cryoprotect -f /cryo/roles.sql
"${psql[@]}" --dbname cryoprotect \
     -v owner_pw="$CRYO_DB_OWNER_PASSWORD" -v authenticator_pw="$CRYO_AUTHENTICATOR_PASSWORD" \
     -v auth_pw="$CRYO_AUTH_DB_PASSWORD" -v importer_pw="$CRYO_IMPORTER_DB_PASSWORD" <<'SQL'
alter database cryoprotect owner to cryo_owner;
alter role cryo_owner password :'owner_pw';
alter role cryo_authenticator password :'authenticator_pw';
alter role cryo_auth password :'auth_pw';
alter role cryo_importer password :'importer_pw';
SQL
