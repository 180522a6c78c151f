# shellcheck shell=bash
# Sourced (not executed) by deploy/local/lib.sh and deploy/bench/lib.sh: the one way deploy/ starts
# a service and waits for it. Needs log and die from the caller.

java_major() {  # [JAVA] — the feature release of JAVA (default: the java on PATH): 17, 25, ...
    "${1:-java}" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ { print $2 }'
}

port_in_use() {  # PORT — true if something accepts TCP connections on 127.0.0.1:PORT
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# start_and_wait NAME PORT LOG COMMAND...
#   Starts COMMAND in the background, in its own session (so Ctrl-C reaches only the calling
#   script, which stops it in order), stdin closed, output appended to LOG, in $START_DIR if set.
#   Sets STARTED_PID, appends it to STARTED_PIDS and writes it to $START_PIDFILE if set, at once,
#   so that the caller's clean-up can stop it even while it starts. Then waits until http://127.0.0.1:PORT/q/health/ready answers 2xx and the log
#   says that this process listens on PORT (not some other process that took the port meanwhile).
#   How long a start takes depends on the machine's load, so there is no short timeout: the wait
#   ends when the service is ready, when it exits (then the end of its log is shown), or after
#   $START_DEADLINE seconds (default 900) as a last resort against a hung process.
start_and_wait() {
    local name=$1 port=$2 logfile=$3
    shift 3
    port_in_use "$port" && die "port $port (for $name) is already in use by another program"
    local offset started=$SECONDS deadline=$((SECONDS + ${START_DEADLINE:-900}))
    touch "$logfile"
    offset=$(($(wc -c <"$logfile") + 1))
    local setsid=()
    command -v setsid >/dev/null 2>&1 && setsid=(setsid)
    # 9>&-: the service must not inherit a lock the caller holds on fd 9 (deploy/local/run.sh)
    (cd "${START_DIR:-.}" && exec ${setsid[@]+"${setsid[@]}"} "$@") >>"$logfile" 2>&1 </dev/null 9>&- &
    STARTED_PID=$!
    STARTED_PIDS+=("$STARTED_PID")
    [[ -z ${START_PIDFILE:-} ]] || echo "$STARTED_PID" >"$START_PIDFILE"
    until tail -c +"$offset" "$logfile" | grep -q "Listening on: http://127.0.0.1:$port" \
            && curl -fsS --max-time 5 -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; do
        if ! kill -0 "$STARTED_PID" 2>/dev/null; then
            tail -n 40 "$logfile" >&2
            die "$name exited during start-up (log: $logfile)"
        fi
        if (( SECONDS >= deadline )); then
            tail -n 40 "$logfile" >&2
            die "$name still not ready after $((SECONDS - started)) s (log: $logfile)"
        fi
        sleep 1
    done
    log "$name ready on port $port after $((SECONDS - started)) s"
}
