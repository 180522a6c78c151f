#!/usr/bin/env bash
# molecule-service toxicity benchmark (issue 11): GET /api/toxicity/ranking (rat oral LD50 by median,
# alone and combined with the q= molecule filter) and GET /api/toxicity/summary, as a team member (RLS
# on) and as the service role, each side by side with pgbench running the very same transaction, over
# 1,000,000 measurements on the 100k molecules of seed.sql (seed-toxicity.sql).
# See deploy/bench/README.md for what the numbers mean and the targets.
#
#   deploy/bench/run-toxicity-bench.sh
#
# Needs: java 17, psql, pgbench, openssl, curl, jq, wrk (wrk and jq are apt-get installed if missing
# and we are root), a built molecule-service (./mvnw -pl molecule-service -am package -DskipTests).
#
# Environment (defaults in brackets): as run-molecule-bench.sh (PG*, CRYO_BENCH_JAR, BENCH_DB,
# BENCH_HTTP_PORT, BENCH_POOL_SIZE, BENCH_SECONDS, BENCH_WARMUP_SECONDS, BENCH_CONNECTIONS,
# BENCH_THREADS, BENCH_QUERY, BENCH_USER, BENCH_STATEMENT_TIMEOUT, BENCH_JAVA_OPTS,
# BENCH_SUMMARY_REFRESH_EVERY, BENCH_RESULTS_DIR, BENCH_KEEP_WORK), plus
#   BENCH_SUMMARY_MOLECULE   [e0000000-0000-4000-8000-00000000303b]  the molecule of the summary scenarios
#                            (public molecule 12347 of seed.sql: 10 measurements)
set -Eeuo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$BENCH_DIR/../.." && pwd)

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-cryo_bench}
JAR=${CRYO_BENCH_JAR:-$REPO_ROOT/molecule-service/target/quarkus-app/quarkus-run.jar}
HTTP_PORT=${BENCH_HTTP_PORT:-18082}
POOL=${BENCH_POOL_SIZE:-20}
DURATION=${BENCH_SECONDS:-20}
WARMUP=${BENCH_WARMUP_SECONDS:-5}
CONNS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
QUERY=${BENCH_QUERY:-cryoprotectant}
BENCH_USER=${BENCH_USER:-be4c0000-0000-4000-8000-000000000001}
SUMMARY_MOLECULE=${BENCH_SUMMARY_MOLECULE:-e0000000-0000-4000-8000-00000000303b}
SERVICE_STATEMENT_TIMEOUT_MS=10000   # what RlsTransactions sets per transaction (cryo.db.statement-timeout)
STATEMENT_TIMEOUT=${BENCH_STATEMENT_TIMEOUT:-5s}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx1g}
RESULTS_DIR=${BENCH_RESULTS_DIR:-$BENCH_DIR/results}
AUTHENTICATOR=cryo_authenticator
AUTHENTICATOR_PASSWORD=cryo
ISSUER=http://localhost:8081
BASE=http://127.0.0.1:$HTTP_PORT
DB_MARK='CryoProtect toxicity benchmark (deploy/bench); dropped at the end of every run'

# Targets (issue 11): RLS-on vs service role, service vs pgbench; p99 at 64 connections as for the other reads.
TARGET_P99_MS=50
TARGET_RLS_RATIO=1.3
TARGET_PGBENCH_SHARE=0.5

log()  { printf '[bench] %s\n' "$*" >&2; }
die()  { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "'$1' is required. $2"; }

for n in POOL DURATION WARMUP CONNS THREADS HTTP_PORT; do
    [[ ${!n} =~ ^[0-9]+$ && ${!n} -gt 0 ]] || die "$n must be a positive whole number, got '${!n}'"
done
[[ $DB =~ ^[a-z_][a-z0-9_]*$ ]] || die "BENCH_DB must be a plain lower-case identifier"
[[ $PGHOST != /* ]] || die "PGHOST must be a TCP host (the service connects over TCP), not a socket directory"
[[ $BENCH_USER =~ ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ ]] || die "BENCH_USER must be a lower-case UUID"
[[ $QUERY =~ ^[A-Za-z0-9\ -]+$ ]] || die "BENCH_QUERY: letters, digits, spaces and '-' only"
[[ $SUMMARY_MOLECULE =~ ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ ]] || die "BENCH_SUMMARY_MOLECULE must be a lower-case UUID"

install_if_missing() {  # install_if_missing CMD PACKAGE
    command -v "$1" >/dev/null 2>&1 && return 0
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
        log "installing $2"
        apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y "$2" >/dev/null 2>&1; } \
            || die "could not apt-get install $2"
    fi
    need "$1" "Install it with: apt-get install $2"
}
need java "Java 17 runs the service."
need psql "apt-get install postgresql-client"
need pgbench "apt-get install postgresql-client (pgbench 14+ for \\startpipeline)"
need openssl "apt-get install openssl"
need curl "apt-get install curl"
install_if_missing jq jq
install_if_missing wrk wrk
[[ -f $JAR ]] || die "no service jar at $JAR (build molecule-service, or set CRYO_BENCH_JAR)"
PGBENCH_MAJOR=$(pgbench --version | awk '{print $NF}' | cut -d. -f1)
(( PGBENCH_MAJOR >= 14 )) || die "pgbench $PGBENCH_MAJOR is too old: 14+ is needed for \\startpipeline"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/cryo-bench.XXXXXX")
SERVICE_PID=
DB_CREATED=

psql_super() { psql -X -q -v ON_ERROR_STOP=1 -d "${PSQL_DB:-postgres}" "$@"; }
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # create_bench_database, ensure_roles, start_and_wait, stop_pid, finish_run

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    stop_pid molecule-service "$SERVICE_PID"
    if [[ $status != 0 && -s $WORK/service.log ]]; then
        log "service log (last 40 lines of $WORK/service.log):"
        tail -n 40 "$WORK/service.log" >&2 || true
    fi
    finish_run "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$RESULTS_DIR"
RESULT=$RESULTS_DIR/toxicity-$(date +%Y-%m-%dT%H-%M-%S).txt
REPORT=$WORK/report.txt   # copied to $RESULT once complete
out() { printf '%s\n' "$*" | tee -a "$REPORT"; }

# --- database --------------------------------------------------------------------------------
create_bench_database "$((CONNS + POOL + 1))" "pgbench $CONNS + pool $POOL + 1"
ensure_roles
psql_super -c "alter role $AUTHENTICATOR in database $DB set statement_timeout = '$STATEMENT_TIMEOUT'"

# --- keys and tokens -------------------------------------------------------------------------
mkdir -p "$WORK/keys"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/keys/private.pem" 2>/dev/null
openssl pkey -in "$WORK/keys/private.pem" -pubout -out "$WORK/keys/public.pem" 2>/dev/null

b64url() { openssl base64 -e -A | tr '+/' '-_' | tr -d '='; }

mint() {  # mint ROLE SUB CLIENT_ID SCOPE -> an RS256 at+jwt shaped like auth-service's, 900 s lifetime
    local iat jti header payload input
    iat=$(date +%s)
    jti=$(cat /proc/sys/kernel/random/uuid 2>/dev/null || openssl rand -hex 16)
    header='{"alg":"RS256","typ":"at+jwt","kid":"bench"}'
    payload=$(printf '{"iss":"%s","sub":"%s","aud":"molecule-service","iat":%d,"exp":%d,"jti":"%s","client_id":"%s","scope":"%s","role":"%s"}' \
        "$ISSUER" "$2" "$iat" $((iat + 900)) "$jti" "$3" "$4" "$1")
    input="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
    printf '%s.%s' "$input" "$(printf '%s' "$input" | openssl dgst -sha256 -sign "$WORK/keys/private.pem" -binary | b64url)"
}

# What the service passes to set_config for each caller (common/.../Caller.java): sub is the user id
# or '' for service clients; the claims JSON is {sub, role, client_id, scope} in that order.
MEMBER_CLIENT=cryo-bench-cli
MEMBER_SCOPE="molecules:read molecules:write"
MEMBER_CLAIMS=$(printf '{"sub":"%s","role":"authenticated","client_id":"%s","scope":"%s"}' "$BENCH_USER" "$MEMBER_CLIENT" "$MEMBER_SCOPE")
SERVICE_SUB=bench-service
SERVICE_SCOPE="molecules:read molecules:write"
SERVICE_CLAIMS=$(printf '{"sub":"%s","role":"service","client_id":"%s","scope":"%s"}' "$SERVICE_SUB" "$SERVICE_SUB" "$SERVICE_SCOPE")

# --- service ---------------------------------------------------------------------------------
log "starting molecule-service from $JAR (pool $POOL)"
# shellcheck disable=SC2086
START_DIR=$WORK start_and_wait molecule-service "$HTTP_PORT" "$WORK/service.log" \
    env QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$HTTP_PORT \
        QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PGHOST:$PGPORT/$DB" \
        QUARKUS_DATASOURCE_USERNAME=$AUTHENTICATOR QUARKUS_DATASOURCE_PASSWORD=$AUTHENTICATOR_PASSWORD \
        QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE=$POOL \
        QUARKUS_DATASOURCE_MIGRATIONS_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
        QUARKUS_DATASOURCE_MIGRATIONS_USERNAME=$PGUSER \
        QUARKUS_DATASOURCE_MIGRATIONS_PASSWORD=${PGPASSWORD:-postgres} \
        CRYO_TOKEN_PUBLIC_KEY_LOCATION="file:$WORK/keys/public.pem" CRYO_TOKEN_ISSUER=$ISSUER \
        CRYO_TOKEN_AUDIENCE=molecule-service \
        CRYO_TOKEN_JWKS_URL='' CRYO_TOKEN_REVOCATION_FEED_URL='' \
        CRYO_MOLECULE_SUMMARY_REFRESH_EVERY=${BENCH_SUMMARY_REFRESH_EVERY:-1h} \
    java $JAVA_OPTS -jar "$JAR"
SERVICE_PID=$STARTED_PID

# --- seed ------------------------------------------------------------------------------------
log "seeding (100k molecules, 1M properties, 500 teams, 5k projects), then 1M toxicity measurements and their statistics"
start=$(date +%s.%N)
PSQL_DB=$DB psql_super -v bench_user="$BENCH_USER" -f "$BENCH_DIR/seed.sql" >"$WORK/seed.log" 2>&1 \
    || { cat "$WORK/seed.log" >&2; die "seed.sql failed"; }
PSQL_DB=$DB psql_super -f "$BENCH_DIR/seed-toxicity.sql" >"$WORK/seed-toxicity.log" 2>&1 \
    || { cat "$WORK/seed-toxicity.log" >&2; die "seed-toxicity.sql failed"; }
SEED_SECONDS=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
log "seeded in $SEED_SECONDS s"
SEED_COUNTS=$(PSQL_DB=$DB psql_super -Atc "select (select count(*) from chem.toxicity) || ' measurements ('
    || (select count(*) from chem.toxicity where unparsed_reason is not null) || ' unparsed), '
    || (select count(*) from chem.toxicity_stats) || ' statistics rows, '
    || (select count(*) from chem.toxicity_stats where endpoint = 'LD50' and species = 'rat' and route = 'oral' and unit = 'mg/kg')
    || ' molecules with a rat oral LD50'")
log "$SEED_COUNTS"

MEMBER_TOKEN=$(mint authenticated "$BENCH_USER" "$MEMBER_CLIENT" "$MEMBER_SCOPE")
SERVICE_TOKEN=$(mint service_role "$SERVICE_SUB" "$SERVICE_SUB" "$SERVICE_SCOPE")

# --- scenarios -------------------------------------------------------------------------------
QUERY_URL=$(jq -rn --arg q "$QUERY" '$q | @uri')
# ILIKE pattern as the service builds it (Sql.likePattern): %text% with \ % _ escaped (none here).
PATTERN="%$QUERY%"
RANKING="endpoint=LD50&species=rat&route=oral"
SCENARIOS=(ranking-member ranking-service ranking-q-member ranking-q-service summary-member summary-service)
declare -A URL TOKEN SCRIPT ROLE SUB CLAIMS
for s in "${SCENARIOS[@]}"; do
    case $s in ranking-q-*) URL[$s]="$BASE/api/toxicity/ranking?$RANKING&q=$QUERY_URL"; SCRIPT[$s]=toxicity-ranking-search ;;
               ranking-*) URL[$s]="$BASE/api/toxicity/ranking?$RANKING"; SCRIPT[$s]=toxicity-ranking ;;
               summary-*) URL[$s]="$BASE/api/toxicity/summary?molecule_id=$SUMMARY_MOLECULE"; SCRIPT[$s]=toxicity-summary ;; esac
    case $s in
        *-member) TOKEN[$s]=$MEMBER_TOKEN; ROLE[$s]=cryo_authenticated; SUB[$s]=$BENCH_USER; CLAIMS[$s]=$MEMBER_CLAIMS ;;
        *-service) TOKEN[$s]=$SERVICE_TOKEN; ROLE[$s]=cryo_service; SUB[$s]=; CLAIMS[$s]=$SERVICE_CLAIMS ;;
    esac
done

# pgbench's -D refuses empty values, so for service callers (sub '') the script gets a literal ''.
for script in toxicity-ranking toxicity-ranking-search toxicity-summary; do
    sed "s/:sub/''/" "$BENCH_DIR/sql/$script.sql" >"$WORK/$script-nosub.sql"
done

wait_db_idle() {  # let statements of the previous run drain (they end at the latest at statement_timeout)
    for _ in $(seq 1 40); do
        [[ $(PSQL_DB=$DB psql_super -Atc "select count(*) from pg_stat_activity where datname = '$DB'
              and usename = '$AUTHENTICATOR' and state <> 'idle'") == 0 ]] && return 0
        sleep 0.5
    done
    log "warning: statements still running in $DB"
}

to_ms() {  # wrk durations (850.00us, 12.34ms, 1.20s, 1.00m) -> milliseconds
    awk -v v="$1" 'BEGIN {
        if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 }
        else if (v ~ /ms$/) { sub(/ms$/, "", v) }
        else if (v ~ /m$/) { sub(/m$/, "", v); v = v * 60000 }
        else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 }
        else { print "nan"; exit }
        printf "%.2f", v }'
}

log "sanity check of each scenario (and its latency alone: best of 3 sequential requests)"
declare -A ITEMS SOLO
for s in "${SCENARIOS[@]}"; do
    SOLO[$s]=nan
    for _ in 1 2 3; do
        read -r code secs < <(curl -sS --max-time 30 -o "$WORK/check-$s.json" -w '%{http_code} %{time_total}\n' \
            -H "Authorization: Bearer ${TOKEN[$s]}" "${URL[$s]}" || echo "000 0")
        [[ $code == 200 ]] || break
        SOLO[$s]=$(awk -v t="$secs" -v best="${SOLO[$s]}" 'BEGIN { t *= 1000; printf "%.2f", (best == "nan" || t < best) ? t : best }')
    done
    if [[ $code == 200 ]]; then
        ITEMS[$s]=$(jq 'if .items then (.items | length) else (.groups | length) end' "$WORK/check-$s.json")
        log "  $s: 200, ${ITEMS[$s]} items/groups, $(jq -c 'if .items then {first: .items[0].value, last: .items[-1].value} else {measurements, unparsed} end' "$WORK/check-$s.json"), alone ${SOLO[$s]} ms"
    elif [[ $code == 5* ]]; then   # a query slower than statement_timeout, say: measure anyway, it shows as errors
        ITEMS[$s]=ERR
        log "  $s: WARNING: answered $code: $(head -c 300 "$WORK/check-$s.json" 2>/dev/null)"
    else
        head -c 2000 "$WORK/check-$s.json" >&2 2>/dev/null || true
        die "$s: GET ${URL[$s]} answered $code (token, key or configuration problem)"
    fi
done

log "warm-up: ${WARMUP}s per scenario"
for s in "${SCENARIOS[@]}"; do
    timeout $((WARMUP + 30)) wrk -t"$THREADS" -c16 -d"${WARMUP}s" --timeout 10s \
        -H "Authorization: Bearer ${TOKEN[$s]}" "${URL[$s]}" >"$WORK/warmup-$s.txt" 2>&1 || true
done
wait_db_idle

# CPU the service process burns per request (user + system), to tell JVM cost from database cost.
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVICE_PID/stat" 2>/dev/null || echo 0; }

declare -A RPS REQS P50 P99 ERRS CPU TPS PGAVG PGP50 PGP99 PGERRS
for s in "${SCENARIOS[@]}"; do
    log "wrk $s: ${DURATION}s, $CONNS connections"
    ticks0=$(cpu_ticks)
    timeout $((DURATION + 60)) wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --latency --timeout 10s \
        -H "Authorization: Bearer ${TOKEN[$s]}" "${URL[$s]}" >"$WORK/wrk-$s.txt" 2>&1 || true
    ticks1=$(cpu_ticks)
    f=$WORK/wrk-$s.txt
    RPS[$s]=$(awk '/^Requests\/sec:/ { print $2 }' "$f"); RPS[$s]=${RPS[$s]:-0}
    REQS[$s]=$(awk '/ requests in / { print $1 }' "$f"); REQS[$s]=${REQS[$s]:-0}
    P50[$s]=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$f")")
    P99[$s]=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$f")")
    if [[ ${REQS[$s]} == 0 ]]; then P50[$s]=nan; P99[$s]=nan; fi   # nothing completed within the run
    CPU[$s]=$(awk -v t=$((ticks1 - ticks0)) -v hz="$CLK_TCK" -v n="${REQS[$s]}" 'BEGIN { if (n == 0) print "nan"; else printf "%.2f", t / hz * 1000 / n }')
    non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$f")
    sockerr=$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$f")
    ERRS[$s]=$(( ${non2xx:-0} + ${sockerr:-0} ))
    wait_db_idle

    log "pgbench $s: ${DURATION}s, $CONNS clients"
    if [[ -n ${SUB[$s]} ]]; then script=$BENCH_DIR/sql/${SCRIPT[$s]}.sql; subdef=(-D "sub=${SUB[$s]}")
    else script=$WORK/${SCRIPT[$s]}-nosub.sql; subdef=(); fi
    rm -f "$WORK/pgb-$s".*
    PGPASSWORD=$AUTHENTICATOR_PASSWORD timeout $((DURATION + 60)) \
        pgbench -h "$PGHOST" -p "$PGPORT" -U "$AUTHENTICATOR" -d "$DB" -n -M prepared \
        -c "$CONNS" -j "$THREADS" -T "$DURATION" -f "$script" \
        -D "role=${ROLE[$s]}" "${subdef[@]}" -D "claims=${CLAIMS[$s]}" -D "timeout=$SERVICE_STATEMENT_TIMEOUT_MS" \
        -D "pattern=$PATTERN" -D endpoint=LD50 -D species=rat -D route=oral -D unit=mg/kg -D limit=51 \
        -D "molecule=$SUMMARY_MOLECULE" \
        -l --log-prefix="$WORK/pgb-$s" >"$WORK/pgbench-$s.txt" 2>&1 || true
    f=$WORK/pgbench-$s.txt
    TPS[$s]=$(awk '/^tps = / { print $3; exit }' "$f"); TPS[$s]=${TPS[$s]:-0}
    PGAVG[$s]=$(awk '/^latency average = / { print $4; exit }' "$f"); PGAVG[$s]=${PGAVG[$s]:-nan}
    failed=$(awk '/^number of failed transactions:/ { print $5 }' "$f")
    aborted=$(grep -c 'aborted in command' "$f" || true)
    PGERRS[$s]=$(( ${failed:-0} + aborted ))
    read -r "PGP50[$s]" "PGP99[$s]" < <(cat "$WORK/pgb-$s".* 2>/dev/null | awk '$3 ~ /^[0-9]+$/ { print $3 / 1000 }' | sort -n \
        | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan nan"; exit }
                 i50 = int(NR * 0.50); if (i50 < NR * 0.50) i50++; i99 = int(NR * 0.99); if (i99 < NR * 0.99) i99++
                 printf "%.2f %.2f\n", v[i50], v[i99] }')
    wait_db_idle
done

# --- report ----------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "nan" || b == "nan" || b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'; }
verdict() {  # verdict VALUE OP LIMIT
    awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN { if (v == "n/a" || v == "nan") { print "n/a"; exit }
        ok = (op == "<=") ? (v + 0 <= l + 0) : (v + 0 >= l + 0); print (ok ? "PASS" : "FAIL") }'
}

pg_version=$(psql_super -Atc "select current_setting('server_version')")
pg_settings=$(psql_super -Atc "select string_agg(name || '=' || setting || coalesce(unit, ''), ', ' order by name) from pg_settings
                               where name in ('shared_buffers', 'max_connections', 'jit', 'work_mem', 'effective_cache_size')")
out "CryoProtect molecule-service toxicity benchmark — $(date -u +%Y-%m-%dT%H:%M:%SZ)"
out "machine: $(nproc) CPUs ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)"
out "postgres: $pg_version at $PGHOST:$PGPORT ($pg_settings)"
out "service: $(java -version 2>&1 | head -1), $JAVA_OPTS, reactive pool max-size $POOL, jar $JAR"
out "load: wrk -t$THREADS -c$CONNS -d${DURATION}s --latency; pgbench -c $CONNS -j $THREADS -T $DURATION -n -M prepared (same transaction, as $AUTHENTICATOR)"
out "      service, PostgreSQL and the load generator share this machine; warm-up ${WARMUP}s per scenario"
out "data: seeded in ${SEED_SECONDS}s: $SEED_COUNTS"
out "      member $BENCH_USER (editor of 4 teams); ranking $RANKING (median, highest first), limit 50 (51 fetched);"
out "      ranking-q adds q=$QUERY; summary of molecule $SUMMARY_MOLECULE"
out ""
out "$(printf '%-17s %5s %9s %9s %9s %9s %6s %9s %9s %9s %9s %9s %6s %7s' scenario items 'alone' 'svc req/s' 'svc p50' 'svc p99' errors 'svc cpu' \
    'pgb tps' 'pgb avg' 'pgb p50' 'pgb p99' 'pgb er' 'svc/pgb')"
for s in "${SCENARIOS[@]}"; do
    out "$(printf '%-17s %5s %7.2fms %9.1f %7.2fms %7.2fms %6s %7.2fms %9.1f %7.2fms %7.2fms %7.2fms %6s %7s' "$s" "${ITEMS[$s]:-?}" "${SOLO[$s]}" "${RPS[$s]}" \
        "${P50[$s]}" "${P99[$s]}" "${ERRS[$s]}" "${CPU[$s]}" "${TPS[$s]}" "${PGAVG[$s]}" "${PGP50[$s]}" "${PGP99[$s]}" "${PGERRS[$s]}" \
        "$(ratio "${RPS[$s]}" "${TPS[$s]}")")"
done
out ""
out "RLS on (member) vs service role:"
for q in ranking ranking-q summary; do
    lat=$(ratio "${P99[$q-member]}" "${P99[$q-service]}")
    thr=$(ratio "${RPS[$q-service]}" "${RPS[$q-member]}")
    pgthr=$(ratio "${TPS[$q-service]}" "${TPS[$q-member]}")
    out "$(printf '  %-9s p99 member/service %6s  throughput service/member %6s  (pgbench %6s)  target <= %s: %s' \
        "$q" "$lat" "$thr" "$pgthr" "$TARGET_RLS_RATIO" \
        "$( [[ $(verdict "$lat" '<=' $TARGET_RLS_RATIO) == PASS && $(verdict "$thr" '<=' $TARGET_RLS_RATIO) == PASS ]] && echo PASS || echo FAIL)")"
done
out ""
out "Targets:"
for s in "${SCENARIOS[@]}"; do
    v=$(verdict "${P99[$s]}" '<=' $TARGET_P99_MS); [[ $v != n/a ]] || v="FAIL (no request completed)"
    [[ ${ERRS[$s]} == 0 ]] || v="FAIL (${ERRS[$s]} errors)"
    out "$(printf '  p99 <= %s ms at %s connections   %-17s %9s ms  %s' $TARGET_P99_MS "$CONNS" "$s" "${P99[$s]}" "$v")"
done
for s in "${SCENARIOS[@]}"; do
    r=$(ratio "${RPS[$s]}" "${TPS[$s]}")
    v=$(verdict "$r" '>=' $TARGET_PGBENCH_SHARE); [[ $v != n/a ]] || v="n/a (pgbench completed nothing)"
    out "$(printf '  service >= %s x pgbench             %-17s %9s     %s' $TARGET_PGBENCH_SHARE "$s" "$r" "$v")"
done
cp "$REPORT" "$RESULT"
log "results written to $RESULT"
