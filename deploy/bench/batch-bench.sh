# shellcheck shell=bash disable=SC2034  # the variables set here are read by the scripts that source this file
# The batch upsert measurement (POST /api/molecules/batch), sourced by run-molecule-bench.sh (its last
# part) and run-batch-bench.sh (the batch part alone, and concurrent streams). Needs read-bench.sh's
# WORK, BASE, SERVICE_TOKEN, log and die.
#
# Records carry their structure's own InChIKey, formula and all 7 core properties, so the service
# computes no descriptors (only the identity: the key check, parent key and fingerprints): the
# "properties supplied" case of the target. Their structures are distinct, and none is seeded.

declare -A BATCH_RPS BATCH_P50 BATCH_MAX BATCH_STATUS BATCH_SVC_US BATCH_DB_US   # per pass name: what was measured

# db_backend_ticks — CPU of the service's database sessions in $DB so far (its pool keeps them open), in clock ticks
db_backend_ticks() {
    local pid total=0
    for pid in $(PSQL_DB=$DB psql_super -Atc "select pid from pg_stat_activity where datname = '$DB' and usename = '$AUTHENTICATOR'"); do
        total=$((total + $(cpu_ticks "$pid")))
    done
    echo "$total"
}

# batch_records N — $BATCH_RECORDS, a file of at least N records (BatchBenchRecords, one JSON object a
# line: a distinct structure with its own InChIKey, formula and the 7 core properties), cached in
# deploy/bench/.cache under a hash of the chemistry and the generator. Builds the test classes once.
batch_records() {
    local n=$1 key cache=${BENCH_CACHE_DIR:-$READ_BENCH_DIR/.cache}
    MODULE=${MODULE:-$REPO_ROOT/molecule-service}
    key=$(cat "$MODULE"/src/main/java/org/cryoprotect/molecule/chem/*.java \
              "$MODULE"/src/test/java/org/cryoprotect/molecule/bench/*.java | sha256sum | cut -c1-12)
    BATCH_RECORDS=$cache/batch-records-$key.jsonl
    if [[ -s $BATCH_RECORDS && $(wc -l <"$BATCH_RECORDS") -ge $n ]]; then
        log "$n batch records from the cache: $BATCH_RECORDS"
        return 0
    fi
    build_test_classes
    mkdir -p "$cache"
    log "computing $n batch records with CDK into $BATCH_RECORDS (cached for later runs)"
    java -cp "$TEST_CP" org.cryoprotect.molecule.bench.BatchBenchRecords "$n" "$BATCH_RECORDS.tmp" || die "BatchBenchRecords failed"
    mv "$BATCH_RECORDS.tmp" "$BATCH_RECORDS"
}

# batch_bodies FIRST COUNT SIZE — writes $WORK/batch-FIRST.json .. batch-(FIRST+COUNT-1).json; body b
# holds records b*SIZE+1 .. (b+1)*SIZE of $BATCH_RECORDS
batch_bodies() {
    local b
    for b in $(seq "$1" $(($1 + $2 - 1))); do
        sed -n "$((b * $3 + 1)),$(((b + 1) * $3))p" "$BATCH_RECORDS" \
            | awk 'BEGIN { printf "{\"records\":[" } { printf "%s%s", (NR > 1 ? "," : ""), $0 } END { print "]}" }' >"$WORK/batch-$b.json"
        [[ $(grep -o '"inchikey"' "$WORK/batch-$b.json" | wc -l) == "$3" ]] || die "batch body $b: $BATCH_RECORDS is too short"
    done
}

# batch_post BODY RESPONSE TIMES — one request; the answer to RESPONSE, its seconds appended to TIMES
batch_post() {
    local code secs
    read -r code secs < <(curl -sS --max-time 120 -o "$2" -w '%{http_code} %{time_total}\n' \
        -H "Authorization: Bearer $SERVICE_TOKEN" -H 'Content-Type: application/json' \
        --data-binary "@$WORK/batch-$1.json" "$BASE/api/molecules/batch" || echo "000 0")
    [[ $code == 200 ]] || { head -c 2000 "$2" >&2 2>/dev/null || true; die "batch $1 answered $code"; }
    echo "$secs" >>"$3"
}

# batch_warmup BODY... — untimed requests, so the JIT has seen the batch path before anything is timed
batch_warmup() {
    local b
    for b in "$@"; do
        curl -sS --max-time 120 -o /dev/null -H "Authorization: Bearer $SERVICE_TOKEN" -H 'Content-Type: application/json' \
            --data-binary "@$WORK/batch-$b.json" "$BASE/api/molecules/batch" || true
    done
}

# batch_run PASS STREAMS BODY... — the bodies split round-robin over STREAMS concurrent clients, each
# sending its share one request at a time. Records/s is all records over the wall time from the first
# request to the last answer; p50 and max are per request. Sets BATCH_RPS[PASS] (and P50, MAX, STATUS).
batch_run() {
    local pass=$1 streams=$2 s i start wall records
    shift 2
    local bodies=("$@") pids=()
    rm -f "$WORK"/batch-"$pass"-*.times "$WORK"/batch-"$pass"-resp-*.json
    local svc_before db_before svc_ticks db_ticks
    svc_before=$(cpu_ticks "$SERVICE_PID")
    db_before=$(db_backend_ticks)
    start=$(date +%s.%N)
    for s in $(seq 0 $((streams - 1))); do
        (
            for ((i = s; i < ${#bodies[@]}; i += streams)); do
                batch_post "${bodies[i]}" "$WORK/batch-$pass-resp-${bodies[i]}.json" "$WORK/batch-$pass-$s.times"
            done
        ) &
        pids+=($!)
    done
    for s in "${pids[@]}"; do wait "$s" || die "a batch stream of pass $pass failed"; done
    wall=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { print e - s }')
    svc_ticks=$(( $(cpu_ticks "$SERVICE_PID") - svc_before ))
    db_ticks=$(( $(db_backend_ticks) - db_before ))
    cat "$WORK"/batch-"$pass"-*.times >"$WORK/batch-$pass.times"
    # read after the clock stopped: jq's time is the client's, not the service's
    jq -r '.results[].status' "$WORK"/batch-"$pass"-resp-*.json >"$WORK/batch-$pass.statuses"
    records=$(wc -l <"$WORK/batch-$pass.statuses")
    # CPU per record: unlike records/s, it hardly depends on what else the machine runs meanwhile
    BATCH_SVC_US[$pass]=$(( svc_ticks * 1000000 / CLK_TCK / records ))
    BATCH_DB_US[$pass]=$(( db_ticks * 1000000 / CLK_TCK / records ))
    read -r "BATCH_RPS[$pass]" "BATCH_P50[$pass]" "BATCH_MAX[$pass]" < <(sort -n "$WORK/batch-$pass.times" | awk -v recs="$records" -v wall="$wall" '
        { v[NR] = $1 } END { printf "%.0f %.0f %.0f\n", recs / wall, v[int((NR + 1) / 2)] * 1000, v[NR] * 1000 }')
    BATCH_STATUS[$pass]=$(sort "$WORK/batch-$pass.statuses" | uniq -c | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2 }')
}

# out_batch_line LABEL PASS — one line of the report
out_batch_line() {
    out "$(printf '  %-26s %6s records/s  batch p50 %6s ms  max %6s ms  CPU/record: service %5s us, database %5s us  [%s]' "$1" \
        "${BATCH_RPS[$2]}" "${BATCH_P50[$2]}" "${BATCH_MAX[$2]}" "${BATCH_SVC_US[$2]}" "${BATCH_DB_US[$2]}" "${BATCH_STATUS[$2]}")"
}
