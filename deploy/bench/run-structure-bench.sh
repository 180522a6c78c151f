#!/usr/bin/env bash
# molecule-service structure-search benchmark (issue 12): similarity top-50 (similar_to, min_similarity
# 0.7) and substructure search for a fixed query set (structure-queries.tsv: a common, a medium, a rare
# and a no-hit query, plus the common one as SMARTS), each as a team member (RLS on) and as the service
# role, over a generated registry of N molecules: every request alone (1 connection) and at 16
# connections, side by side with pgbench running the service's own SQL, plus what the scans cost
# (fingerprints scanned per second per core) and, for substructure, candidates screened vs matched.
# See deploy/bench/README.md for what the numbers mean and the targets.
#
#   deploy/bench/run-structure-bench.sh [N ...]          N: 100000 (default), 1000000, ...
#   BENCH_ONLY_GENERATE=1 deploy/bench/run-structure-bench.sh 1000000   # just fill the cache
#
# The registry comes from StructureRegistryGenerator (molecule-service test sources), which computes
# every structure column with the service's StructureCalculator; it is cached in deploy/bench/.cache/
# under N and a hash of the chemistry and generator sources and the queries (a 1M registry takes a
# while on 2 cores: the time is in the report). Several N run one after the other, each a full run.
#
# Needs: java 17, a JDK's javac via ./mvnw (test-compile, once per source change), psql, pgbench 14+,
# openssl, curl, jq, wrk (jq and wrk are apt-get installed if missing and we are root), flock, a built
# molecule-service of the same sources (./mvnw -pl molecule-service -am package -DskipTests).
#
# Environment (defaults in brackets): as run-molecule-bench.sh (PG*, CRYO_BENCH_JAR, BENCH_HTTP_PORT,
# BENCH_POOL_SIZE, BENCH_THREADS, BENCH_USER, BENCH_JAVA_OPTS, BENCH_RESULTS_DIR, BENCH_KEEP_WORK), and
#   BENCH_DB                  [cryo_structbench]
#   BENCH_SECONDS             [10]   each wrk and pgbench run (4 per scenario)
#   BENCH_WARMUP_SECONDS      [3]    per scenario, 1 connection
#   BENCH_CONNECTIONS         [16]   the loaded runs (the other is 1 connection)
#   BENCH_QUERIES             [deploy/bench/structure-queries.tsv]
#   BENCH_LIMIT               [50]   limit= of every request
#   BENCH_SEARCH_CHUNK        [100]  cryo.chemistry.search-chunk, given to the service and used for the SQL
#   BENCH_CACHE_DIR           [deploy/bench/.cache]
#   BENCH_GENERATOR_THREADS   [nproc]
#   BENCH_GENERATOR_JAVA_OPTS [-Xmx3g]
#   BENCH_ONLY_GENERATE=1     generate (or find) the registry, then stop
#   BENCH_SKIP_BUILD=1        use molecule-service/target/{classes,test-classes,bench.classpath} as they are
#   CRYO_MAVEN_LOCK           [/tmp/cryo-maven.lock]  Maven runs hold it (one build at a time on the machine)
set -Eeuo pipefail

if (( $# > 1 )); then   # one full run per size
    for size in "$@"; do "$0" "$size"; done
    exit 0
fi
SIZE=${1:-100000}
[[ $SIZE =~ ^[0-9]+$ && $SIZE -gt 0 ]] || { echo "N must be a positive whole number, got '$SIZE'" >&2; exit 2; }

: "${BENCH_DB:=cryo_structbench}" "${BENCH_SECONDS:=10}" "${BENCH_WARMUP_SECONDS:=3}" "${BENCH_CONNECTIONS:=16}" "${BENCH_STATEMENT_TIMEOUT:=10s}"
export BENCH_DB BENCH_SECONDS BENCH_WARMUP_SECONDS BENCH_CONNECTIONS BENCH_STATEMENT_TIMEOUT
LOG_TAG=structure-bench
# shellcheck source=SCRIPTDIR/read-bench.sh
. "$(dirname "${BASH_SOURCE[0]}")/read-bench.sh"   # settings, database, service, tokens, report helpers

QUERIES=${BENCH_QUERIES:-$READ_BENCH_DIR/structure-queries.tsv}
LIMIT=${BENCH_LIMIT:-50}
CHUNK=${BENCH_SEARCH_CHUNK:-100}
CACHE_DIR=${BENCH_CACHE_DIR:-$READ_BENCH_DIR/.cache}
GEN_THREADS=${BENCH_GENERATOR_THREADS:-$(nproc)}
GEN_JAVA_OPTS=${BENCH_GENERATOR_JAVA_OPTS:--Xmx3g}
DB_MARK='CryoProtect structure benchmark (deploy/bench); dropped at the end of every run'
export CRYO_CHEMISTRY_SEARCH_CHUNK=$CHUNK   # the service reads its chunk size from here (start_and_wait inherits it)

# Targets (issue 12) and the anchors the issue names.
TARGET_SIMILARITY_MS=100    # similarity top-50 over 1M, p50 alone
TARGET_SUBSTRUCTURE_MS=500  # substructure over 1M, p50 alone, common and medium queries
TARGET_RLS_RATIO=1.3
TARGET_SIZE=1000000

require_positive LIMIT CHUNK GEN_THREADS
[[ -f $QUERIES ]] || die "no query file $QUERIES"
need flock "apt-get install util-linux"

# --- 1. the registry: build the generator, find or make the cached files -----------------------
# The cache key: everything the files depend on — the chemistry (fingerprints, parents, descriptors),
# the generator and the queries.
registry_key() {
    { cat "$MODULE"/src/main/java/org/cryoprotect/molecule/chem/*.java \
          "$MODULE"/src/test/java/org/cryoprotect/molecule/bench/*.java "$QUERIES"; } | sha256sum | cut -c1-12
}

ensure_registry() {
    local key dir tmp start
    key=$(registry_key)
    dir=$CACHE_DIR/structures-$SIZE-$key
    if [[ -s $dir/generator.txt ]]; then
        log "registry of $SIZE molecules from the cache: $dir"
    else
        mkdir -p "$CACHE_DIR"
        tmp=$(mktemp -d "$CACHE_DIR/.tmp-$SIZE-XXXXXX")
        log "generating $SIZE molecules with $GEN_THREADS threads into $dir (cached for later runs)"
        start=$SECONDS
        # shellcheck disable=SC2086  # GEN_JAVA_OPTS: several options
        java $GEN_JAVA_OPTS -cp "$TEST_CP" org.cryoprotect.molecule.bench.StructureRegistryGenerator \
            "$SIZE" "$tmp" "$QUERIES" "$GEN_THREADS" || { rm -rf "$tmp"; die "the generator failed"; }
        echo "wall_seconds $((SECONDS - start))" >>"$tmp/generator.txt"
        echo "load_after $(cut -d' ' -f1-3 /proc/loadavg)" >>"$tmp/generator.txt"
        rm -rf "$dir"
        mv "$tmp" "$dir"
    fi
    REGISTRY=$dir
}

gen() { awk -v k="$1" '$1 == k { print $2 }' "$REGISTRY/generator.txt"; }

build_test_classes
ensure_registry
if [[ -n ${BENCH_ONLY_GENERATE:-} ]]; then
    log "BENCH_ONLY_GENERATE: registry ready in $REGISTRY"
    cat "$REGISTRY/generator.txt" >&2
    exit 0
fi

# --- 2. database, service, data ----------------------------------------------------------------
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
start_read_bench "structure-$SIZE"   # database, molecule-service (migrations V1..V12); all torn down at exit

log "seeding: people, teams, projects, then $SIZE molecules and their properties from $REGISTRY (COPY)"
seed_start=$(date +%s.%N)
PSQL_DB=$DB psql_super -v bench_user="$BENCH_USER" -v data_dir="$REGISTRY" -f "$READ_BENCH_DIR/seed-structure.sql" \
    >"$WORK/seed-structure.log" 2>&1 || { tail -n 30 "$WORK/seed-structure.log" >&2; die "seed-structure.sql failed"; }
SEED_SECONDS=$(awk -v s="$seed_start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }')
log "seeded in $SEED_SECONDS s"
# the counts below read the generator's match masks as the callers' roles (bench is this database's only)
PSQL_DB=$DB psql_super -c "grant usage on schema bench to cryo_authenticated, cryo_service;
                           grant select on bench.structures to cryo_authenticated, cryo_service" >/dev/null

# --- 3. the queries: the service's SQL, captured from its repository --------------------------
mkdir -p "$WORK/sql"
java -cp "$TEST_CP" org.cryoprotect.molecule.repository.BenchStatements structures "$REGISTRY/queries.tsv" "$WORK/sql" "$LIMIT" "$CHUNK" \
    || die "could not capture the service's statements"

declare -A QKIND QTEXT QBIT QTHRESHOLD QFPBITS QSCREENED_ALL QMATCHED_ALL
LABELS=()
while IFS=$'\t' read -r label kind text hex bits bit screened matched; do
    LABELS+=("$label")
    QKIND[$label]=${kind%%:*}
    QTHRESHOLD[$label]=$( [[ $kind == *:* ]] && echo "${kind#*:}" || echo "")
    QTEXT[$label]=$text
    QFPBITS[$label]=$bits
    QBIT[$label]=$bit
    QSCREENED_ALL[$label]=$screened
    QMATCHED_ALL[$label]=$matched
    # pgbench's -D refuses empty values, so for service callers (sub '') the script gets a literal ''.
    sed "s/:sub/''/" "$WORK/sql/$label-pgbench.sql" >"$WORK/sql/$label-pgbench-nosub.sql"
done < <(grep -v '^#' "$REGISTRY/queries.tsv")

# as_role ROLE SQL — SQL's output (psql -At) in a read-only transaction as the bench member
# (ROLE cryo_authenticated) or the service role (cryo_service), like the service's transactions
as_role() {
    local role=$1 sub claims
    if [[ $role == cryo_authenticated ]]; then sub=$BENCH_USER; claims=$MEMBER_CLAIMS; else sub=''; claims=$SERVICE_CLAIMS; fi
    PGPASSWORD=$AUTHENTICATOR_PASSWORD psql -X -q -At -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$AUTHENTICATOR" -d "$DB" \
        -v role="$role" -v sub="$sub" -v claims="$claims" <<SQL
begin read only;
select set_config('role', :'role', true), set_config('request.jwt.claim.sub', :'sub', true),
       set_config('request.jwt.claims', :'claims', true), set_config('statement_timeout', '300s', true) \\g /dev/null
$2
;
rollback;
SQL
}

# --- 4. what each caller's queries face: visible rows, screened, matched; the scans' sizes -------
declare -A VISIBLE SCREENED MATCHED PAGE_EXAMINED PAGE_WALKED SCANNED WORKERS EXPLAIN_MS COUNT_MS COUNT_ROWS COUNT_WORKERS
ROLES=(member service)
role_of() { [[ $1 == member ]] && echo cryo_authenticated || echo cryo_service; }

count_for() {  # count_for LABEL WHO — fills the counts of one query for one caller
    local label=$1 who=$2 role q cond hit out vars params stmt
    role=$(role_of "$who")
    hit="(b.match_mask & (1 << ${QBIT[$label]})) <> 0"
    if [[ ${QKIND[$label]} == similarity ]]; then
        # rows in the popcount range (what BitBound leaves to compute) and rows at or above the threshold
        q="('x' || '$(awk -F'\t' -v l="$label" '$1 == l { print $4 }' "$REGISTRY/queries.tsv")')::bit(1024)"
        local lo hi
        lo=$(sed -n 's/^p3=//p' "$WORK/sql/$label.vars"); hi=$(sed -n 's/^p4=//p' "$WORK/sql/$label.vars")
        out=$(as_role "$role" "select count(*), count(*) filter (where m.similarity_bits between $lo and $hi),
                count(*) filter (where m.similarity_bits between $lo and $hi
                    and bit_count(m.similarity_fp & $q)::float8 / nullif(m.similarity_bits + ${QFPBITS[$label]} - bit_count(m.similarity_fp & $q), 0) >= ${QTHRESHOLD[$label]})
            from chem.molecules m")
        IFS='|' read -r "VISIBLE[$label-$who]" "SCREENED[$label-$who]" "MATCHED[$label-$who]" <<<"$out"
        PAGE_EXAMINED[$label-$who]=-; PAGE_WALKED[$label-$who]=-
        # the raw scan, RDKit's "similarity count" and chemfp's measure: the Tanimoto of every row, no
        # BitBound, counted; best of 3
        local i best=nan
        for i in 1 2 3; do
            as_role "$role" "explain (analyze, format json) select count(*) from chem.molecules m
                where bit_count(m.similarity_fp & $q)::float8 / nullif(m.similarity_bits + ${QFPBITS[$label]} - bit_count(m.similarity_fp & $q), 0)
                      >= ${QTHRESHOLD[$label]}" >"$WORK/explain-count-$label-$who.json"
            best=$(awk -v b="$best" -v t="$(jq '.[0]."Execution Time"' "$WORK/explain-count-$label-$who.json")" 'BEGIN { print (b == "nan" || t < b) ? t : b }')
        done
        COUNT_MS[$label-$who]=$best
        COUNT_ROWS[$label-$who]=$(jq '[.. | objects | select(."Relation Name"? == "molecules")
            | ((."Actual Rows" + (."Rows Removed by Filter" // 0)) * ."Actual Loops")] | max | floor' "$WORK/explain-count-$label-$who.json")
        COUNT_WORKERS[$label-$who]=$(jq '[.. | objects | ."Workers Launched"? // empty] | max // 0' "$WORK/explain-count-$label-$who.json")
    else
        if [[ $(awk -F'\t' -v l="$label" '$1 == l { print $4 }' "$REGISTRY/queries.tsv") == '\N' ]]; then
            cond=true   # SMARTS: no screen, every visible row is a candidate
        else
            q="('x' || '$(awk -F'\t' -v l="$label" '$1 == l { print $4 }' "$REGISTRY/queries.tsv")')::bit(1024)"
            cond="(m.screen_fp & $q) = $q"
        fi
        # whole registry as this caller sees it, and what the first page needs: rows walked in page order
        # (name, id) and candidates examined until the LIMIT-th match (all of them when there are fewer)
        out=$(as_role "$role" "with v as (
                select m.name, m.id, $cond as pass, $hit as hit
                from chem.molecules m join bench.structures b on b.idx = ('x' || right(m.id::text, 12))::bit(48)::bigint),
            o as (select pass, hit, row_number() over w as walked, count(*) filter (where pass) over w as passed,
                         count(*) filter (where pass and hit) over w as hits
                  from v window w as (order by name, id))
            select count(*), count(*) filter (where pass), count(*) filter (where pass and hit),
                   coalesce(min(passed) filter (where hits = $LIMIT), count(*) filter (where pass)),
                   coalesce(min(walked) filter (where hits = $LIMIT), count(*))
            from o")
        IFS='|' read -r "VISIBLE[$label-$who]" "SCREENED[$label-$who]" "MATCHED[$label-$who]" \
            "PAGE_EXAMINED[$label-$who]" "PAGE_WALKED[$label-$who]" <<<"$out"
    fi
    # the statement as prepared by the service and pgbench: 6 executions (the plan cache settles), then EXPLAIN ANALYZE
    stmt=$(sed 's/:p\([0-9][0-9]*\)/$\1/g' "$WORK/sql/$label.sql")
    params=$(awk -F= '{ sub(/^[^=]*=/, ""); printf "%s'\''%s'\''", (NR > 1 ? ", " : ""), $0 }' "$WORK/sql/$label.vars")
    out=$(as_role "$role" "prepare bench_statement as $stmt;
        execute bench_statement($params) \\g /dev/null
        execute bench_statement($params) \\g /dev/null
        execute bench_statement($params) \\g /dev/null
        execute bench_statement($params) \\g /dev/null
        execute bench_statement($params) \\g /dev/null
        execute bench_statement($params) \\g /dev/null
        explain (analyze, buffers, format json) execute bench_statement($params);")
    echo "$out" >"$WORK/explain-$label-$who.json"
    SCANNED[$label-$who]=$(jq '[.. | objects | select(."Relation Name"? == "molecules")
        | ((."Actual Rows" + (."Rows Removed by Filter" // 0) + (."Rows Removed by Index Recheck" // 0)) * ."Actual Loops")] | max | floor' \
        "$WORK/explain-$label-$who.json")
    WORKERS[$label-$who]=$(jq '[.. | objects | ."Workers Launched"? // empty] | max // 0' "$WORK/explain-$label-$who.json")
    EXPLAIN_MS[$label-$who]=$(jq '.[0]."Execution Time"' "$WORK/explain-$label-$who.json")
}

log "counting what each caller's queries face (visible, screened, matched) and explaining each statement"
for label in "${LABELS[@]}"; do
    for who in "${ROLES[@]}"; do
        count_for "$label" "$who"
        log "  $label-$who: visible ${VISIBLE[$label-$who]}, screened ${SCREENED[$label-$who]}, matched ${MATCHED[$label-$who]}, first page examines ${PAGE_EXAMINED[$label-$who]} (walks ${PAGE_WALKED[$label-$who]}); statement scans ${SCANNED[$label-$who]} rows, ${WORKERS[$label-$who]} workers, ${EXPLAIN_MS[$label-$who]} ms"
    done
done

# --- 5. measure: per scenario, wrk at 1 and at CONNS connections, pgbench at 1 and at CONNS --------
SCENARIOS=()
declare -A SURL SLABEL SWHO COMPLETE A_P50 A_P99 A_RPS L_P50 L_P99 L_RPS L_ERR L_CPU G1_P50 G1_P99 G1_TPS G_P50 G_P99 G_TPS G_ERR
for label in "${LABELS[@]}"; do
    for who in "${ROLES[@]}"; do
        s=$label-$who
        SCENARIOS+=("$s"); SLABEL[$s]=$label; SWHO[$s]=$who
        qs=$(jq -rn --arg q "${QTEXT[$label]}" '$q | @uri')
        if [[ ${QKIND[$label]} == similarity ]]; then
            SURL[$s]="$BASE/api/molecules?similar_to=$qs&min_similarity=${QTHRESHOLD[$label]}&limit=$LIMIT"
        else
            SURL[$s]="$BASE/api/molecules?substructure=$qs&limit=$LIMIT"
        fi
    done
done

token_of() { [[ $1 == member ]] && echo "$MEMBER_TOKEN" || echo "$SERVICE_TOKEN"; }

wrk_run() {  # wrk_run SCENARIO THREADS CONNECTIONS FILE — prints "p50 p99 req/s errors requests"
    local s=$1 f=$4 non2xx sockerr reqs
    timeout $((DURATION + 60)) wrk -t"$2" -c"$3" -d"${DURATION}s" --latency --timeout 10s \
        -H "Authorization: Bearer $(token_of "${SWHO[$s]}")" "${SURL[$s]}" >"$f" 2>&1 || true
    reqs=$(awk '/ requests in / { print $1 }' "$f"); reqs=${reqs:-0}
    non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$f")
    sockerr=$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$f")
    if [[ $reqs == 0 ]]; then echo "nan nan 0 $(( ${non2xx:-0} + ${sockerr:-0} )) 0"; return; fi
    echo "$(to_ms "$(awk '$1 == "50%" { print $2 }' "$f")") $(to_ms "$(awk '$1 == "99%" { print $2 }' "$f")") \
$(awk '/^Requests\/sec:/ { print $2 }' "$f") $(( ${non2xx:-0} + ${sockerr:-0} )) $reqs"
}

pgbench_run() {  # pgbench_run SCENARIO CLIENTS THREADS PREFIX — prints "p50 p99 tps errors"
    local s=$1 prefix=$4 label=${SLABEL[$1]} script role subdef=() vars=() failed aborted
    role=$(role_of "${SWHO[$s]}")
    if [[ ${SWHO[$s]} == member ]]; then script=$WORK/sql/$label-pgbench.sql; subdef=(-D "sub=$BENCH_USER") claims=$MEMBER_CLAIMS
    else script=$WORK/sql/$label-pgbench-nosub.sql; claims=$SERVICE_CLAIMS; fi
    while IFS= read -r v; do vars+=(-D "$v"); done <"$WORK/sql/$label.vars"
    rm -f "$prefix".*
    PGPASSWORD=$AUTHENTICATOR_PASSWORD timeout $((DURATION + 60)) \
        pgbench -h "$PGHOST" -p "$PGPORT" -U "$AUTHENTICATOR" -d "$DB" -n -M prepared -c "$2" -j "$3" -T "$DURATION" \
        -f "$script" -D "role=$role" "${subdef[@]}" -D "claims=$claims" -D "timeout=$STATEMENT_TIMEOUT_MS" "${vars[@]}" \
        -l --log-prefix="$prefix" >"$prefix.txt" 2>&1 || true
    failed=$(awk '/^number of failed transactions:/ { print $5 }' "$prefix.txt")
    aborted=$(grep -c 'aborted in command' "$prefix.txt" || true)
    read -r p50 p99 < <(cat "$prefix".[0-9]* 2>/dev/null | awk '$3 ~ /^[0-9]+$/ { print $3 / 1000 }' | sort -n \
        | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan nan"; exit }
                 i50 = int(NR * 0.50); if (i50 < NR * 0.50) i50++; i99 = int(NR * 0.99); if (i99 < NR * 0.99) i99++
                 printf "%.2f %.2f\n", v[i50], v[i99] }')
    echo "$p50 $p99 $(awk '/^tps = / { print $3; exit }' "$prefix.txt" | grep . || echo 0) $(( ${failed:-0} + aborted ))"
}

# the service's substructure counters (StructureSearch): candidates CDK examined, matches, pages out of budget
search_counters() {
    curl -fsS --max-time 10 "$BASE/q/metrics" 2>/dev/null | awk '
        /^cryo_search_substructure_candidates_total/ { c = $2 } /^cryo_search_substructure_matches_total/ { m = $2 }
        /^cryo_search_substructure_incomplete_total/ { i = $2 }
        END { printf "%d %d %d\n", c, m, i }'
}
declare -A SVC_CAND SVC_MATCH SVC_INCOMPLETE L_CAND L_INCOMPLETE

mint_caller_tokens
log "sanity check of each scenario"
for s in "${SCENARIOS[@]}"; do
    read -r c0 m0 i0 < <(search_counters)
    read -r code < <(curl -sS --max-time 60 -o "$WORK/check-$s.json" -w '%{http_code}\n' \
        -H "Authorization: Bearer $(token_of "${SWHO[$s]}")" "${SURL[$s]}" || echo 000)
    if [[ $code != 200 ]]; then
        head -c 1000 "$WORK/check-$s.json" >&2 2>/dev/null || true
        die "$s: GET ${SURL[$s]} answered $code"
    fi
    read -r c1 m1 i1 < <(search_counters)
    SVC_CAND[$s]=$((c1 - c0)); SVC_MATCH[$s]=$((m1 - m0)); SVC_INCOMPLETE[$s]=$((i1 - i0))
    ITEMS[$s]=$(jq '.items | length' "$WORK/check-$s.json")
    COMPLETE[$s]=$(jq -r 'if has("complete") then .complete else "-" end' "$WORK/check-$s.json")
    log "  $s: 200, ${ITEMS[$s]} items, complete ${COMPLETE[$s]}, next_cursor $(jq -r 'if .next_cursor then "set" else "null" end' "$WORK/check-$s.json")$(
        [[ ${QKIND[${SLABEL[$s]}]} == similarity ]] && jq -r '", similarity " + ((.items[0].similarity // "-") | tostring) + " .. " + ((.items[-1].similarity // "-") | tostring)' "$WORK/check-$s.json")"
done

LOAD_MEASURE_START=$(cut -d' ' -f1-3 /proc/loadavg)
for s in "${SCENARIOS[@]}"; do
    mint_caller_tokens   # 15-minute tokens; a 1M run takes longer than that
    log "$s: warm-up ${WARMUP}s, wrk 1 and $CONNS connections, pgbench 1 and $CONNS clients, ${DURATION}s each"
    timeout $((WARMUP + 30)) wrk -t1 -c1 -d"${WARMUP}s" --timeout 10s \
        -H "Authorization: Bearer $(token_of "${SWHO[$s]}")" "${SURL[$s]}" >"$WORK/warmup-$s.txt" 2>&1 || true
    wait_db_idle
    read -r "A_P50[$s]" "A_P99[$s]" "A_RPS[$s]" _ _ < <(wrk_run "$s" 1 1 "$WORK/wrk1-$s.txt")
    wait_db_idle
    ticks0=$(cpu_ticks "$SERVICE_PID")
    read -r c0 _ i0 < <(search_counters)
    read -r "L_P50[$s]" "L_P99[$s]" "L_RPS[$s]" "L_ERR[$s]" reqs < <(wrk_run "$s" "$THREADS" "$CONNS" "$WORK/wrk-$s.txt")
    read -r c1 _ i1 < <(search_counters)
    ticks1=$(cpu_ticks "$SERVICE_PID")
    L_CAND[$s]=$(awk -v d=$((c1 - c0)) -v n="$reqs" 'BEGIN { if (n == 0) print "n/a"; else printf "%.0f", d / n }')
    L_INCOMPLETE[$s]=$(awk -v d=$((i1 - i0)) -v n="$reqs" 'BEGIN { if (n == 0) print "n/a"; else printf "%.0f%%", 100 * d / n }')
    L_CPU[$s]=$(awk -v t=$((ticks1 - ticks0)) -v hz="$CLK_TCK" -v n="$reqs" 'BEGIN { if (n == 0) print "nan"; else printf "%.2f", t / hz * 1000 / n }')
    wait_db_idle
    read -r "G1_P50[$s]" "G1_P99[$s]" "G1_TPS[$s]" _ < <(pgbench_run "$s" 1 1 "$WORK/pgb1-$s")
    wait_db_idle
    read -r "G_P50[$s]" "G_P99[$s]" "G_TPS[$s]" "G_ERR[$s]" < <(pgbench_run "$s" "$CONNS" "$THREADS" "$WORK/pgb-$s")
    wait_db_idle
    log "  alone: svc p50 ${A_P50[$s]} ms, pgbench p50 ${G1_P50[$s]} ms; $CONNS: svc ${L_RPS[$s]} req/s p50 ${L_P50[$s]} ms (${L_ERR[$s]} errors), pgbench ${G_TPS[$s]} tps"
done
LOAD_MEASURE_END=$(cut -d' ' -f1-3 /proc/loadavg)

# --- 6. report -------------------------------------------------------------------------------
num() { awk -v v="$1" 'BEGIN { if (v == "" || v == "nan" || v == "-") print "n/a"; else printf "%.1f", v }'; }
per_core() {  # per_core ROWS MS WORKERS — rows per second per core used (1 + parallel workers, at most the machine's)
    awk -v r="$1" -v ms="$2" -v w="$3" -v n="$(nproc)" 'BEGIN { if (ms == "nan" || ms + 0 == 0 || r == "" || r == "null") print "n/a";
        else { c = 1 + w; if (c > n) c = n; v = r / (ms / 1000) / c; if (v >= 1e6) printf "%.1fM", v / 1e6; else printf "%.0fk", v / 1e3 } }'
}

out "CryoProtect molecule-service structure-search benchmark, N = $SIZE — $(date -u +%Y-%m-%dT%H:%M:%SZ)"
out "machine: $(nproc) CPUs ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)"
out "postgres: $(psql_super -Atc "select current_setting('server_version')") ($(psql_super -Atc "select string_agg(name || '=' || setting || coalesce(unit, ''), ', ' order by name) from pg_settings
     where name in ('shared_buffers', 'work_mem', 'jit', 'max_parallel_workers_per_gather', 'effective_cache_size')"))"
out "service: $(java -version 2>&1 | head -1), $JAVA_OPTS, pool $POOL, search chunk $CHUNK, jar $JAR"
out "load average (1/5/15 min): before the run $LOAD_BEFORE; measuring from $LOAD_MEASURE_START to $LOAD_MEASURE_END"
out "registry: $(gen molecules) molecules, generated in $(gen wall_seconds) s with $(gen threads) threads ($(gen candidates) candidates,"
out "          $(gen failed) refused by CDK; load after: $(gen load_after)); seeded in $SEED_SECONDS s; $REGISTRY"
out "          categories: $(awk '/^category_/ { sub("category_", "", $1); printf "%s%s %s", sep, $1, $2; sep = ", " }' "$REGISTRY/generator.txt")"
out "callers: member $BENCH_USER (RLS: sees ${VISIBLE[${LABELS[0]}-member]} rows), service role (sees ${VISIBLE[${LABELS[0]}-service]})"
out "runs: ${DURATION}s each; alone = wrk -t1 -c1 / pgbench -c1; loaded = wrk -t$THREADS -c$CONNS / pgbench -c$CONNS -j$THREADS (-M prepared,"
out "      the service's transaction and statement as $AUTHENTICATOR); substructure pgbench = the first chunk's screen query only"
out ""
out "queries:"
for label in "${LABELS[@]}"; do
    out "$(printf "  %-16s %-13s %s" "$label" "${QKIND[$label]}${QTHRESHOLD[$label]:+ >= ${QTHRESHOLD[$label]}}" "${QTEXT[$label]}")"
done
out ""
out "what each query faces (whole registry as the caller sees it; 'screened' = in the popcount range for similarity,"
out "passing the fingerprint screen for substructure; 'matched' = Tanimoto >= threshold / true CDK matches):"
out "$(printf "  %-24s %9s %9s %9s %8s   %-28s %10s %3s %9s" scenario visible screened matched 'scr/mat' 'first page: examined/walked' 'stmt scans' 'wk' 'stmt ms')"
for s in "${SCENARIOS[@]}"; do
    out "$(printf "  %-24s %9s %9s %9s %8s   %-28s %10s %3s %9s" "$s" "${VISIBLE[$s]}" "${SCREENED[$s]}" "${MATCHED[$s]}" \
        "$(ratio "${SCREENED[$s]}" "${MATCHED[$s]}")" "${PAGE_EXAMINED[$s]} / ${PAGE_WALKED[$s]}" "${SCANNED[$s]}" "${WORKERS[$s]}" "$(num "${EXPLAIN_MS[$s]}")")"
done
out ""
out "substructure, from the service's counters (cryo_search_substructure_*): the checked first page alone, and per request at $CONNS"
out "connections (where the search budget, ${CRYO_CHEMISTRY_SEARCH_BUDGET:-2s}, can run out: 'incomplete' = pages answered \"complete\": false):"
out "$(printf "  %-24s %11s %8s %6s %10s   %18s %11s" scenario 'candidates' matches 'compl' 'cand/match' "cand/req at $CONNS" 'incomplete')"
for s in "${SCENARIOS[@]}"; do
    [[ ${QKIND[${SLABEL[$s]}]} == substructure ]] || continue
    out "$(printf "  %-24s %11s %8s %6s %10s   %18s %11s" "$s" "${SVC_CAND[$s]}" "${SVC_MATCH[$s]}" "${COMPLETE[$s]}" \
        "$(ratio "${SVC_CAND[$s]}" "${SVC_MATCH[$s]}")" "${L_CAND[$s]}" "${L_INCOMPLETE[$s]}")"
done
out ""
out "latency (ms) and throughput:"
out "$(printf "  %-24s %5s %5s | %8s %8s | %8s %8s | %8s %8s %8s %6s %7s | %8s %8s %8s %6s | %7s %7s" scenario items compl \
    'svc p50' 'pgb p50' 'svc p99' 'pgb p99' "svc/s" 'p50' 'p99' errors 'cpu/req' "pgb tps" 'p50' 'p99' errors 'p50 s/p' 'tput s/p')"
out "$(printf "  %-24s %11s | %-17s | %-17s | %-42s | %-33s |" '' '' '     alone (1 conn)' '   alone (1 conn)' "          service at $CONNS connections" "   pgbench at $CONNS clients")"
for s in "${SCENARIOS[@]}"; do
    out "$(printf "  %-24s %5s %5s | %8s %8s | %8s %8s | %8s %8s %8s %6s %7s | %8s %8s %8s %6s | %7s %7s" "$s" "${ITEMS[$s]}" "${COMPLETE[$s]}" \
        "$(num "${A_P50[$s]}")" "$(num "${G1_P50[$s]}")" "$(num "${A_P99[$s]}")" "$(num "${G1_P99[$s]}")" \
        "$(num "${L_RPS[$s]}")" "$(num "${L_P50[$s]}")" "$(num "${L_P99[$s]}")" "${L_ERR[$s]}" "$(num "${L_CPU[$s]}")" \
        "$(num "${G_TPS[$s]}")" "$(num "${G_P50[$s]}")" "$(num "${G_P99[$s]}")" "${G_ERR[$s]}" \
        "$(ratio "${A_P50[$s]}" "${G1_P50[$s]}")" "$(ratio "${L_RPS[$s]}" "${G_TPS[$s]}")")"
done
out "  p50 s/p = service p50 alone / pgbench p50 alone; tput s/p = service req/s / pgbench tps at $CONNS; cpu/req = service JVM CPU ms per request"
out ""
out "fingerprints scanned per second per core (rows the statement's scan read / its pgbench p50 alone / cores: 1 + parallel workers, at most $(nproc));"
out "the service figure divides by the service's p50 alone instead (its whole request):"
for s in "${SCENARIOS[@]}"; do
    out "$(printf "  %-24s %10s rows  %3s workers   pgbench %9s/s/core   service %9s/s/core" "$s" "${SCANNED[$s]}" "${WORKERS[$s]}" \
        "$(per_core "${SCANNED[$s]}" "${G1_P50[$s]}" "${WORKERS[$s]}")" "$(per_core "${SCANNED[$s]}" "${A_P50[$s]}" "${WORKERS[$s]}")")"
done
out ""
out "similarity count (the raw scan: the Tanimoto of every row read, no BitBound, count(*) of those >= threshold; best of 3):"
for s in "${SCENARIOS[@]}"; do
    [[ ${QKIND[${SLABEL[$s]}]} == similarity ]] || continue
    out "$(printf "  %-24s %10s rows read  %8s ms  %3s workers  %9s Tanimotos/s/core" "$s" "${COUNT_ROWS[$s]}" "$(num "${COUNT_MS[$s]}")"         "${COUNT_WORKERS[$s]}" "$(per_core "${COUNT_ROWS[$s]}" "${COUNT_MS[$s]}" "${COUNT_WORKERS[$s]}")")"
done
out ""
out "RLS (member) / service role: p50 alone, and throughput service / member at $CONNS (pgbench beside each):"
for label in "${LABELS[@]}"; do
    m=$label-member; v=$label-service
    lat=$(ratio "${A_P50[$m]}" "${A_P50[$v]}"); thr=$(ratio "${L_RPS[$v]}" "${L_RPS[$m]}")
    out "$(printf "  %-16s p50 %6s (pgbench %6s)   throughput %6s (pgbench %6s)   target <= %s: %s" "$label" \
        "$lat" "$(ratio "${G1_P50[$m]}" "${G1_P50[$v]}")" "$thr" "$(ratio "${G_TPS[$v]}" "${G_TPS[$m]}")" "$TARGET_RLS_RATIO" \
        "$( [[ $(verdict "$lat" '<=' "$TARGET_RLS_RATIO") == PASS && $(verdict "$thr" '<=' "$TARGET_RLS_RATIO") == PASS ]] && echo PASS || echo FAIL)")"
done
out ""
out "targets (issue 12; they are stated for N = $TARGET_SIZE$( [[ $SIZE == "$TARGET_SIZE" ]] || echo ": this run is N = $SIZE, so they are indicative only")):"
for s in "${SCENARIOS[@]}"; do
    label=${SLABEL[$s]}
    if [[ ${QKIND[$label]} == similarity ]]; then
        out "$(printf "  similarity top-%s p50 alone <= %s ms   %-24s %8s ms  %s" "$LIMIT" "$TARGET_SIMILARITY_MS" "$s" "$(num "${A_P50[$s]}")" "$(verdict "${A_P50[$s]}" '<=' "$TARGET_SIMILARITY_MS")")"
    elif [[ $label == hydroxyl || $label == glycerol ]]; then
        out "$(printf "  substructure p50 alone <= %s ms      %-24s %8s ms  %s" "$TARGET_SUBSTRUCTURE_MS" "$s" "$(num "${A_P50[$s]}")" "$(verdict "${A_P50[$s]}" '<=' "$TARGET_SUBSTRUCTURE_MS")")"
    fi
done
out ""
out "anchors (issue 12): chemfp ~130 M 1024-bit Tanimotos/s/core (memory bandwidth); RDKit PostgreSQL cartridge over"
out "1.2M ChEMBL molecules: substructure 0.18-4.6 s per query, similarity counts 0.8 s (its tutorial)."
save_report
