# shellcheck shell=bash
# Shared by the benchmark scripts (sourced after they define log, die and psql_super, and set DB,
# DB_MARK, PGHOST, PGPORT, PGUSER, AUTHENTICATOR and AUTHENTICATOR_PASSWORD). Services are started
# with start_and_wait (deploy/lib/processes.sh), like the local runner's.

BENCH_LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$BENCH_LIB_DIR/../lib/processes.sh"

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
    DB_CREATED=1   # read by the calling script's exit trap
    export DB_CREATED
    psql_super -c "comment on database $DB is '$DB_MARK'"
}

# ensure_roles — the deployments' logins (k8s/base/postgres/roles.sql), in $DB; the services'
# migrations need them (their grants name them). Roles are cluster-wide: this sets the password of
# molecule-service's login $AUTHENTICATOR for the whole cluster.
ensure_roles() {
    PSQL_DB=$DB psql_super -f "$BENCH_LIB_DIR/../../k8s/base/postgres/roles.sql" >/dev/null
    psql_super -c "alter role $AUTHENTICATOR login password '$AUTHENTICATOR_PASSWORD'" >/dev/null
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
