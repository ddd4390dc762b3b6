#!/usr/bin/env bash
# The whole search page over HTTP on the city's data (bench/load-city.sh), one user, after a warm-up per query:
# p50/p95/max of 20 timed requests per query. The portal (and the PostgreSQL it starts, which inherits its core)
# runs pinned to cpu $SERVER_CPU with -Xmx512m, curl on cpu $LOAD_CPU. See docs/benchmarks.md.
#
#   SKIP_BUILD=1 bench/search-page.sh          # reuse target/congvan-*.jar
#   WARMUP=30 RUNS=20 bench/search-page.sh
set -uo pipefail
cd "$(dirname "$0")/.."
. bench/city-lib.sh
WARMUP=${WARMUP:-30}
RUNS=${RUNS:-20}
trap stop_portal EXIT
build_portal || exit 1
load_city || exit 1
start_portal "$SERVER_CPU" || exit 1
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
echo "| query | p50 ms | p95 ms | max ms |"
echo "|---|---|---|---|"
for q in "tuyen giao" "Tuyên giáo" "Đảng bộ thành phố" "dang bo thanh pho" "kinh tế - xã hội" "nghi quyet 98" \
    "3080" "chuyển đổi số" "rach xuyen tam" "qwertyzx"; do
  e=$(enc "$q")
  for _ in $(seq 1 "$WARMUP"); do curl -s -o /dev/null "$BASE/tim-kiem?q=$e"; done
  times=$(for _ in $(seq 1 "$RUNS"); do
    taskset -c "$LOAD_CPU" curl -s -o /dev/null -w '%{time_total}\n' "$BASE/tim-kiem?q=$e"; done | sort -n)
  pick() { awk -v k="$1" -v n="$RUNS" 'NR == (k == "max" ? n : int(n * k + 0.5)) { printf "%.0f", $1 * 1000 }' <<<"$times"; }
  echo "| \`$q\` | $(pick 0.5) | $(pick 0.95) | $(pick max) |"
done
