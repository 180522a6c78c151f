#!/usr/bin/env bash
# molecule-service batch upsert alone: the last part of run-molecule-bench.sh (same seed, same records,
# one request at a time, first pass new, second pass unchanged), then STREAMS concurrent clients as
# import-service's workers send them (cryo.import.workers), each level on records of its own.
#
#   flock /tmp/cryo-bench.lock deploy/bench/run-batch-bench.sh
#
# Environment: as run-molecule-bench.sh (BENCH_DB, BENCH_HTTP_PORT, BENCH_POOL_SIZE, BENCH_JAVA_OPTS,
# BENCH_BATCHES, BENCH_BATCH_SIZE, BENCH_BATCH_WARMUP, ...), and
#   BENCH_STREAMS        [1 2 4 8]  concurrency levels; each sends BENCH_STREAM_BATCHES new, then the same again
#   BENCH_STREAM_BATCHES [8]
set -Eeuo pipefail

LOG_TAG=batch-bench
# shellcheck source=SCRIPTDIR/read-bench.sh
. "$(dirname "${BASH_SOURCE[0]}")/read-bench.sh"
# shellcheck source=SCRIPTDIR/batch-bench.sh
. "$READ_BENCH_DIR/batch-bench.sh"

BATCHES=${BENCH_BATCHES:-20}
BATCH_SIZE=${BENCH_BATCH_SIZE:-1000}
BATCH_WARMUP=${BENCH_BATCH_WARMUP:-2}
read -r -a STREAMS <<<"${BENCH_STREAMS:-1 2 4 8}"
STREAM_BATCHES=${BENCH_STREAM_BATCHES:-8}
DB_MARK='CryoProtect molecule benchmark (deploy/bench); dropped at the end of every run'
# The seed's 100k rows have no fingerprints: the structure backfill would compute them during the runs
# (from a minute after the start), on the chemistry threads the batches need. Off here.
export CRYO_MOLECULE_BACKFILL_ENABLED=false
# The public summary's refresh after imports (2 s after the last write, ~100k rows) would land in
# whichever pass follows a pause, and be counted as that pass's database CPU. Kept out of the runs.
export CRYO_MOLECULE_SUMMARY_REFRESH_DEBOUNCE=1h
TARGET_BATCH_RPS=5000

require_positive BATCHES BATCH_SIZE STREAM_BATCHES
(( BATCH_SIZE <= 1000 )) || die "BENCH_BATCH_SIZE must be at most 1000 (the endpoint's limit)"
for s in "${STREAMS[@]}"; do [[ $s =~ ^[1-9][0-9]*$ ]] || die "BENCH_STREAMS: positive whole numbers, got '$s'"; done

batch_records $(((BATCHES + BATCH_WARMUP + ${#STREAMS[@]} * STREAM_BATCHES) * BATCH_SIZE))   # before the clock of the tokens runs
start_read_bench batch
seed_bench_data "seeding (100k molecules, 1M properties, 50k toxicity rows, 500 teams, 5k projects)" seed.sql
mint_caller_tokens

batch_bodies 0 $((BATCHES + BATCH_WARMUP)) "$BATCH_SIZE"
NEXT=$((BATCHES + BATCH_WARMUP))
batch_warmup $(seq "$BATCHES" $((NEXT - 1)))
for pass in first second; do
    log "batch upsert, $pass pass: $BATCHES x $BATCH_SIZE records, one at a time"
    batch_run "$pass" 1 $(seq 0 $((BATCHES - 1)))
done

for s in "${STREAMS[@]}"; do
    batch_bodies "$NEXT" "$STREAM_BATCHES" "$BATCH_SIZE"
    for pass in new same; do
        log "batch upsert, $s concurrent streams, $pass records: $STREAM_BATCHES x $BATCH_SIZE"
        batch_run "c$s-$pass" "$s" $(seq "$NEXT" $((NEXT + STREAM_BATCHES - 1)))
    done
    NEXT=$((NEXT + STREAM_BATCHES))
done


out "CryoProtect molecule-service batch upsert benchmark — $(date -u +%Y-%m-%dT%H:%M:%SZ)"
out "machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
out "postgres: $(psql_super -Atc "select current_setting('server_version')") at $PGHOST:$PGPORT; service: $(java -version 2>&1 | head -1), $JAVA_OPTS, pool $POOL"
out "data: seeded in ${SEED_SECONDS}s (100k molecules, 1M properties); records with inchikey, formula and the 7 core properties"
out ""
out "Batch upsert (POST /api/molecules/batch, $BATCHES x $BATCH_SIZE records, one request at a time, after $BATCH_WARMUP untimed batches):"
out_batch_line "first pass (new)" first
out_batch_line "second pass (same)" second
out ""
out "Concurrent streams ($STREAM_BATCHES x $BATCH_SIZE records per level, records of their own; records/s over the wall time):"
for s in "${STREAMS[@]}"; do
    out_batch_line "$s stream(s), new" "c$s-new"
    out_batch_line "$s stream(s), same again" "c$s-same"
done
out ""
for pass in first second; do
    out "$(printf '  batch >= %s records/s   %-12s %7s   %s' $TARGET_BATCH_RPS "$pass pass" "${BATCH_RPS[$pass]}" "$(verdict "${BATCH_RPS[$pass]}" '>=' $TARGET_BATCH_RPS)")"
done
save_report
