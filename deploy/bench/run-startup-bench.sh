#!/usr/bin/env bash
# Start-up benchmark (issue 14): how long each service's fast-jar takes from process start to the
# first 200 of its readiness probe (/q/health/ready), with migrations off as in Kubernetes (the
# schema is migrated once first, the way the migrate Jobs do it), for each JVM variant:
#
#   jvm17         the JDK 17 on PATH, no archive
#   jvm17-appcds  the same JDK with an AppCDS archive (-XX:SharedArchiveFile=app-cds.jsa)
#   jvm25         Temurin 25, no archive (tells the JDK's own share apart from the cache's)
#   jvm25-aot     Temurin 25 with a JEP 483/514 AOT cache (-XX:AOTCache=app.aot)
#   before-jvm17  (only with BENCH_BEFORE_ROOT) another checkout's jars on JDK 17: a code change
#                 measured side by side with the current tree in the same run
#
# Each archive is made the way the build makes it (pom.xml, profile startup-archive; the
# Dockerfiles): the jar started with -Dquarkus.appcds.generate=true, which stops after the
# build-time (static) initialisation; no database is reachable then (the URLs point at port 1).
# The jars are copied to a scratch directory first, so a rebuild meanwhile changes nothing.
# Starts go round-robin (run 1 of every service and variant, then run 2, ...) so that the
# machine's noise spreads over all of them. Prints per service and variant the median and the
# minimum time to ready and Quarkus's own "started in" (median), writes results/startup-<date>.txt.
#
#   deploy/bench/run-startup-bench.sh
#
# Needs: java 17 on PATH, psql, openssl, curl; a tree built with the archive hook
# (./mvnw -pl auth-service,molecule-service,import-service,web -am package -DskipTests -Dstartup-archive;
# without it only the variants jvm17, jvm25 and before-jvm17 can run).
# Environment (defaults in brackets):
#   BENCH_RUNS         [5]       starts per service and variant
#   BENCH_SERVICES     [auth-service molecule-service import-service web]
#   BENCH_VARIANTS     [jvm17 jvm17-appcds jvm25 jvm25-aot]; the jvm25 ones are left out (with a
#                      note) when BENCH_JAVA25 is not there
#   BENCH_JAVA25       [/usr/lib/jvm/temurin-25-jdk-amd64/bin/java]
#   BENCH_JAVA_OPTS    [-Xmx512m] for every start (the containers' limit is 512Mi-1Gi)
#   BENCH_BEFORE_ROOT  a checkout (e.g. the main branch's) whose built jars run as before-jvm17
#   BENCH_DB [cryo_startup_bench], BENCH_PORT_BASE [18280] (ports BASE..BASE+3),
#   BENCH_RESULTS_DIR, BENCH_KEEP_WORK=1 (keep the scratch directory with every start's log), PG*
set -Eeuo pipefail

LOG_TAG=startup-bench
# shellcheck source=SCRIPTDIR/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REPO_ROOT=$(cd "$BENCH_LIB_DIR/../.." && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB_PASSWORD=${PGPASSWORD:-postgres}   # what the migrations send; ignored by trust authentication
DB=${BENCH_DB:-cryo_startup_bench}
DB_MARK='CryoProtect start-up benchmark (deploy/bench); dropped at the end of every run'
RUNS=${BENCH_RUNS:-5}
PORT_BASE=${BENCH_PORT_BASE:-18280}
read -r -a SERVICES <<<"${BENCH_SERVICES:-auth-service molecule-service import-service web}"
read -r -a VARIANTS <<<"${BENCH_VARIANTS:-jvm17 jvm17-appcds jvm25 jvm25-aot}"
JAVA17=$(command -v java || true)
JAVA25=${BENCH_JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
read -r -a JAVA_OPTS <<<"${BENCH_JAVA_OPTS:--Xmx512m}"
BEFORE_ROOT=${BENCH_BEFORE_ROOT:-}
RESULTS_DIR=${BENCH_RESULTS_DIR:-$BENCH_LIB_DIR/results}
ISSUER=http://localhost:8081
NO_DB_REACTIVE=postgresql://127.0.0.1:1/none   # the archive runs must not need a database
NO_DB_JDBC=jdbc:postgresql://127.0.0.1:1/none

require_positive RUNS PORT_BASE
[[ $DB =~ ^[a-z_][a-z0-9_]*$ ]] || die "BENCH_DB must be a plain lower-case identifier"
[[ $PGHOST != /* ]] || die "PGHOST must be a TCP host (the services connect over TCP), not a socket directory"
need java "Java 17 runs the services."
need psql "apt-get install postgresql-client"
need openssl "apt-get install openssl"
need curl "apt-get install curl"
[[ $(java_major "$JAVA17") == 17 ]] \
    || die "the java on PATH must be JDK 17 (the services' release)"
if [[ ! -x $JAVA25 ]]; then
    log "no JDK 25 at $JAVA25 (BENCH_JAVA25): leaving out the jvm25 variants"
    mapfile -t VARIANTS < <(printf '%s\n' "${VARIANTS[@]}" | grep -v '^jvm25')
fi
[[ -z $BEFORE_ROOT ]] || VARIANTS+=(before-jvm17)
for s in "${SERVICES[@]}"; do
    case $s in auth-service|molecule-service|import-service|web) ;; *) die "unknown service $s" ;; esac
    [[ -f $REPO_ROOT/$s/target/quarkus-app/quarkus-run.jar ]] || die "no $s/target/quarkus-app/quarkus-run.jar: build it first"
    [[ -z $BEFORE_ROOT || -f $BEFORE_ROOT/$s/target/quarkus-app/quarkus-run.jar ]] || die "no $s jar under $BEFORE_ROOT"
done
for v in "${VARIANTS[@]}"; do
    case $v in jvm17|jvm17-appcds|jvm25|jvm25-aot|before-jvm17) ;; *) die "unknown variant $v" ;; esac
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/cryo-startup-bench.XXXXXX")
DB_CREATED=
RUNNING_PID=
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    stop_pid service "$RUNNING_PID"
    finish_run "$status"
}
on_exit cleanup
open_report startup

port_of() { case $1 in auth-service) echo "$PORT_BASE" ;; molecule-service) echo $((PORT_BASE + 1)) ;;
                       import-service) echo $((PORT_BASE + 2)) ;; web) echo $((PORT_BASE + 3)) ;; esac; }
login_of() { case $1 in auth-service) echo cryo_auth ;; molecule-service) echo "$AUTHENTICATOR" ;;
                        import-service) echo cryo_importer ;; web) echo cryo_web ;; esac; }

# service_env SERVICE REACTIVE_URL JDBC_URL -> the VAR=VALUE list a start needs (as deploy/local/run.sh
# sets it, but without auth-service: molecule- and import-service verify with a PEM key)
service_env() {
    local s=$1
    printf '%s\n' QUARKUS_HTTP_HOST=127.0.0.1 "QUARKUS_HTTP_PORT=$(port_of "$s")" \
        "QUARKUS_DATASOURCE_REACTIVE_URL=$2" "QUARKUS_DATASOURCE_USERNAME=$(login_of "$s")" QUARKUS_DATASOURCE_PASSWORD=cryo \
        "QUARKUS_DATASOURCE_MIGRATIONS_JDBC_URL=$3" "QUARKUS_DATASOURCE_MIGRATIONS_USERNAME=$PGUSER" \
        "QUARKUS_DATASOURCE_MIGRATIONS_PASSWORD=$DB_PASSWORD" "CRYO_TOKEN_ISSUER=$ISSUER"
    case $s in
        auth-service) printf '%s\n' "CRYO_AUTH_ISSUER=$ISSUER" "CRYO_AUTH_KEY_ENCRYPTION_KEY=$KEK" \
            CRYO_ADMIN_EMAIL=admin@bench.invalid CRYO_ADMIN_PASSWORD=bench-admin-password \
            CRYO_IMPORT_SERVICE_CLIENT_SECRET=bench-import-secret CRYO_MOLECULE_SERVICE_CLIENT_SECRET=bench-molecule-secret ;;
        molecule-service|import-service) printf '%s\n' "CRYO_TOKEN_PUBLIC_KEY_LOCATION=file:$WORK/keys/public.pem" \
            CRYO_TOKEN_JWKS_URL= CRYO_TOKEN_REVOCATION_FEED_URL= CRYO_IMPORT_CLIENT_SECRET=bench-import-secret ;;
        web) printf '%s\n' CRYO_WEB_AUTH_SERVICE_URL=http://127.0.0.1:1 CRYO_WEB_MOLECULE_SERVICE_URL=http://127.0.0.1:1 \
            CRYO_WEB_IMPORT_SERVICE_URL=http://127.0.0.1:1 ;;
    esac
}
db_env() { service_env "$1" "postgresql://$PGHOST:$PGPORT/$DB" "jdbc:postgresql://$PGHOST:$PGPORT/$DB"; }
no_db_env() { service_env "$1" "$NO_DB_REACTIVE" "$NO_DB_JDBC"; }

# app_dir SERVICE VARIANT -> the scratch copy of target/quarkus-app that VARIANT runs
app_dir() { if [[ $2 == before-* ]]; then echo "$WORK/before/$1"; else echo "$WORK/app/$1"; fi; }
java_of() { case $1 in jvm25*) echo "$JAVA25" ;; *) echo "$JAVA17" ;; esac; }
archive_opts() { case $1 in jvm17-appcds) echo -XX:SharedArchiveFile=app-cds.jsa ;; jvm25-aot) echo -XX:AOTCache=app.aot ;; esac; }

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# run_to_exit NAME DIR LOG ENV_FN SERVICE JAVA ARGS... — runs a jar in DIR until it exits; fails on a non-zero exit
run_to_exit() {
    local name=$1 dir=$2 logfile=$3 envfn=$4 s=$5
    shift 5
    local -a envs
    mapfile -t envs < <("$envfn" "$s")
    if ! (cd "$dir" && exec env "${envs[@]}" "$@") >"$logfile" 2>&1 </dev/null; then
        tail -n 30 "$logfile" >&2
        die "$name failed (log: $logfile)"
    fi
}

# --- prepare: database, keys, jars, migrations, archives -------------------------------------------
log "machine: $(uptime)"
UPTIME_BEFORE=$(uptime)
create_bench_database 20 "four services' pools, one at a time"
ensure_roles
make_signing_key
KEK=$(openssl rand -base64 32)

declare -A GEN_MS SIZE
for s in "${SERVICES[@]}"; do
    mkdir -p "$WORK/app" "$WORK/logs"
    cp -r "$REPO_ROOT/$s/target/quarkus-app" "$WORK/app/$s"
    if [[ -n $BEFORE_ROOT ]]; then
        mkdir -p "$WORK/before"
        cp -r "$BEFORE_ROOT/$s/target/quarkus-app" "$WORK/before/$s"
    fi
    # the migrate Job: migrate, then exit (QUARKUS_INIT_AND_EXIT)
    log "$s: migrating $DB"
    run_to_exit "$s migration" "$WORK/app/$s" "$WORK/logs/$s-migrate.log" db_env "$s" \
        env QUARKUS_INIT_AND_EXIT=true "$JAVA17" "${JAVA_OPTS[@]}" -jar quarkus-run.jar
    for v in "${VARIANTS[@]}"; do
        case $v in
            jvm17-appcds) file=app-cds.jsa; gen=(-XX:ArchiveClassesAtExit=app-cds.jsa) ;;
            jvm25-aot) file=app.aot; gen=(-XX:AOTCacheOutput=app.aot) ;;
            *) continue ;;
        esac
        log "$s: making $file ($v), no database reachable"
        rm -f "$WORK/app/$s/$file"   # the build's own (read-only) copy, maybe from another JDK
        start=$(now_ms)
        # a jar built without -Dstartup-archive lacks the hook: it starts for real, migrates, and fails on port 1
        run_to_exit "$s $file (was the jar built with -Dstartup-archive?)" "$WORK/app/$s" "$WORK/logs/$s-$v-archive.log" no_db_env "$s" \
            "$(java_of "$v")" "${JAVA_OPTS[@]}" "${gen[@]}" -Dquarkus.appcds.generate=true -jar quarkus-run.jar
        GEN_MS[$s/$v]=$(($(now_ms) - start))
        [[ -s $WORK/app/$s/$file ]] || die "$s: no $file made (log: $WORK/logs/$s-$v-archive.log)"
        SIZE[$s/$v]=$(du -m "$WORK/app/$s/$file" | cut -f1)
    done
done

# --- measure ---------------------------------------------------------------------------------------
# start_once SERVICE VARIANT RUN — sets LAST_MS (ms to ready), LAST_CPU (CPU ms the JVM burnt until
# then, all threads) and LAST_STARTED (Quarkus's "started in", s)
start_once() {
    local s=$1 v=$2 run=$3 dir logfile port t0 pid ready started
    dir=$(app_dir "$s" "$v")
    logfile=$WORK/logs/$s-$v-$run.log
    port=$(port_of "$s")
    port_in_use "$port" && die "port $port (for $s) is already in use by another program"
    local -a envs opts
    mapfile -t envs < <(db_env "$s")
    read -r -a opts <<<"$(archive_opts "$v")"
    t0=$(now_ms)
    # exactly the k8s containers' migration settings (k8s/base/*/deployment.yaml)
    (cd "$dir" && exec env "${envs[@]}" QUARKUS_DATASOURCE_MIGRATIONS_ACTIVE=false QUARKUS_FLYWAY_MIGRATIONS_MIGRATE_AT_START=false \
        "$(java_of "$v")" "${JAVA_OPTS[@]}" ${opts[@]+"${opts[@]}"} -jar quarkus-run.jar) >"$logfile" 2>&1 </dev/null &
    pid=$!
    RUNNING_PID=$pid
    until curl -fs --max-time 2 -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; do
        kill -0 "$pid" 2>/dev/null || { tail -n 30 "$logfile" >&2; die "$s ($v) exited during start-up (log: $logfile)"; }
        (( $(now_ms) - t0 < 120000 )) || { tail -n 30 "$logfile" >&2; die "$s ($v) not ready after 120 s (log: $logfile)"; }
        sleep 0.02
    done
    ready=$(($(now_ms) - t0))
    LAST_CPU=$(($(cpu_ticks "$pid") * 1000 / CLK_TCK))   # the machine's load stretches wall time, hardly this
    stop_pid "$s" "$pid" 2>/dev/null   # quietly: 80 starts
    RUNNING_PID=
    grep -q 'Listening on: http://127.0.0.1:'"$port" "$logfile" || die "$s ($v): the answer did not come from this process (log: $logfile)"
    # JDK 25 warns and goes on when it cannot map the cache: such a start must not count as "with cache"
    if [[ -n ${opts[*]:-} ]] && grep -qE '\[(warning|error)\]\[(cds|aot)' "$logfile"; then
        grep -E '\[(warning|error)\]\[(cds|aot)' "$logfile" | head -3 >&2
        die "$s ($v) did not use its archive (log: $logfile)"
    fi
    LAST_MS=$ready
    LAST_STARTED=$(grep -oE 'started in [0-9.]+s' "$logfile" | head -n 1 | grep -oE '[0-9.]+' || echo NA)
}

declare -A READY CPU STARTED
for ((run = 1; run <= RUNS; run++)); do
    for s in "${SERVICES[@]}"; do
        for v in "${VARIANTS[@]}"; do
            start_once "$s" "$v" "$run"
            READY[$s/$v]+="$LAST_MS "
            CPU[$s/$v]+="$LAST_CPU "
            STARTED[$s/$v]+="$LAST_STARTED "
            log "run $run/$RUNS $s $v: ready after $LAST_MS ms, $LAST_CPU ms CPU (Quarkus: started in ${LAST_STARTED}s)"
        done
    done
done

# --- report ----------------------------------------------------------------------------------------
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
minimum() { tr ' ' '\n' | grep -v '^$' | sort -g | head -n 1; }
ratio() { awk -v a="$1" -v b="${2:-0}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

out "CryoProtect start-up benchmark ($(date -Is))"
out "before: $UPTIME_BEFORE"
out "after:  $(uptime)"
out "jdk17: $("$JAVA17" -version 2>&1 | sed -n 2p)"
[[ ! -x $JAVA25 ]] || out "jdk25: $("$JAVA25" -version 2>&1 | sed -n 2p)"
out "tree: $(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$( [[ -z $(git -C "$REPO_ROOT" status --porcelain 2>/dev/null) ]] || echo ' (with uncommitted changes)')${BEFORE_ROOT:+, before-jvm17: $BEFORE_ROOT at $(git -C "$BEFORE_ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')}"
out "java options: ${JAVA_OPTS[*]:-none}; $RUNS starts per service and variant, round-robin; migrations off (migrated once first)"
out "ready = ms from process start to the first 200 of /q/health/ready (polled every 20 ms); cpu = CPU ms the JVM used until"
out "then (user + system, all threads: less sensitive to the machine's load); quarkus = its 'started in' (s)"
out ""
out "$(printf '%-17s %-13s %10s %9s %8s %11s %8s %8s %s' service variant 'ready med' 'ready min' 'cpu med' 'quarkus med' 'vs jvm17' 'cpu vs' 'archive (size, made in)')"
for s in "${SERVICES[@]}"; do
    base=$(median <<<"${READY[$s/jvm17]:-}")
    cpu_base=$(median <<<"${CPU[$s/jvm17]:-}")
    for v in "${VARIANTS[@]}"; do
        med=$(median <<<"${READY[$s/$v]}")
        cpu=$(median <<<"${CPU[$s/$v]}")
        archive=""
        [[ -z ${GEN_MS[$s/$v]:-} ]] || archive="${SIZE[$s/$v]} MB, $(awk -v m="${GEN_MS[$s/$v]}" 'BEGIN { printf "%.1f s", m / 1000 }')"
        out "$(printf '%-17s %-13s %10s %9s %8s %11s %8s %8s %s' "$s" "$v" "$med" "$(minimum <<<"${READY[$s/$v]}")" "$cpu" \
            "$(median <<<"${STARTED[$s/$v]}")" "$(ratio "$med" "$base")" "$(ratio "$cpu" "$cpu_base")" "$archive")"
    done
done
out ""
out "raw (ms to ready / CPU ms, in run order):"
for s in "${SERVICES[@]}"; do
    for v in "${VARIANTS[@]}"; do out "  $s $v: ${READY[$s/$v]}/ ${CPU[$s/$v]}"; done
done
cp "$REPORT" "$RESULT"
log "report: $RESULT"
