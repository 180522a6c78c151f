#!/usr/bin/env bash
# Writes deploy/compose/.env with fresh random secrets (once; an existing .env is kept).
set -euo pipefail
env_file="$(cd "$(dirname "$0")" && pwd)/.env"
if [[ -e $env_file ]]; then
    echo "$env_file exists; delete it to generate new secrets (and docker compose down -v: the database keeps the old ones)"
    exit 0
fi
rand() { openssl rand -base64 "$1" | tr -d '/+=\n' | cut -c1-32; }
umask 077
cat >"$env_file" <<ENV
POSTGRES_PASSWORD=$(rand 32)
CRYO_DB_OWNER_PASSWORD=$(rand 32)
CRYO_AUTHENTICATOR_PASSWORD=$(rand 32)
CRYO_AUTH_DB_PASSWORD=$(rand 32)
CRYO_IMPORTER_DB_PASSWORD=$(rand 32)
CRYO_AUTH_KEY_ENCRYPTION_KEY=$(openssl rand -base64 32)
CRYO_ADMIN_PASSWORD=$(rand 24)
CRYO_IMPORT_CLIENT_SECRET=$(rand 32)
CRYO_MOLECULE_CLIENT_SECRET=$(rand 32)
GRAFANA_ADMIN_PASSWORD=$(rand 16)
ENV
echo "wrote $env_file (admin@cryoprotect.local's password: CRYO_ADMIN_PASSWORD there)"
