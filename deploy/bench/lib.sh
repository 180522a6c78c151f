# shellcheck shell=bash disable=SC2034  # the variables set here are read by the scripts that source this file
# Shared by the benchmark scripts, sourced at their start. The caller sets LOG_TAG (the prefix of
# its log lines) before anything logs; the database steps need DB, DB_MARK, PGHOST, PGPORT and
# PGUSER, the run steps WORK and RESULTS_DIR. Services are started with start_and_wait
# (deploy/lib/processes.sh), like the local runner's.
# The molecule-service read benchmarks (molecule, toxicity) add read-bench.sh on top of this.

BENCH_LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/../lib/processes.sh
. "$BENCH_LIB_DIR/../lib/processes.sh"

log()  { printf '[%s] %s\n' "$LOG_TAG" "$*" >&2; }
die()  { printf '[%s] ERROR: %s\n' "$LOG_TAG" "$*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "'$1' is required. $2"; }

install_if_missing() {  # install_if_missing CMD PACKAGE — apt-get installs it when we are root
    command -v "$1" >/dev/null 2>&1 && return 0
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
        log "installing $2"
        apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y "$2" >/dev/null 2>&1; } \
            || die "could not apt-get install $2"
    fi
    need "$1" "Install it with: apt-get install $2"
}

require_positive() {  # require_positive VAR... — each a positive whole number
    local n
    for n in "$@"; do
        [[ ${!n} =~ ^[0-9]+$ && ${!n} -gt 0 ]] || die "$n must be a positive whole number, got '${!n}'"
    done
}

psql_super() { psql -X -q -v ON_ERROR_STOP=1 -d "${PSQL_DB:-postgres}" "$@"; }

# create_bench_database NEEDED_CONNECTIONS REASON — a fresh, marked database; a leftover of an
# earlier run of the same script is dropped, any other database of that name is left alone.
create_bench_database() {
    local needed=$1 reason=$2 mark free_conn
    psql_super -Atc 'select 1' >/dev/null || die "cannot connect to PostgreSQL at $PGHOST:$PGPORT as $PGUSER"
    [[ $(psql_super -Atc "select rolsuper from pg_roles where rolname = current_user") == t ]] \
        || die "$PGUSER must be a superuser (creates the database and the authenticator role)"
    if [[ $(psql_super -Atc "select count(*) from pg_database where datname = '$DB'") != 0 ]]; then
        mark=$(psql_super -Atc "select shobj_description(oid, 'pg_database') from pg_database where datname = '$DB'")
        [[ $mark == "$DB_MARK" ]] || die "database $DB exists and was not made by this benchmark: drop it or set BENCH_DB"
        log "dropping $DB left over from an earlier run"
        psql_super -c "drop database $DB with (force)"
    fi
    # the services and pgbench log in as ordinary roles: the superuser-reserved slots are not theirs
    free_conn=$(psql_super -Atc "select current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int
                                        - count(*) from pg_stat_activity where backend_type = 'client backend'")
    (( free_conn >= needed )) || die "PostgreSQL has $free_conn free connections; this run needs $needed ($reason)"

    log "creating database $DB on $PGHOST:$PGPORT"
    psql_super -c "create database $DB"
    DB_CREATED=1   # read by finish_run
    export DB_CREATED
    psql_super -c "comment on database $DB is '$DB_MARK'"
}

# molecule-service's login in the deployments (k8s/base/postgres/roles.sql); ensure_roles sets the password
AUTHENTICATOR=cryo_authenticator
AUTHENTICATOR_PASSWORD=cryo

# ensure_roles — the deployments' logins (k8s/base/postgres/roles.sql), in $DB; the services'
# migrations need them (their grants name them). Roles are cluster-wide: this sets the password of
# molecule-service's login $AUTHENTICATOR for the whole cluster.
ensure_roles() {
    PSQL_DB=$DB psql_super -f "$BENCH_LIB_DIR/../../k8s/base/postgres/roles.sql" >/dev/null
    psql_super -c "alter role $AUTHENTICATOR login password '$AUTHENTICATOR_PASSWORD'" >/dev/null
}

# on_exit CLEANUP — CLEANUP (which ends with finish_run) runs however the script ends; Ctrl-C and
# SIGTERM end it with 130 and 143.
on_exit() {
    # shellcheck disable=SC2064  # the function's name, now
    trap "$1" EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

# open_report NAME — the report goes to $REPORT (in the scratch directory) as `out` writes it, and is
# copied to $RESULT, $RESULTS_DIR/NAME-<local date and time>.txt, once complete
open_report() {
    mkdir -p "$RESULTS_DIR"
    RESULT=$RESULTS_DIR/$1-$(date +%Y-%m-%dT%H-%M-%S).txt
    REPORT=$WORK/report.txt
}
out() { printf '%s\n' "$*" | tee -a "$REPORT"; }   # a line of the report, also on stdout

# CPU a process has burnt so far (user + system, all threads), in clock ticks of CLK_TCK a second
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# build_test_classes — molecule-service's main and test classes and their classpath, for the benchmarks'
# generators (the bench package of its test sources): sets TEST_CP. Needs REPO_ROOT and MODULE.
build_test_classes() {
    local lock=${CRYO_MAVEN_LOCK:-/tmp/cryo-maven.lock}
    [[ -z ${TEST_CP:-} ]] || return 0   # built already in this run
    if [[ -n ${BENCH_SKIP_BUILD:-} ]]; then
        log "BENCH_SKIP_BUILD: using molecule-service/target as it is"
    else
        log "compiling molecule-service's test sources (Maven, under $lock)"
        (cd "$REPO_ROOT" && flock "$lock" ./mvnw -B -o -q -pl molecule-service -am test-compile dependency:build-classpath \
            -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test) >&2 \
            || die "Maven failed (offline: run it once without -o if the dependency plugin is missing)"
    fi
    [[ -s $MODULE/target/bench.classpath ]] || die "no $MODULE/target/bench.classpath"
    TEST_CP=$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$MODULE/target/bench.classpath")
}

# --- tokens without auth-service: a throw-away key, and tokens signed with it ----------------------
make_signing_key() {  # -> $WORK/keys/private.pem and public.pem (RSA 2048, auth-service's size)
    mkdir -p "$WORK/keys"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/keys/private.pem" 2>/dev/null
    openssl pkey -in "$WORK/keys/private.pem" -pubout -out "$WORK/keys/public.pem" 2>/dev/null
}

b64url() { openssl base64 -e -A | tr '+/' '-_' | tr -d '='; }

# mint ROLE SUB CLIENT_ID SCOPE -> an RS256 at+jwt shaped like auth-service's for molecule-service,
# issuer $ISSUER, key id ${TOKEN_KID:-bench}, 900 s lifetime
mint() {
    local iat jti header payload input
    iat=$(date +%s)
    jti=$(cat /proc/sys/kernel/random/uuid 2>/dev/null || openssl rand -hex 16)
    header=$(printf '{"alg":"RS256","typ":"at+jwt","kid":"%s"}' "${TOKEN_KID:-bench}")
    payload=$(printf '{"iss":"%s","sub":"%s","aud":"molecule-service","iat":%d,"exp":%d,"jti":"%s","client_id":"%s","scope":"%s","role":"%s"}' \
        "$ISSUER" "$2" "$iat" $((iat + 900)) "$jti" "$3" "$4" "$1")
    input="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
    printf '%s.%s' "$input" "$(printf '%s' "$input" | openssl dgst -sha256 -sign "$WORK/keys/private.pem" -binary | b64url)"
}

# start_molecule_service POOL [VAR=VALUE ...] — molecule-service ($JAR, $JAVA_OPTS) on
# 127.0.0.1:$HTTP_PORT against $DB as $AUTHENTICATOR, reactive pool POOL, migrations as $PGUSER
# ($DB_PASSWORD), accepting the tokens of mint (no JWKS, no revocation feed), the scheduled summary
# refresh every ${SUMMARY_REFRESH_EVERY:-1h}; log $WORK/service.log. The extra assignments come last
# (they win). Sets SERVICE_PID.
start_molecule_service() {
    local pool=$1
    shift
    # shellcheck disable=SC2086  # JAVA_OPTS: several options
    START_DIR=$WORK start_and_wait molecule-service "$HTTP_PORT" "$WORK/service.log" \
        env QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$HTTP_PORT" \
            QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PGHOST:$PGPORT/$DB" \
            QUARKUS_DATASOURCE_USERNAME="$AUTHENTICATOR" QUARKUS_DATASOURCE_PASSWORD="$AUTHENTICATOR_PASSWORD" \
            QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE="$pool" \
            QUARKUS_DATASOURCE_MIGRATIONS_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
            QUARKUS_DATASOURCE_MIGRATIONS_USERNAME="$PGUSER" QUARKUS_DATASOURCE_MIGRATIONS_PASSWORD="$DB_PASSWORD" \
            CRYO_TOKEN_PUBLIC_KEY_LOCATION="file:$WORK/keys/public.pem" CRYO_TOKEN_ISSUER="$ISSUER" \
            CRYO_TOKEN_AUDIENCE=molecule-service CRYO_TOKEN_JWKS_URL='' CRYO_TOKEN_REVOCATION_FEED_URL='' \
            CRYO_MOLECULE_SUMMARY_REFRESH_EVERY="${SUMMARY_REFRESH_EVERY:-1h}" \
            "$@" \
        java $JAVA_OPTS -jar "$JAR"
    SERVICE_PID=$STARTED_PID
}

# stop_pid NAME PID — graceful (SIGTERM), then SIGKILL after 15 s
stop_pid() {
    local name=$1 pid=$2
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    log "stopping $name (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# finish_run STATUS — the end of every run: stop the services still running, drop the database this run made, keep the scratch
# directory only when asked to or when the run failed, and exit with STATUS.
finish_run() {
    local status=$1 pid
    # whatever start_and_wait started and the script has not stopped (e.g. it died starting)
    for pid in ${STARTED_PIDS[@]+"${STARTED_PIDS[@]}"}; do stop_pid service "$pid"; done
    if [[ -n ${DB_CREATED:-} ]]; then
        log "dropping database $DB"
        psql_super -c "drop database if exists $DB with (force)" >/dev/null 2>&1 \
            || log "could not drop $DB; drop it by hand: psql -c 'drop database $DB with (force)'"
    fi
    if [[ -n ${BENCH_KEEP_WORK:-} || $status != 0 ]]; then
        log "scratch files kept in $WORK"
    else
        rm -rf "$WORK"
    fi
    exit "$status"
}
