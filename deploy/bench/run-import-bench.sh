#!/usr/bin/env bash
# import-service benchmark: 20,000-id PubChem jobs (with and without synonyms), a 500-id PubChem job
# with toxicity included (one PUG-View request per CID) and a 5,000-id ChEMBL job against the upstream
# simulator with PubChem's policy enforced (5 requests/s, 400/min, 300 s server time/min). Prints
# records/s against the policy's ceiling and the throttling responses the service caused.
#
#   deploy/bench/run-import-bench.sh                     # about 7 minutes (first run: +1 min to build the data set)
#   BENCH_PUBCHEM_IDS=5000 BENCH_CHEMBL_IDS=1000 deploy/bench/run-import-bench.sh   # quicker
#
# Needs: java 17, psql, curl, python3 (stdlib), openssl; built jars of auth-service, molecule-service,
# import-service and the upstream simulator (./mvnw -q package -DskipTests); a PostgreSQL superuser.
#
# Environment (defaults in brackets):
#   PGHOST [127.0.0.1] PGPORT [5432] PGUSER [postgres] PGPASSWORD
#   BENCH_DB [cryo_importbench]        created fresh, dropped at the end
#   BENCH_PUBCHEM_IDS [20000]  BENCH_CHEMBL_IDS [5000]
#   BENCH_TOXICITY_IDS [500]           PubChem job with "include": ["properties","toxicity"]; 0 skips it
#   BENCH_SYNONYMS ["true false"]      PubChem runs with and without the synonyms request
#   BENCH_PORT_BASE [18180]            auth +1, molecule +2, import +3, simulator +10
#   BENCH_JAVA_OPTS [-Xmx512m]  BENCH_RESULTS_DIR [deploy/bench/results]  BENCH_KEEP_WORK=1
set -Eeuo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$BENCH_DIR/../.." && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB_PASSWORD=${PGPASSWORD:-postgres}
DB=${BENCH_DB:-cryo_importbench}
PUBCHEM_IDS=${BENCH_PUBCHEM_IDS:-20000}
CHEMBL_IDS=${BENCH_CHEMBL_IDS:-5000}
TOXICITY_IDS=${BENCH_TOXICITY_IDS:-500}
read -r -a SYNONYM_MODES <<<"${BENCH_SYNONYMS:-true false}"
BASE=${BENCH_PORT_BASE:-18180}
AUTH_PORT=$((BASE + 1)) MOLECULE_PORT=$((BASE + 2)) IMPORT_PORT=$((BASE + 3)) SIMULATOR_PORT=$((BASE + 10))
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx512m}
RESULTS_DIR=${BENCH_RESULTS_DIR:-$BENCH_DIR/results}
DB_MARK='CryoProtect import benchmark (deploy/bench/run-import-bench.sh); dropped at the end of every run'
POLICY_RPS=5

LOG_TAG=import-bench
# shellcheck source=SCRIPTDIR/lib.sh
. "$BENCH_DIR/lib.sh"   # log, die, need, psql_super, create_bench_database, ensure_roles, start_and_wait, stop_pid, finish_run, out

for tool in java psql curl python3 openssl; do need "$tool" ""; done
jar() { echo "$REPO_ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
for module in auth-service molecule-service import-service deploy/upstream-simulator; do
    [[ -f $(jar "$module") ]] || die "no $module jar: ./mvnw -q package -DskipTests"
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/cryo-import-bench.XXXXXX")
PIDS=()
cleanup() {
    local status=$? i
    trap - EXIT INT TERM
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do stop_pid "service" "${PIDS[i]}"; done
    finish_run "$status"
}
trap cleanup EXIT
trap 'exit 130' INT

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {'d': d, 'json': json}))" "$1"; }

start() {  # NAME PORT JAR [VAR=VALUE ...]
    local name=$1 port=$2 jar=$3
    shift 3
    # shellcheck disable=SC2086
    START_DIR=$WORK start_and_wait "$name" "$port" "$WORK/$name.log" \
        env -u CRYO_TOKEN_PUBLIC_KEY_LOCATION "$@" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" java $JAVA_OPTS -jar "$jar"
    PIDS+=("$STARTED_PID")
}

create_bench_database 40 "four pools + migrations"
ensure_roles
SECRET=$(openssl rand -hex 32)
DB_ENV=(QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PGHOST:$PGPORT/$DB"
        QUARKUS_DATASOURCE_MIGRATIONS_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
        QUARKUS_DATASOURCE_MIGRATIONS_USERNAME="$PGUSER" QUARKUS_DATASOURCE_MIGRATIONS_PASSWORD="$DB_PASSWORD")
OWNER=(QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="$DB_PASSWORD")
AUTH=http://127.0.0.1:$AUTH_PORT
TOKENS=(CRYO_TOKEN_ISSUER="$AUTH" CRYO_TOKEN_JWKS_URL="$AUTH/.well-known/jwks.json"
        CRYO_TOKEN_REVOCATION_FEED_URL="$AUTH/api/revocations/stream")
SIM=http://127.0.0.1:$SIMULATOR_PORT

start upstream-simulator "$SIMULATOR_PORT" "$(jar deploy/upstream-simulator)"
start auth-service "$AUTH_PORT" "$(jar auth-service)" "${DB_ENV[@]}" "${OWNER[@]}" CRYO_AUTH_ISSUER="$AUTH" \
    CRYO_AUTH_KEY_ENCRYPTION_KEY="$(openssl rand -base64 32)" CRYO_IMPORT_SERVICE_CLIENT_SECRET="$SECRET"
start molecule-service "$MOLECULE_PORT" "$(jar molecule-service)" "${DB_ENV[@]}" "${TOKENS[@]}" \
    QUARKUS_DATASOURCE_USERNAME=$AUTHENTICATOR QUARKUS_DATASOURCE_PASSWORD=$AUTHENTICATOR_PASSWORD \
    CRYO_TOKEN_AUDIENCE=molecule-service CRYO_MOLECULE_SUMMARY_REFRESH_EVERY=1h

import_env=("${DB_ENV[@]}" "${OWNER[@]}" "${TOKENS[@]}" CRYO_TOKEN_AUDIENCE=import-service
    QUARKUS_REST_CLIENT_PUBCHEM_URL="$SIM/rest/pug" QUARKUS_REST_CLIENT_CHEMBL_URL="$SIM/chembl/api/data"
    QUARKUS_REST_CLIENT_MOLECULE_SERVICE_URL="http://127.0.0.1:$MOLECULE_PORT"
    QUARKUS_REST_CLIENT_AUTH_SERVICE_URL="$AUTH" CRYO_IMPORT_CLIENT_SECRET="$SECRET")

EMAIL="bench-$RANDOM@lab.example" PASSWORD=$(openssl rand -hex 12)
curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" "$AUTH/api/auth/signup" >/dev/null
login() { curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" "$AUTH/api/auth/login" | json "d['access_token']"; }

ids() {  # SOURCE OFFSET COUNT — identifiers of generated compounds, as a JSON array
    local field=$1 offset=$2 count=$3 out='' page
    while (( count > 0 )); do
        page=$((count < 10000 ? count : 10000))
        out+=$(curl -fsS "$SIM/admin/data?offset=$offset&limit=$page" | json "','.join(json.dumps(i['$field']) for i in d['items'])"),
        offset=$((offset + page)) count=$((count - page))
    done
    echo "[${out%,}]"
}

# --- wait for the simulator's generated compounds (it is ready with the demo set alone) -----------
waited=$SECONDS
until curl -fsS --max-time 2 -o /dev/null "$SIM/q/health/group/generated-data" 2>/dev/null; do
    (( SECONDS - waited < 900 )) || die "the simulator's generated compounds are not there after 900 s"
    sleep 2
done
log "simulator's generated compounds served after $((SECONDS - waited)) s more"
# ---------------------------------------------------------------------------------------------------

open_report import
out "import-service benchmark, $(date -Is), $(nproc) cores; simulator policy: $POLICY_RPS requests/s, 400/min, 300 s server time/min"
out "$(printf '%-26s %7s %9s %9s %10s %10s %12s %10s %9s' job ids seconds requests 'req/s' 'ids/req' 'records/s' ceiling 'share')"

run_job() {  # LABEL SOURCE IDS_JSON UPSTREAM_KEY REQUESTS_PER_SECOND_LIMIT [INCLUDE_JSON]
    local label=$1 source=$2 ids=$3 key=$4 rps=$5 include=${6:-'["properties"]'} token job status stats
    token=$(login)
    curl -fsS -X POST "$SIM/admin/reset" >/dev/null
    printf '{"source":"%s","ids":%s,"include":%s}' "$source" "$ids" "$include" >"$WORK/job.json"   # too long for a command line
    job=$(curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        --data-binary "@$WORK/job.json" "http://127.0.0.1:$IMPORT_PORT/api/imports" | json "d['id']")
    while :; do
        status=$(curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$IMPORT_PORT/api/imports/$job")
        [[ $(json "d['status']" <<<"$status") == running ]] || break
        sleep 1
    done
    stats=$(curl -fsS "$SIM/admin/stats")
    python3 - "$label" "$status" "$stats" "$key" "$rps" <<'PY' | tee -a "$REPORT"
import json, sys
from datetime import datetime
label, job, stats, key, rps = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3]), sys.argv[4], float(sys.argv[5])
seconds = (datetime.fromisoformat(job['finished_at'].replace('Z', '+00:00'))
           - datetime.fromisoformat(job['started_at'].replace('Z', '+00:00'))).total_seconds()
requests = stats[key]['requests']
records = job['succeeded']
per_request = records / requests          # records each request brought in
ceiling = rps * per_request               # the most the policy allows at that many records per request
rate = records / seconds
print(f"{label:<26} {job['total']:>7} {seconds:>9.1f} {requests:>9} {requests / seconds:>10.2f} {per_request:>10.1f} "
      f"{rate:>12.1f} {ceiling:>10.1f} {100 * rate / ceiling:>8.1f}%")
print(f"{'':<26} status {job['status']}, failed {job['failed']}, throttled by the simulator: {stats[key].get('throttled', 0)}"
      f" {stats[key].get('throttled_by_reason', {})}")
for name, client in stats.get('clients', {}).items():
    if key == 'pubchem':   # how close the job came to PubChem's per-second limit, at the simulator's arrival clock
        print(f"{'':<26} client {name}: peak {client.get('peak_requests_per_second')} requests in a second; "
              f"shortest span of {rps:.0f}+1 arrivals {client.get('tightest_span_ms', 'n/a')} ms (the policy needs > 1000)")
PY
}

# every round imports compounds no earlier round touched (the data set has 50,000)
offset=100
for synonyms in "${SYNONYM_MODES[@]}"; do
    pubchem=$(ids cid "$offset" "$PUBCHEM_IDS")
    offset=$((offset + PUBCHEM_IDS))
    start import-service "$IMPORT_PORT" "$(jar import-service)" "${import_env[@]}" CRYO_IMPORT_PUBCHEM_SYNONYMS="$synonyms"
    run_job "pubchem, synonyms=$synonyms" pubchem "$pubchem" pubchem "$POLICY_RPS"
    cp "$WORK/import-service.log" "$WORK/import-service-$synonyms.log" 2>/dev/null || true
    stop_pid import-service "${PIDS[-1]}"
    unset 'PIDS[-1]'
done
if (( TOXICITY_IDS > 0 )); then
    start import-service "$IMPORT_PORT" "$(jar import-service)" "${import_env[@]}"
    run_job "pubchem + toxicity" pubchem "$(ids cid "$offset" "$TOXICITY_IDS")" pubchem "$POLICY_RPS" '["properties","toxicity"]'
    offset=$((offset + TOXICITY_IDS))
    cp "$WORK/import-service.log" "$WORK/import-service-toxicity.log" 2>/dev/null || true
    stop_pid import-service "${PIDS[-1]}"
    unset 'PIDS[-1]'
fi
start import-service "$IMPORT_PORT" "$(jar import-service)" "${import_env[@]}"
run_job "chembl" chembl "$(ids chembl_id "$offset" "$CHEMBL_IDS")" chembl 10
out "ceiling = requests/s limit x records per request: PubChem's policy (5/s); ChEMBL publishes no limit, so"
out "import-service's own 10/s. With toxicity every CID costs one PUG-View request on top of its chunk's"
out "property (and synonyms) request, so its ceiling is just under 5 records/s."
cp "$REPORT" "$RESULT"
log "results in $RESULT"
