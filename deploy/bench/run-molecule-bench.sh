#!/usr/bin/env bash
# molecule-service benchmark: list and search as a team member (RLS on) and as the service role,
# each side by side with pgbench running the very same transaction; then batch upsert throughput.
# See deploy/bench/README.md for what the numbers mean and the targets.
#
#   deploy/bench/run-molecule-bench.sh
#
# Needs: java 17, psql, pgbench, openssl, curl, jq, wrk (wrk and jq are apt-get installed if missing
# and we are root), a built molecule-service (./mvnw -pl molecule-service -am package -DskipTests); its
# test sources are compiled here (BENCH_SKIP_BUILD=1 skips that) for BenchStatements, the SQL pgbench runs.
#
# Environment (defaults in brackets):
#   PGHOST [127.0.0.1] PGPORT [5432] PGUSER [postgres] PGPASSWORD   a superuser of the target cluster
#   CRYO_BENCH_JAR           [molecule-service/target/quarkus-app/quarkus-run.jar]
#   BENCH_DB                 [cryo_bench]  created fresh, dropped at the end (also on failure)
#   BENCH_HTTP_PORT          [18082]
#   BENCH_POOL_SIZE          [20]   the service's reactive pool (quarkus.datasource.reactive.max-size)
#   BENCH_SECONDS            [20]   length of each wrk and pgbench run
#   BENCH_WARMUP_SECONDS     [15]   per endpoint, before measuring (with 5, the first scenario paid the JIT compiler)
#   BENCH_CONNECTIONS        [64]   wrk connections and pgbench clients
#   BENCH_THREADS            [2]    wrk threads and pgbench threads
#   BENCH_QUERY              [cryoprotectant]   the q= of the search scenarios (seed.sql documents its hits)
#   BENCH_USER               [be4c0000-0000-4000-8000-000000000001]  the member (editor of 4 teams)
#   BENCH_BATCHES            [20]   batch upsert requests per pass
#   BENCH_BATCH_SIZE         [1000] records per request
#   BENCH_BATCH_WARMUP       [2]    untimed batches of other records first
#   BENCH_STATEMENT_TIMEOUT  [5s]   the service's statement timeout (cryo.db.statement-timeout), and
#                                   pgbench's: keeps a pathological query from stalling the run
#   BENCH_JAVA_OPTS          [-Xmx1g]
#   BENCH_SUMMARY_REFRESH_EVERY [1h]  the scheduled public_molecules_summary refresh, kept out of the runs
#   BENCH_RESULTS_DIR        [deploy/bench/results]
#   BENCH_KEEP_WORK=1        keep the scratch directory (logs, keys, raw outputs)
set -Eeuo pipefail

LOG_TAG=bench
# shellcheck source=SCRIPTDIR/read-bench.sh
. "$(dirname "${BASH_SOURCE[0]}")/read-bench.sh"   # reads the settings above but BENCH_BATCH*; defines the steps below

BATCHES=${BENCH_BATCHES:-20}
BATCH_SIZE=${BENCH_BATCH_SIZE:-1000}
BATCH_WARMUP=${BENCH_BATCH_WARMUP:-2}
DB_MARK='CryoProtect molecule benchmark (deploy/bench); dropped at the end of every run'

# Targets (issue): p99 at 64 connections, RLS-on vs service role, service vs pgbench, batch upsert.
TARGET_P99_RATIO=1.5   # issue 14: the tail within 1.5x of the same SQL at the same concurrency
TARGET_RLS_RATIO=1.3
TARGET_PGBENCH_SHARE=0.7
TARGET_BATCH_RPS=5000

require_positive BATCHES BATCH_SIZE
[[ $BATCH_WARMUP =~ ^[0-9]+$ ]] || die "BENCH_BATCH_WARMUP must be a whole number"
(( BATCH_SIZE <= 1000 )) || die "BENCH_BATCH_SIZE must be at most 1000 (the endpoint's limit)"

build_test_classes          # BenchStatements: the service's SQL for pgbench
# shellcheck source=SCRIPTDIR/batch-bench.sh
. "$READ_BENCH_DIR/batch-bench.sh"
batch_records $(((BATCHES + BATCH_WARMUP) * BATCH_SIZE))   # cached; computed once with CDK
start_read_bench molecule   # database, molecule-service; all torn down at exit

seed_bench_data "seeding (100k molecules, 1M properties, 50k toxicity rows, 500 teams, 5k projects)" seed.sql
mint_caller_tokens

# --- scenarios -------------------------------------------------------------------------------
SCENARIOS=(list-member list-service search-member search-service)
for s in "${SCENARIOS[@]}"; do
    case $s in list-*) scenario "$s" "$BASE/api/molecules" list ;;
               search-*) scenario "$s" "$BASE/api/molecules?q=$QUERY_URL" "search:$QUERY" ;; esac
done
capture_statements

check_scenarios '.items | length' items '"next_cursor " + (if .next_cursor then "set" else "null" end)'
measure_scenarios

# --- batch upsert ----------------------------------------------------------------------------
# batch-bench.sh: records of real structures with their own InChIKeys and all 7 core properties.
log "batch upsert: $((BATCHES + BATCH_WARMUP)) bodies of $BATCH_SIZE records"
batch_bodies 0 $((BATCHES + BATCH_WARMUP)) "$BATCH_SIZE"
batch_warmup $(seq "$BATCHES" $((BATCHES + BATCH_WARMUP - 1)))
for pass in first second; do
    log "batch upsert, $pass pass: $BATCHES x $BATCH_SIZE records"
    batch_run "$pass" 1 $(seq 0 $((BATCHES - 1)))
done

# --- report ----------------------------------------------------------------------------------
out_report_head "CryoProtect molecule-service benchmark"
out "data: seeded in ${SEED_SECONDS}s; member $BENCH_USER (editor of 4 teams); search q=$QUERY; limit 50 (51 fetched)"
out ""
out_scenario_table 15
out ""
out_rls_comparison 7 list search
out ""
out "Batch upsert (POST /api/molecules/batch, $BATCHES x $BATCH_SIZE records, properties supplied, one request at a time, after $BATCH_WARMUP untimed batches):"
out_batch_line "first pass (new)" first
out_batch_line "second pass (same)" second
out ""
out_read_targets 16
for pass in first second; do
    out "$(printf '  batch >= %s records/s            %-16s %9s     %s' $TARGET_BATCH_RPS "$pass pass" "${BATCH_RPS[$pass]}" "$(verdict "${BATCH_RPS[$pass]}" '>=' $TARGET_BATCH_RPS)")"
done
save_report
