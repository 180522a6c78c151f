#!/usr/bin/env bash
# shellcheck disable=SC2016  # the jq programs below use $variables of their own
# CryoProtect local runner: PostgreSQL + the services + the demo data, in the foreground.
#
#   deploy/local/run.sh              start everything, load the demo data, stay in the foreground
#                                    (Ctrl-C stops what it started)
#   deploy/local/run.sh --db-only    only the database and the local secrets, then return (cluster keeps running)
#   deploy/local/run.sh --no-demo    start everything but do not load the demo data
#   deploy/local/run.sh stop         stop the services and the private PostgreSQL cluster
#   deploy/local/run.sh status       show what is running
#
# Environment (all optional):
#   DATABASE_URL          postgres://user:pass@host:port/db — use this server instead of a private
#                         cluster; the user must be a superuser (creates the roles, k8s/base/postgres/roles.sql)
#   CRYO_PG_PORT          port of the private cluster (default 55432)
#   CRYO_PG_OS_USER       OS user that runs the private cluster when run.sh runs as root
#                         (default: "cryo", created if absent; "nobody" if it cannot be created)
#   CRYO_LOCAL_DIR        state directory (default <repo>/.local): pgdata, keys, logs, run
#   CRYO_ISSUER           auth-service's token issuer (iss), which the services require
#                         (default http://localhost:8081)
#   CRYO_ADMIN_EMAIL      auth-service's bootstrap admin (default admin@cryoprotect.local;
#                         password in $CRYO_LOCAL_DIR/keys/admin-password)
#   CRYO_DEMO_EMAIL       the demo researcher account (default researcher@cryoprotect.local;
#                         password in $CRYO_LOCAL_DIR/keys/demo-user-password)
#   CRYO_OWNER_PASSWORD          password of cryo_owner, the migrations' login (default cryo)
#   CRYO_AUTHENTICATOR_PASSWORD  password of cryo_authenticator, molecule-service's login (default cryo)
#   CRYO_AUTH_DB_PASSWORD        password of cryo_auth, auth-service's login (default cryo)
#   CRYO_IMPORTER_DB_PASSWORD    password of cryo_importer, import-service's login (default cryo)
#   CRYO_WEB_DB_PASSWORD         password of cryo_web, the web app's login (default cryo)
#   START_DEADLINE        seconds a service may take to become ready before the runner gives up
#                         (default 900; it stops waiting at once when the service exits)
#   CRYO_JAVA_OPTS        extra JVM options for every service (e.g. -Xmx512m)
#   CRYO_JAR_<SERVICE>    run another jar, e.g. CRYO_JAR_MOLECULE_SERVICE=/path/quarkus-run.jar
#   CRYO_UPSTREAM         where import-service fetches from: "simulator" (default; the offline stand-in
#                         on port 8090) or "internet" (the real PubChem and ChEMBL)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$SCRIPT_DIR/lib.sh"    # REPO_ROOT, CRYO_LOCAL_DIR, KEY_DIR, log/warn/die/need, ensure_keys, read_secret,
                          # port_in_use, start_and_wait

DEMO_DIR=$SCRIPT_DIR/demo

# Every directory from / down to $1 lets other users through.
reachable_by_others() {
    local p=$1
    while [[ $p != / ]]; do
        [[ -n $(find "$p" -maxdepth 0 -perm -o=x 2>/dev/null) ]] || return 1
        p=$(dirname "$p")
    done
}
# As root, the private cluster runs as an unprivileged user (PostgreSQL refuses root), who must reach
# its data directory and socket: a checkout inside a private directory (mktemp -d, /root) keeps them
# in /var/tmp, in a directory of its own per state directory.
CLUSTER_DIR=$CRYO_LOCAL_DIR
if (( EUID == 0 )) && ! reachable_by_others "$CRYO_LOCAL_DIR"; then
    CLUSTER_DIR=/var/tmp/cryo-local-$(printf '%s' "$CRYO_LOCAL_DIR" | sha1sum | cut -c1-12)
fi
PGDATA_DIR=$CLUSTER_DIR/pgdata
LOG_DIR=$CRYO_LOCAL_DIR/logs
PG_LOG=$LOG_DIR/postgres.log   # where the cluster's user writes it; logs/postgres.log links to it
[[ $CLUSTER_DIR == "$CRYO_LOCAL_DIR" ]] || PG_LOG=$CLUSTER_DIR/postgres.log
RUN_DIR=$CRYO_LOCAL_DIR/run
PG_PORT=${CRYO_PG_PORT:-55432}
DB_NAME=cryoprotect
ROLES_SQL=$REPO_ROOT/k8s/base/postgres/roles.sql   # the logins, the same in every deployment path
OWNER_PASSWORD=${CRYO_OWNER_PASSWORD:-cryo}
AUTHENTICATOR_PASSWORD=${CRYO_AUTHENTICATOR_PASSWORD:-cryo}
AUTH_DB_PASSWORD=${CRYO_AUTH_DB_PASSWORD:-cryo}
IMPORTER_DB_PASSWORD=${CRYO_IMPORTER_DB_PASSWORD:-cryo}
WEB_DB_PASSWORD=${CRYO_WEB_DB_PASSWORD:-cryo}
ISSUER=${CRYO_ISSUER:-http://localhost:8081}
AUTH_PORT=8081
MOLECULE_PORT=8082
IMPORT_PORT=8083
WEB_PORT=8080
SIMULATOR_PORT=8090
UPSTREAM=${CRYO_UPSTREAM:-simulator}
AUTH_URL=http://127.0.0.1:$AUTH_PORT
ADMIN_EMAIL=${CRYO_ADMIN_EMAIL:-admin@cryoprotect.local}
DEMO_EMAIL=${CRYO_DEMO_EMAIL:-researcher@cryoprotect.local}
read -r -a JAVA_OPTS <<<"${CRYO_JAVA_OPTS:-}"

mkdir -p "$LOG_DIR" "$RUN_DIR"

# ---------------------------------------------------------------------------------------------
# Services. Adding one is one line in start_services (ports from DESIGN.md §1). Every service
# gets the same database (its Flyway migrations touch only its own schema) and a login of its own.
# auth-service comes first: the others take its keys (JWKS) and its revocation feed (JWT_ENV).
# ---------------------------------------------------------------------------------------------
start_services() {
    start_service auth-service     $AUTH_PORT "$REPO_ROOT/auth-service/target/quarkus-app/quarkus-run.jar" \
        "${AUTH_ENV[@]}"
    start_service molecule-service $MOLECULE_PORT "$REPO_ROOT/molecule-service/target/quarkus-app/quarkus-run.jar" \
        "${MOLECULE_ENV[@]}" "${JWT_ENV[@]}" CRYO_TOKEN_AUDIENCE=molecule-service
    if [[ $UPSTREAM == simulator ]]; then
        # PubChem/ChEMBL stand-in for offline use: serves the demo set at once, computes its 50k generated
        # compounds in the background (cached after the first time)
        start_service upstream-simulator $SIMULATOR_PORT "$REPO_ROOT/deploy/upstream-simulator/target/quarkus-app/quarkus-run.jar"
    fi
    start_service import-service $IMPORT_PORT "$REPO_ROOT/import-service/target/quarkus-app/quarkus-run.jar" \
        "${IMPORT_ENV[@]}" "${JWT_ENV[@]}" CRYO_TOKEN_AUDIENCE=import-service
    # The researchers' web app: calls the three services above as the signed-in user.
    start_service web $WEB_PORT "$REPO_ROOT/web/target/quarkus-app/quarkus-run.jar" "${WEB_ENV[@]}"
}

# URLs printed at the end, one line per started service: NAME PORT
SERVICE_PORTS=()

# ---------------------------------------------------------------------------------------------
# PostgreSQL: a private cluster in .local/pgdata, or the server in DATABASE_URL
# ---------------------------------------------------------------------------------------------
PG_BIN=""
PG_OS_USER=""    # empty: run initdb/pg_ctl as ourselves (we are not root)

find_pg_bin() {
    # An existing cluster must be run by its own major version.
    if [[ -s $PGDATA_DIR/PG_VERSION && -x /usr/lib/postgresql/$(cat "$PGDATA_DIR/PG_VERSION")/bin/pg_ctl ]]; then
        PG_BIN=/usr/lib/postgresql/$(cat "$PGDATA_DIR/PG_VERSION")/bin
    elif command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        # resolve symlinks: initdb and pg_ctl look for `postgres` next to their real location
        PG_BIN=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
    else
        # Debian/Ubuntu keep the server binaries out of PATH; take the newest version installed.
        local d
        d=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
        [[ -n $d && -x $d/initdb && -x $d/pg_ctl ]] \
            || die "PostgreSQL server binaries (initdb, pg_ctl) not found. Install them (apt-get install postgresql) or set DATABASE_URL."
        PG_BIN=$d
    fi
    [[ -x $PG_BIN/initdb && -x $PG_BIN/pg_ctl && -x $PG_BIN/postgres ]] || die "incomplete PostgreSQL installation in $PG_BIN"
}

find_psql() {
    if [[ -n $PG_BIN && -x $PG_BIN/psql ]]; then echo "$PG_BIN/psql"; return; fi
    if command -v psql >/dev/null 2>&1; then command -v psql; return; fi
    local d
    d=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    [[ -n $d && -x $d/psql ]] || die "psql not found (apt-get install postgresql-client)"
    echo "$d/psql"
}

# PostgreSQL refuses to run as root, so as root we run initdb/pg_ctl as an unprivileged user.
choose_pg_os_user() {
    (( EUID == 0 )) || return 0
    local u=${CRYO_PG_OS_USER:-cryo}
    # An existing cluster keeps running as the user who owns it.
    if [[ -s $PGDATA_DIR/PG_VERSION ]]; then
        u=$(stat -c %U "$PGDATA_DIR")
        [[ $u != root ]] || die "$PGDATA_DIR is owned by root; PostgreSQL cannot run as root"
    fi
    if ! id "$u" >/dev/null 2>&1; then
        if [[ $u == cryo ]] && command -v useradd >/dev/null 2>&1; then
            log "creating system user 'cryo' to run the private PostgreSQL cluster"
            useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin cryo \
                || u=nobody
        else
            u=nobody
        fi
    fi
    id "$u" >/dev/null 2>&1 || die "OS user '$u' does not exist (set CRYO_PG_OS_USER)"
    PG_OS_USER=$u
}

as_pg_user() {
    if [[ -z $PG_OS_USER ]]; then
        "$@"
    elif command -v runuser >/dev/null 2>&1; then
        (cd / && runuser -u "$PG_OS_USER" -- "$@")
    else
        (cd / && su -s /bin/sh "$PG_OS_USER" -c "$(printf '%q ' "$@")")
    fi
}

# Unix socket paths are limited to ~107 bytes; with a deep checkout fall back to /tmp.
pg_socket_dir() {
    local d=$CLUSTER_DIR/pgsock
    if (( ${#d} + 20 > 107 )); then d=/tmp/cryo-pgsock-$(id -u); fi
    echo "$d"
}

pg_running() {
    [[ -s $PGDATA_DIR/PG_VERSION ]] && as_pg_user "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1
}

init_private_cluster() {
    if [[ -s $PGDATA_DIR/PG_VERSION ]]; then
        return 0
    fi
    if [[ -d $PGDATA_DIR && -n $(ls -A "$PGDATA_DIR" 2>/dev/null) ]]; then
        die "$PGDATA_DIR exists but is not a PostgreSQL data directory; move it away or delete it"
    fi
    log "creating private PostgreSQL cluster in $PGDATA_DIR ($PG_BIN)"
    mkdir -p "$CLUSTER_DIR"
    chmod 755 "$CLUSTER_DIR"
    mkdir -p "$PGDATA_DIR"
    chmod 700 "$PGDATA_DIR"
    [[ -z $PG_OS_USER ]] || chown "$PG_OS_USER": "$PGDATA_DIR"
    # The cluster user must be able to reach the data directory through every parent directory.
    as_pg_user test -w "$PGDATA_DIR" \
        || die "user '$PG_OS_USER' cannot write $PGDATA_DIR (a parent directory is private?). Set CRYO_LOCAL_DIR to a directory it can reach, e.g. /var/tmp/cryo-local"
    # trust: local development only — the cluster listens on 127.0.0.1 and a private socket only.
    if ! as_pg_user "$PG_BIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust --encoding=UTF8 --locale=C \
            >"$LOG_DIR/initdb.log" 2>&1; then
        tail -n 20 "$LOG_DIR/initdb.log" >&2
        die "initdb failed (full log: $LOG_DIR/initdb.log)"
    fi
    # Our settings live in their own file so postgresql.conf stays stock.
    echo "include_if_exists = 'cryo-local.conf'" | as_pg_user tee -a "$PGDATA_DIR/postgresql.conf" >/dev/null
}

start_private_cluster() {
    find_pg_bin
    choose_pg_os_user
    init_private_cluster
    PG_SOCKET_DIR=$(pg_socket_dir)
    if pg_running; then
        log "private PostgreSQL cluster already running on port $PG_PORT"
    else
        if port_in_use "$PG_PORT"; then
            die "port $PG_PORT is already in use by another program; set CRYO_PG_PORT to a free port"
        fi
        mkdir -p "$PG_SOCKET_DIR"
        [[ -z $PG_OS_USER ]] || chown "$PG_OS_USER": "$PG_SOCKET_DIR"
        # Rewritten at every start, so a changed CRYO_PG_PORT takes effect.
        as_pg_user tee "$PGDATA_DIR/cryo-local.conf" >/dev/null <<EOF
# written by deploy/local/run.sh at every start — edit there, not here
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '${PG_SOCKET_DIR//\'/\'\'}'
EOF
        touch "$PG_LOG"
        [[ -z $PG_OS_USER ]] || chown "$PG_OS_USER": "$PG_LOG"
        [[ $PG_LOG == "$LOG_DIR/postgres.log" ]] || ln -sfn "$PG_LOG" "$LOG_DIR/postgres.log"
        log "starting PostgreSQL on 127.0.0.1:$PG_PORT (log: $LOG_DIR/postgres.log)"
        # pg_ctl detaches the postmaster into its own session, so Ctrl-C here does not reach it;
        # we stop it ourselves (fast shutdown) after the services.
        # 9>&-: the postmaster must not inherit run.sh's lock (see main)
        if ! as_pg_user "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PG_LOG" -w -t 60 start >/dev/null 9>&-; then
            tail -n 20 "$PG_LOG" >&2
            die "PostgreSQL did not start"
        fi
    fi
    touch "$RUN_DIR/postgres.private"   # tells `stop` that there is a private cluster to stop

    local psql
    psql=$(find_psql)
    local psql_base=("$psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres)
    if [[ -z $("${psql_base[@]}" -d postgres -tAc "select 1 from pg_database where datname = '$DB_NAME'") ]]; then
        log "creating database $DB_NAME"
        "${psql_base[@]}" -d postgres -c "create database $DB_NAME"
    fi
    PSQL_DB=("${psql_base[@]}" -d "$DB_NAME")
    DB_HOST=127.0.0.1 DB_PORT=$PG_PORT
    bootstrap_roles
}

url_decode() {  # percent-decoding; in the userinfo part of a URL '+' is a plain '+'
    printf '%b' "${1//%/\\x}"
}

use_external_database() {
    # postgres://user:pass@host:port/db[?params] — params are not passed on to the services
    local re='^postgres(ql)?://([^:@/]+)(:([^@]*))?@([^:/?]+|\[[^]]+\])(:([0-9]+))?/([^?]+)'
    [[ $DATABASE_URL =~ $re ]] || die "DATABASE_URL must look like postgres://user:pass@host:port/db"
    DB_ADMIN_USER=$(url_decode "${BASH_REMATCH[2]}")
    DB_HOST=${BASH_REMATCH[5]}
    DB_PORT=${BASH_REMATCH[7]:-5432}
    DB_NAME=$(url_decode "${BASH_REMATCH[8]}")
    local psql
    psql=$(find_psql)
    PSQL_DB=("$psql" -X -q -v ON_ERROR_STOP=1 -d "$DATABASE_URL")
    log "using the PostgreSQL server in DATABASE_URL ($DB_HOST:$DB_PORT/$DB_NAME as $DB_ADMIN_USER)"
    "${PSQL_DB[@]}" -tAc "select 1" >/dev/null || die "cannot connect to DATABASE_URL"
    bootstrap_roles
}

# The logins (k8s/base/postgres/roles.sql, as in every deployment): the owner cryo_owner runs the
# migrations and owns the schemas; each service logs in as a login of its own that owns nothing
# (cryo_authenticator, cryo_auth, cryo_importer, cryo_web). A database whose schemas another role owns (made
# by an older runner, which migrated as the superuser) cannot be migrated by cryo_owner.
bootstrap_roles() {
    [[ $("${PSQL_DB[@]}" -tAc "select rolsuper from pg_roles where rolname = current_user") == t ]] \
        || die "the database user must be a superuser: it creates the roles of k8s/base/postgres/roles.sql"
    local foreign
    foreign=$("${PSQL_DB[@]}" -tAc "select string_agg(nspname || ' (owner ' || nspowner::regrole || ')', ', ')
        from pg_namespace where nspname in ('auth', 'chem', 'chem_private', 'importer', 'web')
        and nspowner::regrole::text <> 'cryo_owner'")
    [[ -z $foreign ]] || die "schemas $foreign of database $DB_NAME were not made by cryo_owner (an older run.sh migrated as the superuser). Start over with a new database: '$0 stop && rm -rf $PGDATA_DIR', or another DATABASE_URL"
    "${PSQL_DB[@]}" -f "$ROLES_SQL" >/dev/null
    "${PSQL_DB[@]}" -v owner_pw="$OWNER_PASSWORD" -v authenticator_pw="$AUTHENTICATOR_PASSWORD" \
        -v auth_pw="$AUTH_DB_PASSWORD" -v importer_pw="$IMPORTER_DB_PASSWORD" -v web_pw="$WEB_DB_PASSWORD" \
        -v db="$DB_NAME" >/dev/null <<'SQL'
alter database :"db" owner to cryo_owner;
alter role cryo_owner password :'owner_pw';
alter role cryo_authenticator password :'authenticator_pw';
alter role cryo_auth password :'auth_pw';
alter role cryo_importer password :'importer_pw';
alter role cryo_web password :'web_pw';
SQL
}

# Environment of the services (see start_services).
set_service_env() {
    local jdbc="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME"
    local -a db=(
        QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$DB_HOST:$DB_PORT/$DB_NAME"
        QUARKUS_DATASOURCE_MIGRATIONS_JDBC_URL="$jdbc"
        QUARKUS_DATASOURCE_MIGRATIONS_USERNAME=cryo_owner
        QUARKUS_DATASOURCE_MIGRATIONS_PASSWORD="$OWNER_PASSWORD"
    )
    # Token verification (DESIGN.md §3): keys from auth-service's JWKS, revocations from its feed.
    # Never CRYO_TOKEN_PUBLIC_KEY_LOCATION here: a configured PEM key wins over the JWKS.
    JWT_ENV=(
        CRYO_TOKEN_JWKS_URL="$AUTH_URL/.well-known/jwks.json"
        CRYO_TOKEN_REVOCATION_FEED_URL="$AUTH_URL/api/revocations/stream"
        CRYO_TOKEN_ISSUER="$ISSUER"
    )
    MOLECULE_ENV=("${db[@]}" QUARKUS_DATASOURCE_USERNAME=cryo_authenticator QUARKUS_DATASOURCE_PASSWORD="$AUTHENTICATOR_PASSWORD"
        CRYO_MOLECULE_SERVICE_CLIENT_SECRET="$(read_secret molecule-service-secret)")
    AUTH_ENV=("${db[@]}" QUARKUS_DATASOURCE_USERNAME=cryo_auth QUARKUS_DATASOURCE_PASSWORD="$AUTH_DB_PASSWORD"
        CRYO_AUTH_ISSUER="$ISSUER"
        CRYO_AUTH_KEY_ENCRYPTION_KEY="$(read_secret key-encryption-key)"
        CRYO_ADMIN_EMAIL="$ADMIN_EMAIL"
        CRYO_ADMIN_PASSWORD="$(read_secret admin-password)"
        CRYO_IMPORT_SERVICE_CLIENT_SECRET="$(read_secret import-service-secret)"
        CRYO_MOLECULE_SERVICE_CLIENT_SECRET="$(read_secret molecule-service-secret)"
    )
    # import-service writes molecules through molecule-service with its own client credentials.
    local pubchem=https://pubchem.ncbi.nlm.nih.gov/rest/pug chembl=https://www.ebi.ac.uk/chembl/api/data
    if [[ $UPSTREAM == simulator ]]; then
        pubchem=http://127.0.0.1:$SIMULATOR_PORT/rest/pug
        chembl=http://127.0.0.1:$SIMULATOR_PORT/chembl/api/data
    fi
    IMPORT_ENV=("${db[@]}" QUARKUS_DATASOURCE_USERNAME=cryo_importer QUARKUS_DATASOURCE_PASSWORD="$IMPORTER_DB_PASSWORD"
        QUARKUS_REST_CLIENT_PUBCHEM_URL="$pubchem"
        QUARKUS_REST_CLIENT_CHEMBL_URL="$chembl"
        QUARKUS_REST_CLIENT_MOLECULE_SERVICE_URL="http://127.0.0.1:$MOLECULE_PORT"
        QUARKUS_REST_CLIENT_AUTH_SERVICE_URL="$AUTH_URL"
        CRYO_IMPORT_CLIENT_SECRET="$(read_secret import-service-secret)"
    )
    # web keeps the browser sessions (schema web) and calls the services as the signed-in user.
    WEB_ENV=("${db[@]}" QUARKUS_DATASOURCE_USERNAME=cryo_web QUARKUS_DATASOURCE_PASSWORD="$WEB_DB_PASSWORD"
        CRYO_WEB_AUTH_SERVICE_URL="$AUTH_URL"
        CRYO_WEB_MOLECULE_SERVICE_URL="http://127.0.0.1:$MOLECULE_PORT"
        CRYO_WEB_IMPORT_SERVICE_URL="http://127.0.0.1:$IMPORT_PORT"
    )
}

# ---------------------------------------------------------------------------------------------
# Service processes
# ---------------------------------------------------------------------------------------------
BUILT=0
build_once() {
    (( BUILT == 0 )) || return 0
    BUILT=1
    # -Dstartup-archive: each service also gets the class archive of its start (start_service)
    log "building the services (./mvnw -q -B package -DskipTests -Dstartup-archive); this takes a few minutes the first time"
    (cd "$REPO_ROOT" && ./mvnw -q -B package -DskipTests -Dstartup-archive) || die "build failed"
}

pid_is_service() {  # PID JAR — is PID still the java process running JAR? (guards against reused pids)
    local pid=$1 jar=$2 cmd
    kill -0 "$pid" 2>/dev/null || return 1
    if [[ -r /proc/$pid/cmdline ]]; then
        cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline")
    else
        cmd=$(ps -p "$pid" -o command= 2>/dev/null || true)
    fi
    [[ $cmd == *"$jar"* ]]
}

# start_service NAME PORT JAR [VAR=VALUE ...] — a Quarkus jar, started and waited for by
# start_and_wait (deploy/lib/processes.sh). Logs: .local/logs/NAME.log; pid: .local/run/NAME.pid.
start_service() {
    local name=$1 port=$2 jar=$3
    shift 3
    local override_var
    override_var=CRYO_JAR_$(tr 'a-z-' 'A-Z_' <<<"$name")
    jar=${!override_var:-$jar}
    [[ -f $jar ]] || build_once
    [[ -f $jar ]] || die "$jar not found after the build"
    jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")   # absolute: the service runs from its directory
    if [[ -s $RUN_DIR/$name.pid ]] && pid_is_service "$(cat "$RUN_DIR/$name.pid")" "$jar"; then
        die "$name is already running (pid $(cat "$RUN_DIR/$name.pid")); run '$0 stop' first"
    fi
    local logfile=$LOG_DIR/$name.log
    printf '\n===== %s: starting %s =====\n' "$(date -Is)" "$name" >>"$logfile"
    log "starting $name on port $port (log: $logfile)"
    echo "$jar" >"$RUN_DIR/$name.jar"
    echo "$name" >>"$RUN_DIR/services"   # start order; stop_all goes backwards
    # The class archive of the start that the build made next to the jar (-Dstartup-archive): an AOT
    # cache (Maven on JDK 25+; JDK 17 would refuse the option) or an AppCDS archive. It names the jar
    # relative to its directory, so the service runs from there. A java other than the one that made
    # it logs a [cds] warning and starts without.
    local dir=${jar%/*}
    local -a archive=()
    if [[ -f $dir/app.aot ]] && (( $(java_major) >= 25 )); then archive=("-XX:AOTCache=$dir/app.aot")
    elif [[ -f $dir/app-cds.jsa ]]; then archive=("-XX:SharedArchiveFile=$dir/app-cds.jsa"); fi
    # The pid file exists as soon as the process does, so Ctrl-C during the wait stops it too.
    # -u: a PEM key location inherited from the caller's environment would override the JWKS.
    START_DIR=$dir START_PIDFILE=$RUN_DIR/$name.pid start_and_wait "$name" "$port" "$logfile" \
        env -u CRYO_TOKEN_PUBLIC_KEY_LOCATION "$@" QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 \
        java ${JAVA_OPTS[@]+"${JAVA_OPTS[@]}"} ${archive[@]+"${archive[@]}"} -jar "$jar"
    SERVICE_PORTS+=("$name $port")
}

stop_service() {  # NAME — stop it if its pid file points at a live process of ours
    local name=$1 pidfile=$RUN_DIR/$1.pid jarfile=$RUN_DIR/$1.jar pid jar
    [[ -s $pidfile ]] || return 0
    pid=$(cat "$pidfile")
    jar=$(cat "$jarfile" 2>/dev/null || echo quarkus-run.jar)
    if pid_is_service "$pid" "$jar"; then
        log "stopping $name (pid $pid)"
        kill -TERM "$pid" 2>/dev/null || true
        local i
        for ((i = 0; i < 30; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        if kill -0 "$pid" 2>/dev/null; then
            warn "$name did not stop within 30s; killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -f "$pidfile" "$jarfile"
}

stop_all() {  # [--keep-db] — services, then the private cluster unless --keep-db
    local keep_db=${1:-} f n names=()
    # services in reverse start order, then any other pid file, then the database
    if [[ -s $RUN_DIR/services ]]; then mapfile -t names < <(tac "$RUN_DIR/services"); fi
    for f in "$RUN_DIR"/*.pid; do
        [[ -e $f ]] && names+=("$(basename "$f" .pid)")
    done
    for n in ${names[@]+"${names[@]}"}; do stop_service "$n"; done
    rm -f "$RUN_DIR/services"
    # Only a cluster of our own (.local/pgdata) is stopped, never the server of DATABASE_URL.
    if [[ $keep_db != --keep-db && -e $RUN_DIR/postgres.private && -s $PGDATA_DIR/PG_VERSION ]]; then
        find_pg_bin
        choose_pg_os_user
        if pg_running; then
            log "stopping the private PostgreSQL cluster"
            as_pg_user "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null || warn "pg_ctl stop failed"
        fi
        rm -f "$RUN_DIR/postgres.private"
    fi
}

urlencode() { jq -rn --arg s "$1" '$s | @uri'; }

# Generous timeouts: a loaded machine is slow, not broken.
HTTP_STATUS="" HTTP_BODY=""
http_call() {  # curl ARGS... -> HTTP_STATUS, HTTP_BODY (000 when the request itself failed)
    local out
    out=$(curl -sS --max-time 300 -w '\n%{http_code}' "$@") || { HTTP_STATUS=000; HTTP_BODY=""; return 0; }
    HTTP_STATUS=${out##*$'\n'}
    HTTP_BODY=${out%$'\n'*}
}

# ---------------------------------------------------------------------------------------------
# Demo data (deploy/local/demo): molecules through the batch upsert, then the mixtures
# ---------------------------------------------------------------------------------------------
api() {  # METHOD PATH [BODY] -> HTTP_STATUS, HTTP_BODY; a 401 (token expired) gets one new token
    local method=$1 path=$2 body=${3:-} attempt
    local json=(); [[ -z $body ]] || json=(-H 'Content-Type: application/json' --data-binary @-)
    for attempt in 1 2; do
        http_call -X "$method" -H "Authorization: Bearer $SERVICE_TOKEN" -H 'Accept: application/json' \
            ${json[@]+"${json[@]}"} "$API_BASE$path" <<<"$body"
        [[ $HTTP_STATUS == 401 && $attempt == 1 ]] || break
        fetch_service_token || break
    done
}

# Finds the id of the molecule whose name or one of whose synonyms is NAME (case-insensitive),
# preferring public entries; follows next_cursor over a few pages of search results.
resolve_molecule() {
    local name=$1 q cursor="" id
    q=$(urlencode "$name")
    for _ in 1 2 3 4 5; do
        api GET "/molecules?q=$q&limit=50${cursor:+&cursor=$(urlencode "$cursor")}"
        [[ $HTTP_STATUS == 200 ]] || { warn "search for '$name' failed: HTTP $HTTP_STATUS $HTTP_BODY"; return 1; }
        id=$(jq -r --arg n "$name" '[.items[]? | select([.name, (.synonyms // [])[]] | map(strings | ascii_downcase) | any(. == ($n | ascii_downcase)))]
                 | (map(select(.is_public == true)) + .) | .[0].id // empty' <<<"$HTTP_BODY")
        if [[ -n $id ]]; then echo "$id"; return 0; fi
        cursor=$(jq -r '.next_cursor // empty' <<<"$HTTP_BODY")
        [[ -n $cursor ]] || break
    done
    warn "no molecule named '$name' found"
    return 1
}

# ---------------------------------------------------------------------------------------------
# Tokens from auth-service
# ---------------------------------------------------------------------------------------------
# A service token for import-service by the client-credentials grant (5 minutes). The secret goes
# to curl on stdin (-K -), not on its command line.
fetch_service_token() {
    local secret
    secret=$(read_secret import-service-secret)
    http_call -K - -d grant_type=client_credentials "$AUTH_URL/oauth/token" \
        <<<"user = \"import-service:$secret\""
    if [[ $HTTP_STATUS != 200 ]]; then
        warn "auth-service refused a token for import-service: HTTP $HTTP_STATUS $HTTP_BODY"
        return 1
    fi
    SERVICE_TOKEN=$(jq -r '.access_token // empty' <<<"$HTTP_BODY")
    [[ -n $SERVICE_TOKEN ]]
}

login_body() {  # EMAIL PASSWORD -> the JSON body of /api/auth/login (and, with NAME, of signup)
    jq -cn --arg e "$1" --arg p "$2" --arg n "${3:-}" '{email: $e, password: $p} + (if $n == "" then {} else {display_name: $n} end)'
}

# The demo researcher: sign up once; when the account exists (409), log in to check the password.
ensure_demo_user() {
    local password
    password=$(read_secret demo-user-password)
    http_call -H 'Content-Type: application/json' --data-binary @- "$AUTH_URL/api/auth/signup" \
        < <(login_body "$DEMO_EMAIL" "$password" "Demo Researcher")
    case $HTTP_STATUS in
        201) log "created the demo account $DEMO_EMAIL" ;;
        409) ;;
        *) warn "signing up $DEMO_EMAIL failed: HTTP $HTTP_STATUS $HTTP_BODY"; return 0 ;;
    esac
    http_call -H 'Content-Type: application/json' --data-binary @- "$AUTH_URL/api/auth/login" \
        < <(login_body "$DEMO_EMAIL" "$password")
    if [[ $HTTP_STATUS == 200 ]]; then
        log "demo account $DEMO_EMAIL can log in"
    else
        warn "logging in as $DEMO_EMAIL failed: HTTP $HTTP_STATUS $HTTP_BODY"
        warn "(was $KEY_DIR/demo-user-password replaced after the account was created? 'rm -rf $CRYO_LOCAL_DIR/pgdata' starts over)"
    fi
}

# molecule-service loads auth-service's JWKS in the background once it has started: wait until a
# token is accepted (usually at once) rather than fail the first demo request. As with the start,
# a loaded machine is slow, not broken: the deadline is generous.
wait_for_token_acceptance() {
    local deadline=$((SECONDS + ${START_DEADLINE:-900}))
    while true; do
        http_call -o /dev/null -H "Authorization: Bearer $SERVICE_TOKEN" "http://127.0.0.1:$MOLECULE_PORT/api/molecules?limit=1"
        [[ $HTTP_STATUS == 401 || $HTTP_STATUS == 000 ]] || return 0
        if (( SECONDS >= deadline )); then
            warn "molecule-service still answers HTTP $HTTP_STATUS to a token from auth-service"
            return 1
        fi
        sleep 0.5
    done
}

load_demo() {
    API_BASE=http://127.0.0.1:$MOLECULE_PORT/api
    fetch_service_token || { warn "demo data not loaded: no service token"; return 0; }
    wait_for_token_acceptance || { warn "demo data not loaded; see $LOG_DIR/molecule-service.log"; return 0; }
    local problems=0 src body summary

    # One batch per source: the PubChem and ChEMBL sets share some structures (DMSO, glycerol, …),
    # and the same InChIKey twice in one batch is needlessly hard on an upsert.
    for src in pubchem chembl; do
        body=$(jq -c --arg src "$src" '{records: [.[] | select(.source == $src)]}' "$DEMO_DIR/molecules.json")
        api POST /molecules/batch "$body"
        if [[ $HTTP_STATUS != 200 ]]; then
            warn "batch upsert of the $src molecules failed: HTTP $HTTP_STATUS $HTTP_BODY"
            problems=$((problems + 1))
            continue
        fi
        summary=$(jq -r --arg body "$body" '((.results // []) | group_by(.status) | map("\(.[0].status)=\(length)") | join(" ")),
                      (.results[]? | select(.status == "rejected")
                       | "  rejected: \(($body | fromjson).records[.index].name) — \(.error // "no reason given")")' <<<"$HTTP_BODY")
        log "demo molecules ($src): ${summary%%$'\n'*}"
        if [[ $summary == *$'\n'* ]]; then
            printf '%s\n' "${summary#*$'\n'}" >&2
            problems=$((problems + 1))
        fi
    done

    api GET "/mixtures?limit=500"
    if [[ $HTTP_STATUS != 200 ]]; then
        warn "listing mixtures failed: HTTP $HTTP_STATUS $HTTP_BODY"
        return 0
    fi
    local existing count i name comp ids id ok created=0 skipped=0
    existing=$(jq -r '.items[]?.name' <<<"$HTTP_BODY")
    count=$(jq 'length' "$DEMO_DIR/mixtures.json")
    for ((i = 0; i < count; i++)); do
        name=$(jq -r --argjson i "$i" '.[$i].name' "$DEMO_DIR/mixtures.json")
        if grep -Fxq -- "$name" <<<"$existing"; then
            skipped=$((skipped + 1))
            continue
        fi
        ids="" ok=1
        while IFS= read -r comp; do
            if id=$(resolve_molecule "$comp"); then ids+="$id"$'\n'; else ok=0; fi
        done < <(jq -r --argjson i "$i" '.[$i].components[].molecule_name' "$DEMO_DIR/mixtures.json")
        if (( ! ok )); then
            warn "mixture '$name' skipped: a component is missing"
            problems=$((problems + 1))
            continue
        fi
        body=$(jq -c --argjson i "$i" --arg ids "$ids" '.[$i] | {name, description, reference, is_public: true,
                    components: [.components | to_entries[] | {molecule_id: ($ids | split("\n"))[.key],
                                 concentration: .value.concentration, unit: .value.unit, role: .value.role}]}' \
                  "$DEMO_DIR/mixtures.json")
        api POST /mixtures "$body"
        if [[ $HTTP_STATUS == 2* ]]; then
            created=$((created + 1))
        else
            warn "creating mixture '$name' failed: HTTP $HTTP_STATUS $HTTP_BODY"
            problems=$((problems + 1))
        fi
    done
    log "demo mixtures: created=$created already-present=$skipped"
    import_demo_toxicity || problems=$((problems + 1))
    (( problems == 0 )) || warn "the demo data loaded with $problems problem(s), see above; the services keep running"
}

# Toxicity of the demo molecules through the real import path (import-service → PubChem PUG-View /
# ChEMBL /activity, the simulator unless CRYO_UPSTREAM=internet → molecule-service), as the demo
# researcher: the PubChem CIDs with their properties and toxicity, the ChEMBL ids (already in the
# registry from the batch above) with their activities. A re-run adds nothing (measurements are
# identified by their source record).
import_demo_toxicity() {
    local password token src include ids job status summary failed=0
    password=$(read_secret demo-user-password)
    http_call -H 'Content-Type: application/json' --data-binary @- "$AUTH_URL/api/auth/login" \
        < <(login_body "$DEMO_EMAIL" "$password")
    token=$(jq -r '.access_token // empty' <<<"$HTTP_BODY")
    [[ -n $token ]] || { warn "demo toxicity not imported: cannot log in as $DEMO_EMAIL (HTTP $HTTP_STATUS)"; return 1; }
    for src in pubchem chembl; do
        if [[ $src == pubchem ]]; then include='["properties","toxicity"]'; else include='["toxicity"]'; fi
        ids=$(jq -c --arg src "$src" '[.[] | select(.source == $src) | .source_id]' "$DEMO_DIR/molecules.json")
        http_call -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
            -d "{\"source\":\"$src\",\"ids\":$ids,\"include\":$include}" "http://127.0.0.1:$IMPORT_PORT/api/imports"
        job=$(jq -r '.id // empty' <<<"$HTTP_BODY")
        [[ $HTTP_STATUS == 202 && -n $job ]] || { warn "starting the $src toxicity import failed: HTTP $HTTP_STATUS $HTTP_BODY"; failed=1; continue; }
        local deadline=$((SECONDS + ${START_DEADLINE:-900}))
        while true; do
            http_call -H "Authorization: Bearer $token" "http://127.0.0.1:$IMPORT_PORT/api/imports/$job"
            status=$(jq -r '.status // empty' <<<"$HTTP_BODY")
            [[ $status == running ]] || break
            if (( SECONDS >= deadline )); then warn "the $src toxicity import $job is still running"; failed=1; break; fi
            sleep 1
        done
        summary=$(jq -r '"\(.status): \(.succeeded) ids imported, \(.failed) failed; measurements created=\(.measurements.created) unchanged=\(.measurements.unchanged) unparsed=\(.measurements.unparsed)"' <<<"$HTTP_BODY")
        log "demo toxicity ($src, job $job): $summary"
    done
    return "$failed"
}

# ---------------------------------------------------------------------------------------------
print_info() {
    local entry name port keys=$KEY_DIR extract='jq -r .access_token' extract_id='jq -r .id'
    # Paths as the user would type them: relative when run from the repository root.
    [[ $PWD != "$REPO_ROOT" || $KEY_DIR != "$REPO_ROOT/.local/keys" ]] || keys=.local/keys
    echo
    echo "CryoProtect is running (Ctrl-C or '$0 stop' stops it)"
    for entry in ${SERVICE_PORTS[@]+"${SERVICE_PORTS[@]}"}; do
        read -r name port <<<"$entry"
        [[ $name == web ]] || continue
        echo
        echo "  Open the web app:  http://localhost:$port/   (sign in as $DEMO_EMAIL, password in $keys/demo-user-password)"
        echo
    done
    for entry in ${SERVICE_PORTS[@]+"${SERVICE_PORTS[@]}"}; do
        read -r name port <<<"$entry"
        [[ $name != web ]] || continue
        if [[ $name == upstream-simulator ]]; then
            printf '  %-17s PubChem  http://localhost:%s/rest/pug   ChEMBL http://localhost:%s/chembl/api/data\n' "$name" "$port" "$port"
            printf '  %-17s admin    http://localhost:%s/admin/stats (faults: POST /admin/faults)\n' "" "$port"
            continue
        fi
        printf '  %-17s API      http://localhost:%s/api\n' "$name" "$port"
        printf '  %-17s Swagger  http://localhost:%s/q/swagger-ui   OpenAPI http://localhost:%s/q/openapi\n' "" "$port" "$port"
        printf '  %-17s health   http://localhost:%s/q/health       metrics http://localhost:%s/q/metrics\n' "" "$port" "$port"
    done
    echo "  PostgreSQL        $(db_display_url)"
    echo "  logs              $LOG_DIR"
    echo "  demo researcher   $DEMO_EMAIL, password in $keys/demo-user-password"
    echo "  admin             $ADMIN_EMAIL, password in $keys/admin-password (auth-service's /api/admin/...)"
    echo "  service client    import-service, secret in $keys/import-service-secret"
    cat <<EOF

Try it: log in as the demo researcher (the access token lasts 15 minutes; log in again for a new one)
  TOKEN=\$(curl -s -H 'Content-Type: application/json' \\
       -d "{\\"email\\":\\"$DEMO_EMAIL\\",\\"password\\":\\"\$(cat $keys/demo-user-password)\\"}" \\
       http://localhost:$AUTH_PORT/api/auth/login | $extract)
  curl -s -H "Authorization: Bearer \$TOKEN" 'http://localhost:$MOLECULE_PORT/api/molecules?q=glycerol&limit=5'
  curl -s -H "Authorization: Bearer \$TOKEN" 'http://localhost:$MOLECULE_PORT/api/mixtures'
  curl -s -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' \\
       -d '{"name":"Ectoine","smiles":"CC1=NC(CCN1)C(=O)O"}' http://localhost:$MOLECULE_PORT/api/molecules
  curl -s 'http://localhost:$MOLECULE_PORT/api/public/molecules?limit=5'

Toxicity imported for the demo molecules (oral rat LD50s and more, with their references):
  curl -s -H "Authorization: Bearer \$TOKEN" 'http://localhost:$MOLECULE_PORT/api/toxicity?endpoint=LD50&limit=5'

Import compounds (from the simulator unless CRYO_UPSTREAM=internet), then watch the job
("include": ["properties", "toxicity"] fetches their toxicity values too):
  JOB=\$(curl -s -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' \\
       -d '{"source":"pubchem","ids":[5988,6251,1030,100000000]}' http://localhost:$IMPORT_PORT/api/imports | $extract_id)
  curl -s -N -H "Authorization: Bearer \$TOKEN" http://localhost:$IMPORT_PORT/api/imports/\$JOB/events
  curl -s -H "Authorization: Bearer \$TOKEN" http://localhost:$IMPORT_PORT/api/imports/\$JOB/failures

A service token (client credentials of import-service, 5 minutes):
  SVC_TOKEN=\$(curl -s -u "import-service:\$(cat $keys/import-service-secret)" -d grant_type=client_credentials \\
       http://localhost:$AUTH_PORT/oauth/token | $extract)

Revoke your token (200); the revocation reaches molecule-service through auth-service's feed
within a second, after which it answers 401:
  curl -s -o /dev/null -w '%{http_code}\\n' -H "Authorization: Bearer \$TOKEN" -d "token=\$TOKEN" http://localhost:$AUTH_PORT/oauth/revoke
  sleep 1; curl -s -o /dev/null -w '%{http_code}\\n' -H "Authorization: Bearer \$TOKEN" 'http://localhost:$MOLECULE_PORT/api/mixtures'
EOF
}

db_display_url() {
    if [[ -n ${DATABASE_URL:-} ]]; then
        echo "$DB_HOST:$DB_PORT/$DB_NAME (DATABASE_URL)"
    else
        echo "psql -h 127.0.0.1 -p $PG_PORT -U postgres $DB_NAME   (jdbc:postgresql://127.0.0.1:$PG_PORT/$DB_NAME)"
    fi
}

status() {
    local f name pid
    if [[ -s $PGDATA_DIR/PG_VERSION ]]; then
        find_pg_bin
        choose_pg_os_user
        if pg_running; then echo "private PostgreSQL: running ($PGDATA_DIR)"; else echo "private PostgreSQL: stopped ($PGDATA_DIR)"; fi
    else
        echo "private PostgreSQL: not created"
    fi
    for f in "$RUN_DIR"/*.pid; do
        [[ -e $f ]] || continue
        name=$(basename "$f" .pid)
        pid=$(cat "$f")
        if pid_is_service "$pid" "$(cat "$RUN_DIR/$name.jar" 2>/dev/null || echo quarkus-run.jar)"; then
            echo "$name: running (pid $pid)"
        else
            echo "$name: not running (stale pid file)"
        fi
    done
}

usage() {  # the comment block at the top of this file
    awk 'NR > 1 && /^# shellcheck/ { next } NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
}

# ---------------------------------------------------------------------------------------------
main() {
    local db_only=0 demo=1
    case ${1:-} in
        stop) touch "$RUN_DIR/stop-requested"; stop_all; return 0 ;;
        status) status; return 0 ;;
        -h|--help|help) usage; return 0 ;;
    esac
    while (($#)); do
        case $1 in
            --db-only) db_only=1 ;;
            --no-demo) demo=0 ;;
            *) usage >&2; die "unknown argument: $1" ;;
        esac
        shift
    done

    # One runner at a time per state directory.
    if command -v flock >/dev/null 2>&1; then
        exec 9>"$RUN_DIR/run.lock"
        flock -n 9 || die "another run.sh is already running with $CRYO_LOCAL_DIR"
    fi
    rm -f "$RUN_DIR/stop-requested"

    if (( ! db_only )); then
        need java "Install a JDK 17+ (apt-get install openjdk-17-jdk-headless)."
        need curl "Install it with: apt-get install curl"
        need jq "Install it with: apt-get install jq"
    fi

    # From here on, any failure or Ctrl-C stops what was started.
    trap 'on_exit' EXIT
    trap 'exit 130' INT TERM

    ensure_keys
    if [[ -n ${DATABASE_URL:-} ]]; then use_external_database; else start_private_cluster; fi
    set_service_env

    if (( db_only )); then
        KEEP_RUNNING=1
        log "database ready: $(db_display_url)"
        log "migrations would log in as cryo_owner, molecule-service as cryo_authenticator, auth-service as cryo_auth, import-service as cryo_importer, web as cryo_web (postgresql://$DB_HOST:$DB_PORT/$DB_NAME)"
        log "local secrets (key-encryption key, client secret, passwords): $KEY_DIR; stop the cluster with '$0 stop'"
        return 0
    fi

    start_services
    ensure_demo_user
    (( ! demo )) || load_demo
    print_info

    # Foreground: wait until Ctrl-C, `run.sh stop`, or a service dying.
    local entry name
    while true; do
        for entry in "${SERVICE_PORTS[@]}"; do
            read -r name _ <<<"$entry"
            if [[ ! -s $RUN_DIR/$name.pid ]] || ! kill -0 "$(cat "$RUN_DIR/$name.pid")" 2>/dev/null; then
                if [[ -e $RUN_DIR/stop-requested ]]; then
                    log "stopped by '$0 stop'"
                    return 0
                fi
                warn "$name exited unexpectedly; last lines of $LOG_DIR/$name.log:"
                tail -n 30 "$LOG_DIR/$name.log" >&2 || true
                return 1
            fi
        done
        sleep 2 &
        wait $! || true
    done
}

KEEP_RUNNING=0
on_exit() {
    local rc=$?
    trap - EXIT
    trap '' INT TERM    # let the cleanup finish even if Ctrl-C is pressed again
    if (( ! KEEP_RUNNING )); then
        # With DATABASE_URL this run did not use the private cluster (if one is up): leave it alone.
        if [[ -n ${DATABASE_URL:-} ]]; then stop_all --keep-db || true; else stop_all || true; fi
    fi
    exit "$rc"
}

main "$@"
