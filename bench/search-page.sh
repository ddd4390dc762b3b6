#!/usr/bin/env bash
# The whole search page over HTTP on the city's data (bench/load-city.sh), one user, after a warm-up per query:
# p50/p95/max of 20 timed requests per query, and the CPU per page of the JVM and of its PostgreSQL (utime + stime
# from /proc over the timed requests). The portal (and the PostgreSQL it starts, which inherits its core) runs pinned
# to cpu $SERVER_CPU with -Xmx512m, curl on cpu $LOAD_CPU. The floor, the liveness probe through the same filter
# chain, is measured in the same run. See docs/benchmarks.md.
#
#   SKIP_BUILD=1 bench/search-page.sh          # reuse target/congvan-*.jar
#   WARMUP=30 RUNS=20 bench/search-page.sh
#   WARM_PASSES=2 WARMUP=30 RUNS=100 bench/search-page.sh   # as measured for ADR 0052 (see docs/benchmarks.md)
#   JARS="/tmp/before.jar target/congvan-0.1.0-SNAPSHOT.jar" ROUNDS=2 SKIP_BUILD=1 bench/search-page.sh
#       # A/B on the same data: each jar in turn, ROUNDS times (A B A B), so that both see the same machine load.
#       # A jar older than the data's newest migration still starts (Flyway ignores future migrations).
#   EXTRA_QUERIES="ban|thành phố|nghị quyết" bench/search-page.sh   # more queries after the twelve
set -uo pipefail
cd "$(dirname "$0")/.."
. bench/city-lib.sh
WARMUP=${WARMUP:-30}
RUNS=${RUNS:-20}
ROUNDS=${ROUNDS:-1}
# Passes over every query before the first is timed, so that the JIT has compiled the whole page's code by then
# (a per-query warm-up alone leaves the first queries timing a JVM still compiling).
WARM_PASSES=${WARM_PASSES:-2}
QUERIES=("tuyen giao" "Tuyên giáo" "Đảng bộ thành phố" "dang bo thanh pho" "kinh tế - xã hội" "nghi quyet 98"
  "3080" "chuyển đổi số" "rach xuyen tam" "65-CV" "65-CV/BTGQU" "qwertyzx")
# More queries after these, separated by "|": EXTRA_QUERIES="ban|thành phố|nghị quyết" (as measured for ADR 0057).
IFS='|' read -r -a extra <<<"${EXTRA_QUERIES:-}"
QUERIES+=("${extra[@]}")
trap stop_portal EXIT
build_portal || exit 1
load_city || exit 1
JARS=${JARS:-$JAR}
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
ticks() { local t=0 p v; for p in "$@"; do v=$(sed 's/^.*) //' "/proc/$p/stat" 2>/dev/null | awk '{print $12 + $13}'); t=$((t + ${v:-0})); done; echo $t; }
descendants() { ps -e -o pid=,ppid= | awk -v root="$1" '{ parent[$1] = $2 } END { for (p in parent) { q = parent[p]; while (q != "" && q != 0 && q != root) q = parent[q]; if (q == root) print p } }'; }
db_pids() { local pm; pm=$(head -1 "$CITY_DIR/postgres/postmaster.pid" 2>/dev/null); [ -n "$pm" ] && { echo "$pm"; descendants "$pm"; }; }
hz=$(getconf CLK_TCK)
# measure NAME URL: warm-up, then RUNS timed requests; one table row.
measure() {
  local name=$1 url=$2 times j0 d0 j1 d1 dbs
  for _ in $(seq 1 "$WARMUP"); do curl -s -o /dev/null "$url"; done
  dbs=$(db_pids)
  j0=$(ticks "$PORTAL_PID"); d0=$(ticks $dbs)
  times=$(for _ in $(seq 1 "$RUNS"); do
    taskset -c "$LOAD_CPU" curl -s -o /dev/null -w '%{time_total}\n' "$url"; done | sort -n)
  j1=$(ticks "$PORTAL_PID"); d1=$(ticks $dbs)
  pick() { awk -v k="$1" -v n="$RUNS" 'NR == (k == "max" ? n : int(n * k + 0.5)) { printf "%.0f", $1 * 1000 }' <<<"$times"; }
  echo "| $name | $(pick 0.5) | $(pick 0.95) | $(pick max) | $(awk -v t=$((j1 - j0)) -v n="$RUNS" -v hz="$hz" 'BEGIN { printf "%.1f", t * 1000 / hz / n }') | $(awk -v t=$((d1 - d0)) -v n="$RUNS" -v hz="$hz" 'BEGIN { printf "%.1f", t * 1000 / hz / n }') |"
}
for round in $(seq 1 "$ROUNDS"); do
  for JAR in $JARS; do
    start_portal "$SERVER_CPU" || exit 1
    echo
    echo "Round $round, $JAR ($(unzip -p "$JAR" META-INF/MANIFEST.MF 2>/dev/null | grep -i '^Implementation-Version' | tr -d '\r')); load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    for _ in $(seq 1 "$WARM_PASSES"); do
      for q in "${QUERIES[@]}"; do
        for _ in $(seq 1 "$WARMUP"); do curl -s -o /dev/null "$BASE/tim-kiem?q=$(enc "$q")"; done
      done
    done
    echo "| query | p50 ms | p95 ms | max ms | JVM CPU ms/page | DB CPU ms/page |"
    echo "|---|---|---|---|---|---|"
    for q in "${QUERIES[@]}"; do
      measure "\`$q\`" "$BASE/tim-kiem?q=$(enc "$q")"
    done
    measure "floor: liveness probe" "$BASE/livez"
    stop_portal
  done
done
