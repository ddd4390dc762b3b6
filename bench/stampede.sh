#!/usr/bin/env bash
# The stampede of issue 10: a freshly published 5 MB, 420-page PDF whose thumbnail 500 people ask for at the same
# moment. The portal runs pinned to one core with -Xmx512m (demo data, its own throw-away database and file store);
# the clients run on the other core. Checks that all answer 200 within the cap, that the first page was drawn once,
# the heap afterwards, and how long the materials list takes meanwhile. See ADR 0023.
#
#   bench/stampede.sh                 # builds the jar, ~2 minutes
#   SKIP_BUILD=1 bench/stampede.sh    # reuses target/congvan-*.jar and target/bench-lib
#   CLIENTS=500 CAP=10 SERVER_CPU=0 LOAD_CPU=1 PORT=18180 PG_PORT=15532 bench/stampede.sh
#
# The briefing is the demo's public one with its stored bytes replaced by the generated PDF (StampedePdf) before
# anyone asked for its thumbnail: a first view of that file, without scripting an upload. Only 127.0.0.1 is used.
set -uo pipefail
cd "$(dirname "$0")/.."

CLIENTS=${CLIENTS:-500}
CAP=${CAP:-10}
SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
PORT=${PORT:-18180}
PG_PORT=${PG_PORT:-15532}
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/congvan-stampede.XXXXXX)
PORTAL_PID=

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

stop_portal() {
  if [ -n "$PORTAL_PID" ] && kill -0 "$PORTAL_PID" 2>/dev/null; then
    kill "$PORTAL_PID" 2>/dev/null
    for _ in $(seq 1 60); do kill -0 "$PORTAL_PID" 2>/dev/null || break; sleep 1; done
    kill -0 "$PORTAL_PID" 2>/dev/null && kill -9 "$PORTAL_PID" 2>/dev/null
    wait "$PORTAL_PID" 2>/dev/null
  fi
  # A JVM killed hard leaves its embedded PostgreSQL behind; stop that one (and only that one).
  local pidfile="$WORK/postgres/postmaster.pid" pid
  if [ -f "$pidfile" ]; then
    pid=$(head -1 "$pidfile")
    grep -q postgres "/proc/$pid/comm" 2>/dev/null && kill -INT "$pid" 2>/dev/null
  fi
}
finish() { stop_portal; [ "${KEEP:-0}" = 1 ] && log "kept $WORK" || rm -rf "$WORK"; }
trap finish EXIT

for port in "$PORT" "$PG_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is taken" >&2; exit 2; fi
done

# The repackaged jar leaves the embedded PostgreSQL out (production does not need it): it goes on the loader path.
if [ "${SKIP_BUILD:-0}" != 1 ] || ! ls target/congvan-*.jar >/dev/null 2>&1 || [ ! -d target/bench-lib ]; then
  log "building the jar"
  ./mvnw -q -B -o -DskipTests package || exit 1
  rm -rf target/bench-lib
  ./mvnw -q -B -o dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/bench-lib || exit 1
  jar=$(ls target/congvan-*.jar | grep -v -- '-plain' | head -1)
  inside=$(unzip -Z1 "$jar" 'BOOT-INF/lib/*' | sed 's|BOOT-INF/lib/||')
  for f in target/bench-lib/*.jar; do
    if grep -qxF "$(basename "$f")" <<<"$inside" || [[ $f == *binaries-*-* && $f != *linux-amd64-[0-9]* ]]; then
      rm -f "$f"
    fi
  done
fi
JAR=$(ls target/congvan-*.jar | grep -v -- '-plain' | head -1)

log "generating the 420-page briefing"
./mvnw -q -B -o -DskipTests test-compile || exit 1
./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null || exit 1
java -cp "target/test-classes:$(cat "$WORK/cp.txt")" vn.congvan.bench.StampedePdf "$WORK/briefing.pdf" 420 5 \
  2>/dev/null | tail -1 || exit 1

log "starting the portal pinned to cpu $SERVER_CPU (-Xmx512m; log: $WORK/portal.log)"
taskset -c "$SERVER_CPU" java -Xmx512m -Xlog:gc:file="$WORK/gc.log" -Dloader.path=target/bench-lib \
  -cp "$JAR" org.springframework.boot.loader.launch.PropertiesLauncher \
  --server.address=127.0.0.1 --server.port="$PORT" --management.server.port=0 \
  --congvan.embedded-postgres.port="$PG_PORT" \
  --congvan.embedded-postgres.data-directory="$WORK/postgres" \
  --congvan.attachment.storage-root="$WORK/files" \
  > "$WORK/portal.log" 2>&1 &
PORTAL_PID=$!
deadline=$((SECONDS + ${START_TIMEOUT:-900}))  # the start alone took over 5 minutes on one busy core
until curl -fs -o /dev/null --max-time 5 "$BASE/livez"; do
  if ! kill -0 "$PORTAL_PID" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
    log "the portal did not start"; tail -30 "$WORK/portal.log" >&2; exit 1
  fi
  sleep 2
done
# The demo data is loaded after the server answers.
until grep -q 'demo data loaded' "$WORK/portal.log"; do
  [ $SECONDS -ge $deadline ] && { log "no demo data"; exit 1; }
  sleep 1
done

# Thumbnails are shown on the dispatch pages.
thumbs=$(curl -fsS "$BASE/tai-lieu-tuyen-truyen" | grep -o '/tai-lieu-tuyen-truyen/[0-9]*"' | tr -d '"' | sort -u |
  while read -r page; do curl -fsS "$BASE$page"; done |
  grep -o '/tai-lieu-tuyen-truyen/[0-9]*/tep/[0-9]*/trang-dau.png' | sort -u)
target=$(head -1 <<<"$thumbs")
[ -n "$target" ] || { log "no public PDF on the materials list"; exit 1; }
attachment=$(sed 's|.*/tep/\([0-9]*\)/.*|\1|' <<<"$target")

log "warming the JVM (2,000 requests over the list and another thumbnail)"
other=$(sed -n 2p <<<"$thumbs")
: > "$WORK/warm.cfg"
for _ in $(seq 1 1000); do
  printf 'url = "%s/tai-lieu-tuyen-truyen"\noutput = "/dev/null"\n' "$BASE" >> "$WORK/warm.cfg"
  [ -n "$other" ] && printf 'url = "%s%s"\noutput = "/dev/null"\n' "$BASE" "$other" >> "$WORK/warm.cfg"
done
taskset -c "$LOAD_CPU" curl -s --parallel --parallel-max 16 -K "$WORK/warm.cfg" >/dev/null 2>&1

# The stored file of the target is found by its content and replaced, before anyone asked for its picture.
sha=$(curl -fsS "$BASE${target%/trang-dau.png}/tai-ve" | sha256sum | cut -d' ' -f1)
stored=$(find "$WORK/files" -type f -regex '.*/[0-9a-f]+' -size +0 | while read -r f; do
  [ "$(sha256sum "$f" | cut -d' ' -f1)" = "$sha" ] && echo "$f"; done | head -1)
[ -n "$stored" ] || { log "the briefing's stored file was not found"; exit 1; }
cp "$WORK/briefing.pdf" "$stored"
rm -f "$stored".page1.*
log "target: $target (attachment $attachment, $(stat -c %s "$stored") bytes)"

: > "$WORK/clients.cfg"
for _ in $(seq 1 "$CLIENTS"); do printf 'url = "%s%s"\noutput = "/dev/null"\n' "$BASE" "$target" >> "$WORK/clients.cfg"; done
half=$((CLIENTS / 2))
head -n $((half * 2)) "$WORK/clients.cfg" > "$WORK/clients1.cfg"
tail -n +$((half * 2 + 1)) "$WORK/clients.cfg" > "$WORK/clients2.cfg"
gc_before=$(grep -c 'Pause Full' "$WORK/gc.log")

log "stampede: $CLIENTS simultaneous first requests for the thumbnail, pinned to cpu $LOAD_CPU"
start=$(date +%s.%N)
(
  # curl caps --parallel-max at 300: two processes, started together, open all the connections at once.
  for part in 1 2; do
    taskset -c "$LOAD_CPU" curl -s --parallel --parallel-immediate --parallel-max 300 --max-time "$CAP" \
      -w '%{http_code} %{time_total} %{size_download} %header{retry-after}\n' -K "$WORK/clients$part.cfg" \
      > "$WORK/answers.$part" 2>/dev/null &
  done
  wait
) &
clients=$!
# The materials list, asked for one after the other while the stampede lasts.
: > "$WORK/list"
while kill -0 "$clients" 2>/dev/null; do
  taskset -c "$LOAD_CPU" curl -s -o /dev/null --max-time "$CAP" -w '%{http_code} %{time_total}\n' \
    "$BASE/tai-lieu-tuyen-truyen" >> "$WORK/list"
done
wait "$clients"
wall=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
cat "$WORK/answers.1" "$WORK/answers.2" > "$WORK/answers"

heap=$(jcmd "$PORTAL_PID" GC.heap_info 2>/dev/null | grep -E 'total [0-9]+K, used' | sed 's/^ *//; s/ \[.*//' | paste -sd';')
peak=$(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$WORK/gc.log" | sed 's/M->.*//' | sort -n | tail -1)
drawn=$(grep -c "Drew the first page of attachment $attachment " "$WORK/portal.log")
failed=$(grep -c "Could not draw the first page of attachment $attachment" "$WORK/portal.log")
drawn_line=$(grep "Drew the first page of attachment $attachment " "$WORK/portal.log" | sed 's/.*: //' | head -1)
ooms=$(grep -c OutOfMemoryError "$WORK/portal.log")
fulls=$(( $(grep -c 'Pause Full' "$WORK/gc.log") - gc_before ))

sort -k2 -n "$WORK/answers" | awk '{ n++; if ($1 == 200) ok++; if ($4 != "") pending++; t[n] = $2 }
  END {
    printf "answers: %d of %d with 200 (%d placeholders with Retry-After); slowest %.2f s, p50 %.2f s\n",
      ok, n, pending, t[n], t[int(n * 0.5 + 0.5)]
  }'
sort -k2 -n "$WORK/list" | awk '{ n++; if ($1 == 200) ok++; t[n] = $2 }
  END {
    printf "materials list meanwhile: %d requests (%d with 200), p50 %.0f ms, max %.0f ms\n",
      n, ok, t[int(n * 0.5 + 0.5)] * 1000, t[n] * 1000
  }'
echo "stampede wall time: $wall s"
echo "first page drawn: $drawn time(s) ($drawn_line); failed drawings: $failed"
echo "full GCs during the stampede: $fulls; OutOfMemoryErrors in the log: $ooms; heap peak before a GC: ${peak:-?} MB"
echo "heap after: $heap"
after=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$BASE$target")
echo "next request for the thumbnail: $after"
