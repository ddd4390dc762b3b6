#!/usr/bin/env bash
# Many slow clients download the briefing at once while a reader opens pages: do the pages still answer?
#
#   bench/slow-downloads.sh [BASE_URL] [CLIENTS] [RATE]
#
# Start the portal first (./mvnw spring-boot:run, or the jar), once as it is (sendfile) and once with
# --congvan.attachment.sendfile=false (every byte copied by a request thread), and compare. Only loopback is
# targeted; the number of clients and the run time are bounded.
set -euo pipefail
BASE_URL=${1:-http://localhost:8080}
CLIENTS=${2:-250}
RATE=${3:-10k}
case "$BASE_URL" in
  http://localhost:*|http://127.0.0.1:*) ;;
  *) echo "only loopback URLs are benchmarked here" >&2; exit 2 ;;
esac

file_path=$(curl -fsS "$BASE_URL/tai-lieu-tuyen-truyen" | grep -o '/tai-lieu-tuyen-truyen/[0-9]*/tep/[0-9]*/tai-ve' | head -1)
expected=$(curl -fsS "$BASE_URL$file_path" | sha256sum | cut -d' ' -f1)
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

echo "clients=$CLIENTS rate=$RATE file=$file_path"
for i in $(seq 1 "$CLIENTS"); do
  curl -sS --max-time 120 --limit-rate "$RATE" -o "$work/$i.pdf" "$BASE_URL$file_path" &
done
sleep 2

# While the downloads run, a reader opens the materials page 20 times.
: > "$work/pages"
for i in $(seq 1 20); do
  curl -sS --max-time 30 -o /dev/null -w '%{time_total}\n' "$BASE_URL/tai-lieu-tuyen-truyen" >> "$work/pages" || echo 30 >> "$work/pages"
  sleep 0.25
done
wait

ok=0
for i in $(seq 1 "$CLIENTS"); do
  [ -f "$work/$i.pdf" ] && [ "$(sha256sum "$work/$i.pdf" | cut -d' ' -f1)" = "$expected" ] && ok=$((ok + 1))
done
sort -n "$work/pages" | awk -v ok="$ok" -v n="$CLIENTS" '
  { t[NR] = $1 }
  END {
    printf "page latency during the downloads: p50 %.0f ms, p95 %.0f ms, max %.0f ms\n",
      t[int(NR * 0.5 + 0.5)] * 1000, t[int(NR * 0.95 + 0.5)] * 1000, t[NR] * 1000
    printf "downloads complete and intact: %d/%d\n", ok, n
  }'
