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
#   BENCH_WARMUP_SECONDS     [5]    per endpoint, before measuring
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
TARGET_P99_MS=50
TARGET_RLS_RATIO=1.3
TARGET_PGBENCH_SHARE=0.5
TARGET_BATCH_RPS=5000

require_positive BATCHES BATCH_SIZE
[[ $BATCH_WARMUP =~ ^[0-9]+$ ]] || die "BENCH_BATCH_WARMUP must be a whole number"
(( BATCH_SIZE <= 1000 )) || die "BENCH_BATCH_SIZE must be at most 1000 (the endpoint's limit)"

build_test_classpath        # BenchStatements: the service's SQL for pgbench
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
# Records carry inchikey, formula and all 7 core properties, so the service skips CDK: the
# "properties supplied" case of the target. InChIKeys (BENCHIMP + 6 letters) never collide with seeded ones.
log "generating $((BATCHES + BATCH_WARMUP)) batch bodies of $BATCH_SIZE records"
for b in $(seq 0 $((BATCHES + BATCH_WARMUP - 1))); do
    awk -v first=$((b * BATCH_SIZE + 1)) -v size="$BATCH_SIZE" '
        function letters(n, k,    s, i) { s = ""; for (i = 0; i < k; i++) { s = sprintf("%c", 65 + n % 26) s; n = int(n / 26) } return s }
        function rep(c, k,    s) { s = ""; while (k-- > 0) s = s c; return s }
        BEGIN {
            printf "{\"records\":["
            for (j = 0; j < size; j++) {
                n = first + j; c = n % 24 + 1
                printf "%s{\"source\":\"pubchem\",\"source_id\":\"%d\",\"name\":\"bench import %06d\",\"smiles\":\"%sO\",", \
                    (j ? "," : ""), 90000000 + n, n, rep("C", c)
                printf "\"inchikey\":\"BENCHIMP%s-UHFFFAOYSA-N\",\"formula\":\"C%dH%dO\",\"synonyms\":[\"CID %d\"],", \
                    letters(n, 6), c, 2 * c + 2, 90000000 + n
                printf "\"properties\":{\"molecular_weight\":%.3f,\"exact_mass\":%.4f,\"xlogp\":%.2f,\"tpsa\":20.23,\"hbd\":1,\"hba\":1,\"rotatable_bonds\":%d}}", \
                    14.027 * c + 18.015, 14.01565 * c + 18.01056, 0.5 * c - 0.8, c - 1
            }
            print "]}"
        }' >"$WORK/batch-$b.json"
done

# Warm-up on records of their own (the last bodies), so the JIT has seen the batch path before we time it.
for b in $(seq "$BATCHES" $((BATCHES + BATCH_WARMUP - 1))); do
    curl -sS --max-time 120 -o /dev/null -H "Authorization: Bearer $SERVICE_TOKEN" -H 'Content-Type: application/json' \
        --data-binary "@$WORK/batch-$b.json" "$BASE/api/molecules/batch" || true
done
declare -A BATCH_RPS BATCH_P50 BATCH_MAX BATCH_STATUS
for pass in first second; do
    log "batch upsert, $pass pass: $BATCHES x $BATCH_SIZE records"
    : >"$WORK/batch-$pass.times"
    : >"$WORK/batch-$pass.statuses"
    for b in $(seq 0 $((BATCHES - 1))); do
        read -r code secs < <(curl -sS --max-time 120 -o "$WORK/batch-resp.json" -w '%{http_code} %{time_total}\n' \
            -H "Authorization: Bearer $SERVICE_TOKEN" -H 'Content-Type: application/json' \
            --data-binary "@$WORK/batch-$b.json" "$BASE/api/molecules/batch" || echo "000 0")
        [[ $code == 200 ]] || { head -c 2000 "$WORK/batch-resp.json" >&2 2>/dev/null || true; die "batch $b ($pass pass) answered $code"; }
        echo "$secs" >>"$WORK/batch-$pass.times"
        jq -r '.results[].status' "$WORK/batch-resp.json" >>"$WORK/batch-$pass.statuses"
    done
    read -r "BATCH_RPS[$pass]" "BATCH_P50[$pass]" "BATCH_MAX[$pass]" < <(sort -n "$WORK/batch-$pass.times" | awk -v recs=$((BATCHES * BATCH_SIZE)) '
        { v[NR] = $1; total += $1 } END { printf "%.0f %.0f %.0f\n", recs / total, v[int((NR + 1) / 2)] * 1000, v[NR] * 1000 }')
    BATCH_STATUS[$pass]=$(sort "$WORK/batch-$pass.statuses" | uniq -c | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2 }')
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
for pass in first second; do
    label=$([[ $pass == first ]] && echo "first pass (new)" || echo "second pass (same)")
    out "$(printf '  %-20s %7s records/s  batch p50 %6s ms  max %6s ms  [%s]' "$label" "${BATCH_RPS[$pass]}" "${BATCH_P50[$pass]}" "${BATCH_MAX[$pass]}" "${BATCH_STATUS[$pass]}")"
done
out ""
out_read_targets 16
for pass in first second; do
    out "$(printf '  batch >= %s records/s            %-16s %9s     %s' $TARGET_BATCH_RPS "$pass pass" "${BATCH_RPS[$pass]}" "$(verdict "${BATCH_RPS[$pass]}" '>=' $TARGET_BATCH_RPS)")"
done
save_report
