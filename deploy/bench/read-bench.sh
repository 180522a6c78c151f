# shellcheck shell=bash disable=SC2034  # the variables set here are read by the scripts that source this file
# The molecule-service read benchmarks (run-molecule-bench.sh, run-toxicity-bench.sh): their common
# settings, and the steps both take — a fresh database, molecule-service with a throw-away key, the
# seed, a member's and the service role's tokens, then per scenario a check, a warm-up, wrk against
# the service and pgbench running the very same transaction; and the report's common parts.
# Sourced at the start of those scripts (after they set LOG_TAG): it reads the environment
# documented in run-molecule-bench.sh's header and sources lib.sh.
#
# pgbench runs the service's own statements: BenchStatements (molecule-service test sources) captures
# them from the repositories, so nothing here copies the service's SQL by hand.
#
# A script then sets DB_MARK and TARGET_P99_RATIO, TARGET_RLS_RATIO, TARGET_PGBENCH_SHARE, and calls, in
# this order:
#   build_test_classes; start_read_bench NAME; seed_bench_data MESSAGE FILE...; mint_caller_tokens;
#   scenario NAME URL REQUEST (each of SCENARIOS); capture_statements; check_scenarios ...; measure_scenarios;
#   out_report_head TITLE; out_scenario_table; out_rls_comparison; out_read_targets; save_report.

READ_BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/lib.sh
. "$READ_BENCH_DIR/lib.sh"

REPO_ROOT=$(cd "$READ_BENCH_DIR/../.." && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB_PASSWORD=${PGPASSWORD:-postgres}   # what the service's migrations send; ignored by trust authentication
DB=${BENCH_DB:-cryo_bench}
JAR=${CRYO_BENCH_JAR:-$REPO_ROOT/molecule-service/target/quarkus-app/quarkus-run.jar}
HTTP_PORT=${BENCH_HTTP_PORT:-18082}
POOL=${BENCH_POOL_SIZE:-20}
DURATION=${BENCH_SECONDS:-20}
WARMUP=${BENCH_WARMUP_SECONDS:-15}   # per scenario: the JIT settles before the first one is measured
CONNS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
QUERY=${BENCH_QUERY:-cryoprotectant}
BENCH_USER=${BENCH_USER:-be4c0000-0000-4000-8000-000000000001}
STATEMENT_TIMEOUT=${BENCH_STATEMENT_TIMEOUT:-5s}
[[ $STATEMENT_TIMEOUT =~ ^([0-9]+)s$ ]] || die "BENCH_STATEMENT_TIMEOUT must be whole seconds, like 5s"
STATEMENT_TIMEOUT_MS=$((BASH_REMATCH[1] * 1000))   # what the service's transactions set, and pgbench's too
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx1g}
SUMMARY_REFRESH_EVERY=${BENCH_SUMMARY_REFRESH_EVERY:-1h}
RESULTS_DIR=${BENCH_RESULTS_DIR:-$READ_BENCH_DIR/results}
MODULE=$REPO_ROOT/molecule-service   # its test sources hold BenchStatements and the generators (lib.sh: build_test_classes)
ISSUER=http://localhost:8081
BASE=http://127.0.0.1:$HTTP_PORT

require_positive POOL DURATION WARMUP CONNS THREADS HTTP_PORT
[[ $DB =~ ^[a-z_][a-z0-9_]*$ ]] || die "BENCH_DB must be a plain lower-case identifier"
[[ $PGHOST != /* ]] || die "PGHOST must be a TCP host (the service connects over TCP), not a socket directory"
[[ $BENCH_USER =~ ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ ]] || die "BENCH_USER must be a lower-case UUID"
[[ $QUERY =~ ^[A-Za-z0-9\ -]+$ ]] || die "BENCH_QUERY: letters, digits, spaces and '-' only"

# What the service passes to set_config for each caller (common/.../Caller.java): sub is the user id
# or '' for service clients; the claims JSON is {sub, role, client_id, scope} in that order.
MEMBER_CLIENT=cryo-bench-cli
MEMBER_SCOPE="molecules:read molecules:write"
MEMBER_CLAIMS=$(printf '{"sub":"%s","role":"authenticated","client_id":"%s","scope":"%s"}' "$BENCH_USER" "$MEMBER_CLIENT" "$MEMBER_SCOPE")
SERVICE_SUB=bench-service
SERVICE_SCOPE="molecules:read molecules:write"
SERVICE_CLAIMS=$(printf '{"sub":"%s","role":"service","client_id":"%s","scope":"%s"}' "$SERVICE_SUB" "$SERVICE_SUB" "$SERVICE_SCOPE")

SCENARIOS=()   # the script's, in the order they run and are reported
declare -A URL TOKEN REQUEST ROLE SUB CLAIMS                     # per scenario: what it asks, and as whom
declare -A ITEMS SOLO RPS REQS P50 P99 ERRS CPU TPS PGAVG PGP50 PGP99 PGERRS   # per scenario: what was measured
SERVICE_PID=
DB_CREATED=

# start_read_bench NAME — checks the tools, makes the scratch directory $WORK, opens the report
# (results/NAME-<date>.txt), creates the database, starts molecule-service. Tears all down at exit.
start_read_bench() {
    local name=$1 pgbench_major
    need java "Java 17 runs the service."
    need psql "apt-get install postgresql-client"
    need pgbench "apt-get install postgresql-client (pgbench 14+ for \\startpipeline)"
    need openssl "apt-get install openssl"
    need curl "apt-get install curl"
    install_if_missing jq jq
    install_if_missing wrk wrk
    [[ -f $JAR ]] || die "no service jar at $JAR (build molecule-service, or set CRYO_BENCH_JAR)"
    pgbench_major=$(pgbench --version | awk '{print $NF}' | cut -d. -f1)
    (( pgbench_major >= 14 )) || die "pgbench $pgbench_major is too old: 14+ is needed for \\startpipeline"
    QUERY_URL=$(jq -rn --arg q "$QUERY" '$q | @uri')

    WORK=$(mktemp -d "${TMPDIR:-/tmp}/cryo-bench.XXXXXX")
    on_exit read_bench_cleanup
    open_report "$name"

    create_bench_database "$((CONNS + POOL + 1))" "pgbench $CONNS + pool $POOL + 1"
    ensure_roles

    make_signing_key
    log "starting molecule-service from $JAR (pool $POOL)"
    # the seeds leave the structure columns empty: the backfill would compute them with CDK during the runs
    start_molecule_service "$POOL" CRYO_DB_STATEMENT_TIMEOUT="$STATEMENT_TIMEOUT" CRYO_MOLECULE_BACKFILL_ENABLED=false
}

read_bench_cleanup() {
    local status=$?
    trap - EXIT INT TERM
    stop_pid molecule-service "$SERVICE_PID"
    if [[ $status != 0 && -s $WORK/service.log ]]; then
        log "service log (last 40 lines of $WORK/service.log):"
        tail -n 40 "$WORK/service.log" >&2 || true
    fi
    finish_run "$status"
}

# seed_bench_data MESSAGE FILE... — runs the seed files of deploy/bench in $DB (as the superuser, with
# the psql variable bench_user); sets SEED_SECONDS
seed_bench_data() {
    local file start
    log "$1"
    shift
    start=$(date +%s.%N)
    for file in "$@"; do
        PSQL_DB=$DB psql_super -v bench_user="$BENCH_USER" -f "$READ_BENCH_DIR/$file" >"$WORK/${file%.sql}.log" 2>&1 \
            || { cat "$WORK/${file%.sql}.log" >&2; die "$file failed"; }
    done
    SEED_SECONDS=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
    log "seeded in $SEED_SECONDS s"
}

mint_caller_tokens() {  # after the seed: the tokens live 15 minutes
    MEMBER_TOKEN=$(mint authenticated "$BENCH_USER" "$MEMBER_CLIENT" "$MEMBER_SCOPE")
    SERVICE_TOKEN=$(mint service_role "$SERVICE_SUB" "$SERVICE_SUB" "$SERVICE_SCOPE")
}

# scenario NAME URL REQUEST — NAME ends in -member (the bench member, RLS on) or -service (the
# service role); REQUEST is what BenchStatements captures for the pgbench side (e.g. list, search:TEXT)
scenario() {
    local s=$1
    URL[$s]=$2
    REQUEST[$s]=$3
    case $s in
        *-member) TOKEN[$s]=$MEMBER_TOKEN; ROLE[$s]=cryo_authenticated; SUB[$s]=$BENCH_USER; CLAIMS[$s]=$MEMBER_CLAIMS ;;
        *-service) TOKEN[$s]=$SERVICE_TOKEN; ROLE[$s]=cryo_service; SUB[$s]=; CLAIMS[$s]=$SERVICE_CLAIMS ;;
        *) die "scenario $s: the name must end in -member or -service" ;;
    esac
}

# capture_statements — per scenario, the transaction the service runs for it, captured from its
# repositories by BenchStatements: $WORK/sql/NAME-pgbench.sql and its parameters NAME.vars
capture_statements() {
    local s specs=()
    for s in "${SCENARIOS[@]}"; do specs+=("$s=${REQUEST[$s]}"); done
    java -cp "$TEST_CP" org.cryoprotect.molecule.repository.BenchStatements reads "$WORK/sql" 50 "${specs[@]}" \
        || die "could not capture the service's statements"
    for s in "${SCENARIOS[@]}"; do
        # pgbench's -D refuses empty values, so for service callers (sub '') the script gets a literal ''.
        [[ -n ${SUB[$s]} ]] || sed -i "s/:sub/''/" "$WORK/sql/$s-pgbench.sql"
    done
}

# pgbench_args SCENARIO — the -D options of a captured script: the caller, the timeout, the parameters
pgbench_args() {
    local s=$1 v
    PGBENCH_ARGS=(-D "role=${ROLE[$s]}" -D "claims=${CLAIMS[$s]}" -D "timeout=$STATEMENT_TIMEOUT_MS")
    [[ -z ${SUB[$s]} ]] || PGBENCH_ARGS+=(-D "sub=${SUB[$s]}")
    while IFS= read -r v; do PGBENCH_ARGS+=(-D "$v"); done <"$WORK/sql/$s.vars"
}

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

# check_scenarios ITEMS_FILTER NOUN DETAIL_FILTER — one request per scenario must answer 200 (a 5xx
# is measured anyway: it shows as errors); sets ITEMS (jq ITEMS_FILTER of the answer) and SOLO (its
# latency alone: best of 3 sequential requests), and logs NOUN and jq -rc DETAIL_FILTER of the answer.
check_scenarios() {
    local items_filter=$1 noun=$2 detail_filter=$3 s code secs
    log "sanity check of each scenario (and its latency alone: best of 3 sequential requests)"
    for s in "${SCENARIOS[@]}"; do
        SOLO[$s]=nan
        for _ in 1 2 3; do
            read -r code secs < <(curl -sS --max-time 30 -o "$WORK/check-$s.json" -w '%{http_code} %{time_total}\n' \
                -H "Authorization: Bearer ${TOKEN[$s]}" "${URL[$s]}" || echo "000 0")
            [[ $code == 200 ]] || break
            SOLO[$s]=$(awk -v t="$secs" -v best="${SOLO[$s]}" 'BEGIN { t *= 1000; printf "%.2f", (best == "nan" || t < best) ? t : best }')
        done
        if [[ $code == 200 ]]; then
            ITEMS[$s]=$(jq "$items_filter" "$WORK/check-$s.json")
            log "  $s: 200, ${ITEMS[$s]} $noun, $(jq -rc "$detail_filter" "$WORK/check-$s.json"), alone ${SOLO[$s]} ms"
        elif [[ $code == 5* ]]; then   # a query slower than statement_timeout, say: measure anyway, it shows as errors
            ITEMS[$s]=ERR
            log "  $s: WARNING: answered $code: $(head -c 300 "$WORK/check-$s.json" 2>/dev/null)"
        else
            head -c 2000 "$WORK/check-$s.json" >&2 2>/dev/null || true
            die "$s: GET ${URL[$s]} answered $code (token, key or configuration problem)"
        fi
    done
}

# measure_scenarios — a warm-up of every scenario, then per scenario wrk against the service and
# pgbench (as $AUTHENTICATOR, the captured transaction with its caller and parameters) for $DURATION s.
measure_scenarios() {
    local s f ticks0 ticks1 non2xx sockerr failed aborted
    log "warm-up: ${WARMUP}s per scenario"
    for s in "${SCENARIOS[@]}"; do
        timeout $((WARMUP + 30)) wrk -t"$THREADS" -c16 -d"${WARMUP}s" --timeout 10s \
            -H "Authorization: Bearer ${TOKEN[$s]}" "${URL[$s]}" >"$WORK/warmup-$s.txt" 2>&1 || true
    done
    wait_db_idle

    for s in "${SCENARIOS[@]}"; do
        log "wrk $s: ${DURATION}s, $CONNS connections"
        # CPU the service process burns per request (user + system), to tell JVM cost from database cost.
        ticks0=$(cpu_ticks "$SERVICE_PID")
        timeout $((DURATION + 60)) wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --latency --timeout 10s \
            -H "Authorization: Bearer ${TOKEN[$s]}" "${URL[$s]}" >"$WORK/wrk-$s.txt" 2>&1 || true
        ticks1=$(cpu_ticks "$SERVICE_PID")
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
        pgbench_args "$s"
        rm -f "$WORK/pgb-$s".*
        PGPASSWORD=$AUTHENTICATOR_PASSWORD timeout $((DURATION + 60)) \
            pgbench -h "$PGHOST" -p "$PGPORT" -U "$AUTHENTICATOR" -d "$DB" -n -M prepared \
            -c "$CONNS" -j "$THREADS" -T "$DURATION" -f "$WORK/sql/$s-pgbench.sql" "${PGBENCH_ARGS[@]}" \
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
}

# --- report ----------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "nan" || b == "nan" || b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'; }
verdict() {  # verdict VALUE OP LIMIT
    awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN { if (v == "n/a" || v == "nan") { print "n/a"; exit }
        ok = (op == "<=") ? (v + 0 <= l + 0) : (v + 0 >= l + 0); print (ok ? "PASS" : "FAIL") }'
}

out_report_head() {  # out_report_head TITLE — the title with the time, then the machine, the server, the service and the load
    local pg_version pg_settings
    pg_version=$(psql_super -Atc "select current_setting('server_version')")
    pg_settings=$(psql_super -Atc "select string_agg(name || '=' || setting || coalesce(unit, ''), ', ' order by name) from pg_settings
                                   where name in ('shared_buffers', 'max_connections', 'jit', 'work_mem', 'effective_cache_size')")
    out "$1 — $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    out "machine: $(nproc) CPUs ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)"
    out "postgres: $pg_version at $PGHOST:$PGPORT ($pg_settings)"
    out "service: $(java -version 2>&1 | head -1), $JAVA_OPTS, reactive pool max-size $POOL, jar $JAR"
    out "load: wrk -t$THREADS -c$CONNS -d${DURATION}s --latency; pgbench -c $CONNS -j $THREADS -T $DURATION -n -M prepared (same transaction, as $AUTHENTICATOR)"
    out "      service, PostgreSQL and the load generator share this machine; warm-up ${WARMUP}s per scenario"
}

out_scenario_table() {  # out_scenario_table WIDTH — a row per scenario, its name WIDTH wide
    local w=$1 s
    out "$(printf "%-${w}s %5s %9s %9s %9s %9s %6s %9s %9s %9s %9s %9s %6s %7s" scenario items 'alone' 'svc req/s' 'svc p50' 'svc p99' errors 'svc cpu' \
        'pgb tps' 'pgb avg' 'pgb p50' 'pgb p99' 'pgb er' 'svc/pgb')"
    for s in "${SCENARIOS[@]}"; do
        out "$(printf "%-${w}s %5s %7.2fms %9.1f %7.2fms %7.2fms %6s %7.2fms %9.1f %7.2fms %7.2fms %7.2fms %6s %7s" "$s" "${ITEMS[$s]:-?}" "${SOLO[$s]}" "${RPS[$s]}" \
            "${P50[$s]}" "${P99[$s]}" "${ERRS[$s]}" "${CPU[$s]}" "${TPS[$s]}" "${PGAVG[$s]}" "${PGP50[$s]}" "${PGP99[$s]}" "${PGERRS[$s]}" \
            "$(ratio "${RPS[$s]}" "${TPS[$s]}")")"
    done
}

# out_rls_comparison WIDTH GROUP... — GROUP-member against GROUP-service, the group's name WIDTH wide
out_rls_comparison() {
    local w=$1 q lat thr pgthr
    shift
    out "RLS on (member) vs service role:"
    for q in "$@"; do
        lat=$(ratio "${P99[$q-member]}" "${P99[$q-service]}")
        thr=$(ratio "${RPS[$q-service]}" "${RPS[$q-member]}")
        pgthr=$(ratio "${TPS[$q-service]}" "${TPS[$q-member]}")
        out "$(printf "  %-${w}s p99 member/service %6s  throughput service/member %6s  (pgbench %6s)  target <= %s: %s" \
            "$q" "$lat" "$thr" "$pgthr" "$TARGET_RLS_RATIO" \
            "$( [[ $(verdict "$lat" '<=' "$TARGET_RLS_RATIO") == PASS && $(verdict "$thr" '<=' "$TARGET_RLS_RATIO") == PASS ]] && echo PASS || echo FAIL)")"
    done
}

out_read_targets() {  # out_read_targets WIDTH — "Targets:", p99 and service-vs-pgbench per scenario, its name WIDTH wide
    local w=$1 s v r
    out "Targets:"
    for s in "${SCENARIOS[@]}"; do
        r=$(ratio "${P99[$s]}" "${PGP99[$s]}")
        v=$(verdict "$r" '<=' "$TARGET_P99_RATIO"); [[ $v != n/a ]] || v="FAIL (no request completed)"
        [[ ${ERRS[$s]} == 0 ]] || v="FAIL (${ERRS[$s]} errors)"
        out "$(printf "  p99 <= %s x pgbench p99, 0 errors at %s  %-${w}s %9s ms / %9s ms = %5s  %s" "$TARGET_P99_RATIO" "$CONNS" "$s" "${P99[$s]}" "${PGP99[$s]}" "$r" "$v")"
    done
    for s in "${SCENARIOS[@]}"; do
        r=$(ratio "${RPS[$s]}" "${TPS[$s]}")
        v=$(verdict "$r" '>=' "$TARGET_PGBENCH_SHARE"); [[ $v != n/a ]] || v="n/a (pgbench completed nothing)"
        out "$(printf "  service >= %s x pgbench             %-${w}s %9s     %s" "$TARGET_PGBENCH_SHARE" "$s" "$r" "$v")"
    done
}

save_report() {
    cp "$REPORT" "$RESULT"
    log "results written to $RESULT"
}
