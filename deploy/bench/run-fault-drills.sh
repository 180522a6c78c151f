#!/usr/bin/env bash
# Fault drills for issue 5 (docs/operations.md): pool sizing on the benchmark data, acquisition time
# and utilization at normal load, a PostgreSQL restart under steady load, pool exhaustion, and the
# services' footprint. Runs against a PRIVATE PostgreSQL cluster it creates (initdb in a scratch
# directory, port DRILL_PGPORT) and restarts; it never touches any other server.
#
# Needs: java 17, PostgreSQL 15+ server binaries (initdb, pg_ctl), psql, openssl, curl, python3, wrk,
# and built jars (./mvnw -pl molecule-service,auth-service -am package -DskipTests).
#
# Knobs: DRILL_PGPORT [55433], DRILL_POOL_SIZES ["4 8 16 32"], DRILL_POOL [16] (the default under
# test), DRILL_SECONDS [20], DRILL_PARTS ["1 2 3 4 5"], BENCH_JAVA_OPTS [-Xmx256m], CRYO_BENCH_JAR, CRYO_BENCH_AUTH_JAR,
# BENCH_RESULTS_DIR, BENCH_KEEP_WORK=1.
set -Eeuo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$BENCH_DIR/../.." && pwd)
PORT=${DRILL_PGPORT:-55433}
export PGHOST=127.0.0.1 PGPORT=$PORT PGUSER=postgres PGPASSWORD=
DB=cryo_drill
JAR=${CRYO_BENCH_JAR:-$REPO_ROOT/molecule-service/target/quarkus-app/quarkus-run.jar}
AUTH_JAR=${CRYO_BENCH_AUTH_JAR:-$REPO_ROOT/auth-service/target/quarkus-app/quarkus-run.jar}
HTTP_PORT=18092
AUTH_PORT=18091
POOL_SIZES=${DRILL_POOL_SIZES:-4 8 16 32}
POOL=${DRILL_POOL:-16}
SECONDS_PER_RUN=${DRILL_SECONDS:-20}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx256m}
RESULTS_DIR=${BENCH_RESULTS_DIR:-$BENCH_DIR/results}
ISSUER=http://localhost:8081
BASE=http://127.0.0.1:$HTTP_PORT
BENCH_USER=be4c0000-0000-4000-8000-000000000001
DB_MARK='CryoProtect fault drills (deploy/bench); dropped at the end of every run'
DB_PASSWORD=   # what the services' migrations send (the private cluster trusts)
TOKEN_KID=drill   # in the header of the tokens mint makes

LOG_TAG=drill
# shellcheck source=SCRIPTDIR/lib.sh
. "$BENCH_DIR/lib.sh"   # log, die, need, install_if_missing, psql_super, mint, start_molecule_service, start_and_wait, stop_pid, finish_run, out
need java ""; need psql ""; need openssl ""; need curl ""; need python3 ""
install_if_missing wrk wrk
[[ -f $JAR && -f $AUTH_JAR ]] || die "build the jars first: ./mvnw -pl molecule-service,auth-service -am package -DskipTests"
PG_BIN=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
[[ -x $PG_BIN/postgres ]] || PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
port_in_use "$PORT" && die "port $PORT is taken; set DRILL_PGPORT"

WORK=$(mktemp -d /var/tmp/cryo-drill.XXXXXX)
chmod 755 "$WORK"
SERVICE_PID=
AUTH_PID=
DB_CREATED=
PG_OS_USER=
[[ $(id -u) == 0 ]] && PG_OS_USER=${CRYO_PG_OS_USER:-cryo}
as_pg() { if [[ -n $PG_OS_USER ]]; then runuser -u "$PG_OS_USER" -- "$@"; else "$@"; fi; }
pg_ctl_() { as_pg "$PG_BIN/pg_ctl" -D "$WORK/pgdata" -l "$WORK/postgres.log" -w "$@"; }

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    stop_pid molecule-service "$SERVICE_PID"
    stop_pid auth-service "$AUTH_PID"
    pg_ctl_ stop -m immediate >/dev/null 2>&1 || true
    DB_CREATED=   # the whole cluster goes with the scratch directory
    [[ $status != 0 ]] && tail -n 30 "$WORK/service.log" >&2 2>/dev/null
    finish_run "$status"
}
on_exit cleanup
open_report drills

# --- a private cluster -------------------------------------------------------------------------
log "private PostgreSQL cluster in $WORK/pgdata on port $PORT"
[[ -n $PG_OS_USER ]] && { id "$PG_OS_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_OS_USER"; }
mkdir -p "$WORK/pgdata" "$WORK/sock" && [[ -n $PG_OS_USER ]] && chown "$PG_OS_USER" "$WORK/pgdata" "$WORK/sock" "$WORK"
as_pg "$PG_BIN/initdb" -D "$WORK/pgdata" -U postgres --auth=trust --encoding=UTF8 --locale=C >"$WORK/initdb.log" 2>&1
pg_ctl_ start -o "-p $PORT -k $WORK/sock -c listen_addresses=127.0.0.1 -c max_connections=100 -c jit=off" >/dev/null
create_bench_database 40 "service pool + drills"
ensure_roles
psql_super -c "alter role $AUTHENTICATOR in database $DB set statement_timeout = '5s'"

make_signing_key

# start_service POOL [extra env assignments...]: molecule-service on $HTTP_PORT; sets STARTED_IN
start_service() {
    local pool=$1; shift
    stop_pid molecule-service "$SERVICE_PID"
    : >"$WORK/service.log"   # STARTED_IN below reads this start's line
    start_molecule_service "$pool" "$@"
    STARTED_IN=$(grep -o 'started in [0-9.]*s' "$WORK/service.log" | head -1 | grep -o '[0-9.]*')
}
metric() { curl -fsS "$BASE/q/metrics" | awk -v n="$1" '$1 ~ "^"n"([{]|$)" { s += $NF } END { printf "%.6f", s }'; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
# acquisition p99 from the histogram buckets (upper bound of the bucket holding the 99th percentile)
acq_p99_ms() {
    curl -fsS "$BASE/q/metrics" | python3 -c '
import re, sys
b = {}
for line in sys.stdin:
    m = re.match(r"cryo_db_pool_acquisition_seconds_bucket\{.*le=\"([^\"]+)\".*\} (\S+)", line)
    if m: b[float(m.group(1))] = b.get(float(m.group(1)), 0) + float(m.group(2))
total = b.get(float("inf"), 0)
for le in sorted(b):
    if b[le] >= 0.99 * total: print("%.0f" % (le * 1000) if le != float("inf") else "inf"); break'
}

start_service "$POOL"
out "molecule-service JVM start: ${STARTED_IN}s (empty database, migrations included)"
log "seeding the benchmark data set"
PSQL_DB=$DB psql_super -v bench_user="$BENCH_USER" -f "$BENCH_DIR/seed.sql" >"$WORK/seed.log" 2>&1 || die "seed.sql failed"
MEMBER=$(mint authenticated "$BENCH_USER" cryo-drill "molecules:read molecules:write")
SERVICE=$(mint service_role drill-service drill-service "molecules:read molecules:write")
out "machine: $(nproc) cores, PostgreSQL $(psql_super -Atc 'show server_version'), $(java -version 2>&1 | head -1), $JAVA_OPTS"

want() { [[ " ${DRILL_PARTS:-1 2 3 4 5} " == *" $1 "* ]]; }

# --- 1. pool sizing: throughput and p99 at 64 connections on the benchmark data ------------------
if want 1; then
out ""
out "1. pool size vs throughput (wrk -c64, ${SECONDS_PER_RUN}s per run; list = service role, search = team member q=cryoprotectant)"
out "$(printf '%-5s %10s %9s %10s %9s %12s' pool 'list r/s' 'list p99' 'search r/s' 'srch p99' 'acq mean ms')"
for size in $POOL_SIZES; do
    start_service "$size"
    wrk -t2 -c64 -d3s -H "Authorization: Bearer $SERVICE" "$BASE/api/molecules" >/dev/null
    c0=$(metric cryo_db_pool_acquisition_seconds_count); s0=$(metric cryo_db_pool_acquisition_seconds_sum)
    wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency -H "Authorization: Bearer $SERVICE" "$BASE/api/molecules" >"$WORK/list-$size.txt"
    wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency -H "Authorization: Bearer $MEMBER" "$BASE/api/molecules?q=cryoprotectant" >"$WORK/search-$size.txt"
    c1=$(metric cryo_db_pool_acquisition_seconds_count); s1=$(metric cryo_db_pool_acquisition_seconds_sum)
    rps() { awk '/Requests\/sec/ { printf "%.0f", $2 }' "$1"; }
    p99() { awk '$1 == "99%" { print $2 }' "$1"; }
    out "$(printf '%-5s %10s %9s %10s %9s %12s' "$size" "$(rps "$WORK/list-$size.txt")" "$(p99 "$WORK/list-$size.txt")" \
        "$(rps "$WORK/search-$size.txt")" "$(p99 "$WORK/search-$size.txt")" \
        "$(awk -v c0="$c0" -v c1="$c1" -v s0="$s0" -v s1="$s1" 'BEGIN { printf "%.2f", (s1 - s0) / (c1 - c0) * 1000 }')")"
done

fi

# --- 2. normal load: acquisition time and utilization -----------------------------------------
if want 2; then
start_service "$POOL"
out ""
out "2. normal load, pool $POOL: 8 closed-loop clients listing molecules as the team member for ${SECONDS_PER_RUN}s"
c0=$(metric cryo_db_pool_acquisition_seconds_count); s0=$(metric cryo_db_pool_acquisition_seconds_sum)
python3 "$BENCH_DIR/drill_load.py" "$BASE" "$MEMBER" 8 "$SECONDS_PER_RUN" 0 "$WORK/normal.log" &
LOAD=$!
max_util=0; sum_util=0; samples=0; max_rss=0
while kill -0 "$LOAD" 2>/dev/null; do
    u=$(metric cryo_db_pool_utilization)
    max_util=$(awk -v a="$max_util" -v b="$u" 'BEGIN { print (b > a ? b : a) }'); sum_util=$(awk -v a="$sum_util" -v b="$u" 'BEGIN { print a + b }'); samples=$((samples + 1))
    r=$(rss_mb "$SERVICE_PID"); (( r > max_rss )) && max_rss=$r
    sleep 0.5
done
wait "$LOAD" || true
c1=$(metric cryo_db_pool_acquisition_seconds_count); s1=$(metric cryo_db_pool_acquisition_seconds_sum)
out "   requests: $(wc -l <"$WORK/normal.log"), non-2xx: $(awk '$3 < 200 || $3 >= 300' "$WORK/normal.log" | wc -l), req/s: $(awk -v n="$(wc -l <"$WORK/normal.log")" -v d="$SECONDS_PER_RUN" 'BEGIN { printf "%.0f", n / d }')"
out "   acquisition mean: $(awk -v c0="$c0" -v c1="$c1" -v s0="$s0" -v s1="$s1" 'BEGIN { printf "%.3f", (s1 - s0) / (c1 - c0) * 1000 }') ms, p99 (bucket bound, whole run): $(acq_p99_ms) ms"
out "   pool utilization: mean $(awk -v s="$sum_util" -v n="$samples" 'BEGIN { printf "%.0f", s / n * 100 }')%, max $(awk -v m="$max_util" 'BEGIN { printf "%.0f", m * 100 }')% (sampled every 0.5 s)"
out "   molecule-service resident memory under load: max ${max_rss} MB"

fi

# --- 3. PostgreSQL restart under steady load ---------------------------------------------------
if want 3; then
out ""
out "3. PostgreSQL restart (pg_ctl restart -m fast) 10 s into 30 s of load: 8 clients, every 5th request a write (POST /api/teams)"
python3 "$BENCH_DIR/drill_load.py" "$BASE" "$MEMBER" 8 30 5 "$WORK/restart.log" &
LOAD=$!
sleep 10
RESTART_AT=$(python3 -c 'import time; print(time.time())')
pg_ctl_ restart -m fast -o "-p $PORT -k $WORK/sock -c listen_addresses=127.0.0.1 -c max_connections=100 -c jit=off" >/dev/null
UP_AT=$(python3 -c 'import time; print(time.time())')
wait "$LOAD" || true
LOAD_T0=$(python3 -c "import os; print(os.path.getmtime('$WORK/restart.log'))")
python3 - "$WORK/restart.log" "$RESTART_AT" "$UP_AT" <<'PY' | tee -a "$REPORT"
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
# times in the log are relative to the load start = restart time - 10 s (approximately)
restart_rel = 10.0
down = float(sys.argv[3]) - float(sys.argv[2])
failed = [r for r in rows if not (200 <= int(r[2]) < 300)]
print(f"   requests: {len(rows)}, failed: {len(failed)} (statuses: {sorted(set(r[2] for r in failed))})")
print(f"   PostgreSQL down for {down:.1f} s (restart command)")
if failed:
    first, last = min(float(r[0]) for r in failed), max(float(r[1]) for r in failed)
    print(f"   error window: {last - first:.2f} s (first failed request started to last failed request ended)")
    print(f"   full recovery: {last - restart_rel:.2f} s after the restart began")
else:
    print("   error window: 0 s (no failed request)")
print(f"   slowest request: {max(float(r[1]) - float(r[0]) for r in rows):.2f} s")
# how fast each status is answered: the 503s of an open circuit breaker do not wait for the database
by = {}
for r in rows:
    by.setdefault(r[2], []).append(float(r[1]) - float(r[0]))
for status, lat in sorted(by.items()):
    lat.sort()
    print(f"   status {status}: {len(lat)} requests, median {lat[len(lat)//2]*1000:.0f} ms, max {lat[-1]*1000:.0f} ms")
PY
out "   refused at once by the open circuit breaker (since the service started): $(metric cryo_db_circuit_breaker_rejections_total | cut -d. -f1) attempts"
acked=$(awk '$4 == "write" && $3 == 201 { print $5 }' "$WORK/restart.log" | sort)
stored=$(PSQL_DB=$DB psql_super -Atc "select name from chem.teams where name like 'drill-%'" | sort)
lost=$(comm -23 <(printf '%s\n' "$acked") <(printf '%s\n' "$stored") | grep -c . || true)
out "   writes acknowledged: $(printf '%s\n' "$acked" | grep -c . || true), stored: $(printf '%s\n' "$stored" | grep -c . || true), acknowledged but lost: $lost"

fi

# --- 4. pool exhaustion ---------------------------------------------------------------------------
if want 4; then
out ""
out "4. pool exhaustion: pool 4, wait queue 16, acquisition timeout 1 s; 64 clients searching for 15 s"
start_service 4 CRYO_DB_POOL_MAX_WAIT_QUEUE_SIZE=16 CRYO_DB_POOL_ACQUISITION_TIMEOUT=1s
python3 "$BENCH_DIR/drill_load.py" "$BASE" "$MEMBER" 64 15 0 "$WORK/exhaust.log" "/api/molecules?q=cryoprotectant" 
python3 - "$WORK/exhaust.log" <<'PY' | tee -a "$REPORT"
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
by = {}
for r in rows:
    by.setdefault(r[2], []).append(float(r[1]) - float(r[0]))
for status, lat in sorted(by.items()):
    lat.sort()
    print(f"   status {status}: {len(lat)} requests, median {lat[len(lat)//2]*1000:.0f} ms, max {lat[-1]*1000:.0f} ms")
PY
# the server may still be working off requests whose clients are gone: poll until one succeeds
python3 - "$BASE" "$MEMBER" <<'PY' | tee -a "$REPORT"
import sys, time, urllib.request
start, tries = time.time(), 0
while time.time() - start < 30:
    tries += 1
    t = time.time()
    try:
        urllib.request.urlopen(urllib.request.Request(sys.argv[1] + "/api/molecules?q=cryoprotectant",
                               headers={"Authorization": "Bearer " + sys.argv[2]}), timeout=10).read()
        break
    except Exception:
        time.sleep(0.05)
else:
    print("   after the load: NO success within 30 s")
    sys.exit(0)
print(f"   after the load: first success {(time.time() - start) * 1000:.0f} ms later ({tries} tries), that request took {(time.time() - t) * 1000:.0f} ms")
PY
out "   pool after the load: active $(metric cryo_db_pool_active_connections), idle $(metric cryo_db_pool_idle_connections), waiting $(metric cryo_db_pool_waiting_requests); readiness $(curl -s -o /dev/null -w '%{http_code}' "$BASE/q/health/ready")"
out "   saturation counters: $(curl -fsS "$BASE/q/metrics" | grep '^cryo_db_pool_saturation_total' | sed 's/.*reason="\([a-z]*\)".* \(.*\)/\1=\2/' | tr '\n' ' ')"

fi

# --- 5. footprint -----------------------------------------------------------------------------------
if want 5; then
out ""
out "5. footprint (JVM mode, $JAVA_OPTS)"
start_service "$POOL"
wrk -t2 -c64 -d10s -H "Authorization: Bearer $MEMBER" "$BASE/api/molecules" >/dev/null &
WRK=$!
sleep 8; out "   molecule-service: started in ${STARTED_IN}s, resident $(rss_mb "$SERVICE_PID") MB under wrk -c64"; wait "$WRK"
PSQL_DB=postgres psql_super -c "create database cryo_drill_auth" >/dev/null
# shellcheck disable=SC2086
START_DIR=$WORK start_and_wait auth-service "$AUTH_PORT" "$WORK/auth-service.log" \
    env QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$AUTH_PORT \
        QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PGHOST:$PGPORT/cryo_drill_auth" \
        QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= \
        QUARKUS_DATASOURCE_MIGRATIONS_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/cryo_drill_auth" \
        QUARKUS_DATASOURCE_MIGRATIONS_USERNAME=postgres QUARKUS_DATASOURCE_MIGRATIONS_PASSWORD= \
        CRYO_AUTH_ISSUER=$ISSUER CRYO_AUTH_KEY_ENCRYPTION_KEY="$(openssl rand -base64 32)" \
        CRYO_IMPORT_SERVICE_CLIENT_SECRET=drill-secret \
    java $JAVA_OPTS -jar "$AUTH_JAR"
AUTH_PID=$STARTED_PID
cat >"$WORK/token.lua" <<'LUA'
wrk.method = "POST"
wrk.body = "grant_type=client_credentials"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic " .. "aW1wb3J0LXNlcnZpY2U6ZHJpbGwtc2VjcmV0"
LUA
wrk -t2 -c64 -d10s -s "$WORK/token.lua" "http://127.0.0.1:$AUTH_PORT/oauth/token" >"$WORK/auth-wrk.txt" &
WRK=$!
sleep 8
AUTH_RSS=$(rss_mb "$AUTH_PID")
wait "$WRK"
out "   auth-service: started in $(grep -o 'started in [0-9.]*s' "$WORK/auth-service.log" | head -1 | grep -o '[0-9.]*')s, resident $AUTH_RSS MB under wrk -c64 issuing tokens ($(awk '/Requests\/sec/ { printf "%.0f", $2 }' "$WORK/auth-wrk.txt") tokens/s)"


fi

cp "$REPORT" "$RESULT"
log "report: $RESULT"
