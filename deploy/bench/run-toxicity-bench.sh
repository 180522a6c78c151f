#!/usr/bin/env bash
# molecule-service toxicity benchmark (issue 11): GET /api/toxicity/ranking (rat oral LD50 by median,
# alone and combined with the q= molecule filter) and GET /api/toxicity/summary, as a team member (RLS
# on) and as the service role, each side by side with pgbench running the very same transaction, over
# 1,000,000 measurements on the 100k molecules of seed.sql (seed-toxicity.sql).
# See deploy/bench/README.md for what the numbers mean and the targets.
#
#   deploy/bench/run-toxicity-bench.sh
#
# Needs: java 17, psql, pgbench, openssl, curl, jq, wrk (wrk and jq are apt-get installed if missing
# and we are root), a built molecule-service (./mvnw -pl molecule-service -am package -DskipTests).
#
# Environment (defaults in brackets): as run-molecule-bench.sh (PG*, CRYO_BENCH_JAR, BENCH_DB,
# BENCH_HTTP_PORT, BENCH_POOL_SIZE, BENCH_SECONDS, BENCH_WARMUP_SECONDS, BENCH_CONNECTIONS,
# BENCH_THREADS, BENCH_QUERY, BENCH_USER, BENCH_STATEMENT_TIMEOUT, BENCH_JAVA_OPTS,
# BENCH_SUMMARY_REFRESH_EVERY, BENCH_RESULTS_DIR, BENCH_KEEP_WORK), plus
#   BENCH_SUMMARY_MOLECULE   [e0000000-0000-4000-8000-00000000303b]  the molecule of the summary scenarios
#                            (public molecule 12347 of seed.sql: 10 measurements)
set -Eeuo pipefail

LOG_TAG=bench
# shellcheck source=SCRIPTDIR/read-bench.sh
. "$(dirname "${BASH_SOURCE[0]}")/read-bench.sh"   # reads the settings of run-molecule-bench.sh; defines the steps below

SUMMARY_MOLECULE=${BENCH_SUMMARY_MOLECULE:-e0000000-0000-4000-8000-00000000303b}
DB_MARK='CryoProtect toxicity benchmark (deploy/bench); dropped at the end of every run'

# Targets (issue 11): RLS-on vs service role, service vs pgbench; p99 at 64 connections as for the other reads.
TARGET_P99_RATIO=1.5   # issue 14: the tail within 1.5x of the same SQL at the same concurrency
TARGET_RLS_RATIO=1.3
TARGET_PGBENCH_SHARE=0.7

[[ $SUMMARY_MOLECULE =~ ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ ]] || die "BENCH_SUMMARY_MOLECULE must be a lower-case UUID"

build_test_classes        # BenchStatements: the service's SQL for pgbench
start_read_bench toxicity   # database, molecule-service; all torn down at exit

seed_bench_data "seeding (100k molecules, 1M properties, 500 teams, 5k projects), then 1M toxicity measurements and their statistics" \
    seed.sql seed-toxicity.sql
SEED_COUNTS=$(PSQL_DB=$DB psql_super -Atc "select (select count(*) from chem.toxicity) || ' measurements ('
    || (select count(*) from chem.toxicity where unparsed_reason is not null) || ' unparsed), '
    || (select count(*) from chem.toxicity_stats) || ' statistics rows, '
    || (select count(*) from chem.toxicity_stats where endpoint = 'LD50' and species = 'rat' and route = 'oral' and unit = 'mg/kg')
    || ' molecules with a rat oral LD50'")
log "$SEED_COUNTS"
mint_caller_tokens

# --- scenarios -------------------------------------------------------------------------------
RANKING="endpoint=LD50&species=rat&route=oral"
SCENARIOS=(ranking-member ranking-service ranking-q-member ranking-q-service summary-member summary-service)
for s in "${SCENARIOS[@]}"; do
    case $s in ranking-q-*) scenario "$s" "$BASE/api/toxicity/ranking?$RANKING&q=$QUERY_URL" "ranking:LD50:rat:oral:$QUERY" ;;
               ranking-*) scenario "$s" "$BASE/api/toxicity/ranking?$RANKING" ranking:LD50:rat:oral ;;
               summary-*) scenario "$s" "$BASE/api/toxicity/summary?molecule_id=$SUMMARY_MOLECULE" "summary:$SUMMARY_MOLECULE" ;; esac
done
capture_statements

check_scenarios 'if .items then (.items | length) else (.groups | length) end' items/groups \
    'if .items then {first: .items[0].value, last: .items[-1].value} else {measurements, unparsed} end'
measure_scenarios

# --- report ----------------------------------------------------------------------------------
out_report_head "CryoProtect molecule-service toxicity benchmark"
out "data: seeded in ${SEED_SECONDS}s: $SEED_COUNTS"
out "      member $BENCH_USER (editor of 4 teams); ranking $RANKING (median, highest first), limit 50 (51 fetched);"
out "      ranking-q adds q=$QUERY; summary of molecule $SUMMARY_MOLECULE"
out ""
out_scenario_table 17
out ""
out_rls_comparison 9 ranking ranking-q summary
out ""
out_read_targets 17
save_report
