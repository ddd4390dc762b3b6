#!/usr/bin/env bash
# "The city at once" (issue 10): the portal on the city's data (bench/load-city.sh), pinned to one core with
# -Xmx512m, and the load generator on the other, measured against a floor (the actuator liveness probe, through the
# same filter chain) or a peer (nginx with sendfile, same file) in the same run. See docs/benchmarks.md.
#
#   bench/city.sh            # full run, ~15 minutes (after the one-time load)
#   QUICK=1 bench/city.sh    # short durations, ~6 minutes
#   SKIP_BUILD=1 ...         # reuse target/congvan-*.jar;  ONLY="floor list" to run some parts (see below)
#
# Parts: pages files sessions search staff publish stampede burst. Only 127.0.0.1 is targeted; every loop is
# bounded in time; a server that dies (the stampede may exhaust the heap) is restarted and the run goes on.
set -uo pipefail
cd "$(dirname "$0")/.."
. bench/city-lib.sh

QUICK=${QUICK:-0}
if [ "$QUICK" = 1 ]; then
  DURATION=${DURATION:-5}; WARM=${WARM:-2}; BURST=${BURST:-20}; RUNS=${RUNS:-3}; SESSION_REQUESTS=${SESSION_REQUESTS:-200}
else
  DURATION=${DURATION:-20}; WARM=${WARM:-5}; BURST=${BURST:-60}; RUNS=${RUNS:-10}; SESSION_REQUESTS=${SESSION_REQUESTS:-1000}
fi
CONNS=${CONNS:-64}
STAMPEDE=${STAMPEDE:-500}
CAP=${CAP:-60}
ONLY=${ONLY:-pages files sessions search staff publish stampede burst}
PASSWORD=${PASSWORD:-Demo@2023}
PUBLISHER=${PUBLISHER:-vanthutu}
CLK=$(getconf CLK_TCK)
OUT=${OUT:-$CITY_DIR/results-$(date +%Y%m%d-%H%M%S).md}
TMP=$(mktemp -d)
NGINX_PID=

finish() {
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null
  stop_portal
  rm -rf "$TMP"
}
trap finish EXIT
wants() { [[ " $ONLY " == *" $1 "* ]]; }
row() { printf '%s\n' "$*" | tee -a "$OUT"; }

for tool in wrk nginx taskset curl; do
  if ! command -v "$tool" >/dev/null && ! [ -x "/usr/sbin/$tool" ]; then
    log "installing wrk and nginx-light"; apt-get install -y wrk nginx-light >/dev/null || exit 1; break
  fi
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

build_portal || exit 1
load_city || exit 1
. "$CITY_DIR/city.env"
start_portal "$SERVER_CPU" || exit 1

# ---------------------------------------------------------------------------------------------------- helpers

# Busy time of the whole machine (all cores: server, database, wrk and the kernel's work on their behalf, such as the
# copy of a file sent over loopback, which /proc charges to no server process when nginx uses sendfile).
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
ticks() { local t=0 p v; for p in "$@"; do v=$(sed 's/^.*) //' "/proc/$p/stat" 2>/dev/null | awk '{print $12 + $13}'); t=$((t + ${v:-0})); done; echo $t; }
descendants() { ps -e -o pid=,ppid= | awk -v root="$1" '{ parent[$1] = $2 } END { for (p in parent) { q = parent[p]; while (q != "" && q != 0 && q != root) q = parent[q]; if (q == root) print p } }'; }
# zonky's pg_ctl detaches PostgreSQL from the JVM (it inherits the JVM's core); its processes hang off the postmaster.
db_pids() { local pm; pm=$(head -1 "$CITY_DIR/postgres/postmaster.pid" 2>/dev/null); [ -n "$pm" ] && { echo "$pm"; descendants "$pm"; }; }
to_ms() { awk '{ v = $1; if (v ~ /us$/) x = v / 1000; else if (v ~ /ms$/) x = v + 0; else if (v ~ /m$/) x = v * 60000; else x = v * 1000; printf "%.1f", x }' <<<"$1"; }
# MGMT_PORT (city-lib.sh): the actuator's own port, as in every run of the portal (ADR 0062); the main port answers
# /livez and /readyz only.
HEALTH_BASE=${MGMT_PORT:+http://127.0.0.1:$MGMT_PORT}
HEALTH_BASE=${HEALTH_BASE:-$BASE}
alive() { curl -fsS -o /dev/null --max-time "${1:-10}" "$HEALTH_BASE/actuator/health/liveness"; }
warm() {
  log "warming the JVM (30 s over the public pages)"
  for path in / /tai-lieu-tuyen-truyen "/tai-lieu-tuyen-truyen/$TYPICAL_DISPATCH_ID" "/tai-lieu-tuyen-truyen?trang=50" /livez; do
    taskset -c "$LOAD_CPU" wrk -t1 -c8 -d6s --timeout 10s "$BASE$path" >/dev/null 2>&1
  done
}
ensure_alive() {
  if ! alive 30; then
    row "| | **server did not answer its liveness probe within 30 s: restarted** | | | |"
    stop_portal; start_portal "$SERVER_CPU" || exit 1
    warm
  fi
}

# wrk_run NAME URL CONNS [wrk args]: warm-up, then DURATION seconds; CPU of the JVM and of its PostgreSQL.
wrk_run() {
  local name=$1 url=$2 conns=$3; shift 3
  taskset -c "$LOAD_CPU" wrk -t1 -c"$conns" -d"${WARM}s" --timeout 10s "$@" "$url" >/dev/null 2>&1
  local pgs j0 p0 j1 p1 m0 m1 out
  pgs=$(db_pids); j0=$(ticks "$PORTAL_PID"); p0=$(ticks $pgs); m0=$(machine_ticks)
  out=$(taskset -c "$LOAD_CPU" wrk -t1 -c"$conns" -d"${DURATION}s" --timeout 10s --latency "$@" "$url" 2>&1)
  j1=$(ticks "$PORTAL_PID"); p1=$(ticks $pgs); m1=$(machine_ticks)
  WRK_OUT=$out
  REQS=$(awk '/requests in/ { print $1 }' <<<"$out"); REQS=${REQS:-0}
  P50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  P99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  RPS=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  ERRS=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' <<<"$out")
  if [ "$REQS" -gt 0 ]; then
    JVM_MS=$(awk -v d=$((j1 - j0)) -v n="$REQS" -v c="$CLK" 'BEGIN { printf "%.3f", d * 1000 / c / n }')
    DB_MS=$(awk -v d=$((p1 - p0)) -v n="$REQS" -v c="$CLK" 'BEGIN { printf "%.3f", d * 1000 / c / n }')
    ALL_MS=$(awk -v d=$((m1 - m0)) -v n="$REQS" -v c="$CLK" 'BEGIN { printf "%.3f", d * 1000 / c / n }')
  else
    JVM_MS=n/a; DB_MS=n/a; ALL_MS=n/a
  fi
  row "| $name | $conns | $REQS | $RPS | $P50 | $P99 | $ERRS | $JVM_MS | $DB_MS | $ALL_MS |"
}

csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
login() {
  local jar=$TMP/$1.cookies token
  token=$(curl -s -c "$jar" -b "$jar" "$BASE/dang-nhap" | csrf)
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$1" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$token" "$BASE/dang-nhap"
  echo "$jar"
}
# page_stats NAME JAR URL: size and time of a staff page (one warm-up, then the median of three).
page_stats() {
  local name=$1 jar=$2 url=$3 t size code times=()
  curl -s -b "$jar" -o /dev/null --max-time 120 "$url"
  for _ in 1 2 3; do
    read -r size t code < <(curl -s -b "$jar" -o /dev/null --max-time 120 -w '%{size_download} %{time_total} %{http_code}\n' "$url")
    times+=("$t")
  done
  t=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
  row "| $name | $code | $size bytes | $(awk -v t="$t" 'BEGIN { printf "%.0f ms", t * 1000 }') |"
}

{
  echo "# bench/city.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), $(git rev-parse --short HEAD 2>/dev/null)"
  echo
  echo "Load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; server on cpu $SERVER_CPU, wrk on cpu $LOAD_CPU;"
  echo "duration ${DURATION}s after ${WARM}s warm-up per line; $PUBLIC_DISPATCHES public dispatches."
  echo
} | tee "$OUT"

warm
DEEP=$(( (PUBLIC_DISPATCHES / 20) * 3 / 4 ))
TYPICAL_FILE="/tai-lieu-tuyen-truyen/$TYPICAL_DISPATCH_ID/tep/$TYPICAL_ATTACHMENT_ID/tai-ve"
FRESH_DOWNLOAD="/tai-lieu-tuyen-truyen/$FRESH_DISPATCH_ID/tep/$FRESH_ATTACHMENT_ID/tai-ve"
FRESH_THUMB="/tai-lieu-tuyen-truyen/$FRESH_DISPATCH_ID/tep/$FRESH_ATTACHMENT_ID/trang-dau.png"

if wants pages || wants files; then
  row "## CPU per request and latency (wrk -t1, ${DURATION}s; CPU in ms per request: JVM, and its PostgreSQL)"
  row ""
  row "| what | connections | requests | req/s | p50 ms | p99 ms | errors | JVM CPU ms/req | DB CPU ms/req | machine CPU ms/req |"
  row "|---|---|---|---|---|---|---|---|---|---|"
  # /livez: the liveness probe through the main port's filter chain, with or without MGMT_PORT.
  wrk_run "floor: /livez" "$BASE/livez" "$CONNS"
fi
if wants pages; then
  wrk_run "materials list, page 1" "$BASE/tai-lieu-tuyen-truyen" "$CONNS"
  wrk_run "materials list, page $DEEP" "$BASE/tai-lieu-tuyen-truyen?trang=$DEEP" "$CONNS"
  wrk_run "dispatch page ($TYPICAL_DISPATCH_ID)" "$BASE/tai-lieu-tuyen-truyen/$TYPICAL_DISPATCH_ID" "$CONNS"
  wrk_run "home page" "$BASE/" "$CONNS"
  ensure_alive
fi
if wants files; then
  ETAG=$(curl -s -D - -o /dev/null "$BASE$TYPICAL_FILE" | awk 'tolower($1) == "etag:" { sub(/\r$/, ""); print $2 }')
  CODE=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$BASE$TYPICAL_FILE")
  wrk_run "conditional download (If-None-Match → $CODE)" "$BASE$TYPICAL_FILE" "$CONNS" -H "If-None-Match: $ETAG"
  wrk_run "5 MB download, portal" "$BASE$FRESH_DOWNLOAD" "$CONNS"
  # The peer: nginx on the server's core, sendfile on, the same file (a hard link), while the portal idles.
  mkdir -p "$TMP/nginx/www"
  ln "$FRESH_FILE" "$TMP/nginx/www/briefing.pdf" 2>/dev/null || cp "$FRESH_FILE" "$TMP/nginx/www/briefing.pdf"
  chmod -R a+rX "$TMP"
  cat > "$TMP/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log;
events { worker_connections 8192; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  client_body_temp_path $TMP/nginx; proxy_temp_path $TMP/nginx; fastcgi_temp_path $TMP/nginx;
  uwsgi_temp_path $TMP/nginx; scgi_temp_path $TMP/nginx;
  server { listen 127.0.0.1:$NGINX_PORT; root $TMP/nginx/www; }
}
CONF
  taskset -c "$SERVER_CPU" "$NGINX" -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" 2>"$TMP/nginx/stderr" &
  NGINX_PID=$!
  sleep 1
  SAVED_PID=$PORTAL_PID
  # wrk_run measures the process tree under PORTAL_PID: for this line, nginx's master and worker.
  PORTAL_PID=$NGINX_PID
  wrk_run "5 MB download, nginx sendfile (peer)" "http://127.0.0.1:$NGINX_PORT/briefing.pdf" "$CONNS"
  NGINX_JVM_MS=$JVM_MS
  PORTAL_PID=$SAVED_PID
  kill "$NGINX_PID" 2>/dev/null; wait "$NGINX_PID" 2>/dev/null; NGINX_PID=
  row ""
  row "(nginx line: the first CPU column is nginx's master, the second its worker.)"
fi
row ""

if wants sessions; then
  log "sessions: $SESSION_REQUESTS anonymous page views without cookies"
  : > "$TMP/sessions.cfg"
  paths=(/ /tai-lieu-tuyen-truyen "/tai-lieu-tuyen-truyen/$TYPICAL_DISPATCH_ID" "/tai-lieu-tuyen-truyen?trang=2")
  for i in $(seq 1 "$SESSION_REQUESTS"); do
    printf 'url = "%s%s"\noutput = "/dev/null"\n' "$BASE" "${paths[$((i % 4))]}" >> "$TMP/sessions.cfg"
  done
  taskset -c "$LOAD_CPU" timeout 300 curl -s --no-progress-meter --parallel --parallel-max 8 --max-time 30 -D "$TMP/headers" -K "$TMP/sessions.cfg" 2>/dev/null
  SESSIONS=$(grep -i '^set-cookie: JSESSIONID=' "$TMP/headers" | sed 's/;.*//' | sort -u | wc -l)
  ANSWERS=$(grep -c '^HTTP/' "$TMP/headers")
  row "## Sessions"
  row ""
  row "$ANSWERS answers to $SESSION_REQUESTS anonymous page views (home, list, list page 2, dispatch) handed out **$SESSIONS distinct JSESSIONID cookies** (each one a live HTTP session on the server)."
  row ""
fi

if wants search; then
  log "search: $RUNS runs per query"
  row "## Search page, one user ($RUNS runs after 2 warm-ups; whole page through HTTP)"
  row ""
  row "| query | p50 ms | p95 ms | max ms | JVM CPU ms/req | DB CPU ms/req | status |"
  row "|---|---|---|---|---|---|---|"
  queries=("tuyen giao" "Tuyên giáo" "Đảng bộ thành phố" "dang bo thanh pho" "kinh tế - xã hội" "nghi quyet 98"
    "65-CV" "65-CV/BTGQU" "3080" "chuyển đổi số" "Thạnh Mỹ Lợi" "rach xuyen tam" "qwertyzx")
  for q in "${queries[@]}"; do
    for _ in 1 2; do curl -s -o /dev/null --max-time 30 -G --data-urlencode "q=$q" "$BASE/tim-kiem"; done
    pgs=$(db_pids); j0=$(ticks "$PORTAL_PID"); p0=$(ticks $pgs); start=$SECONDS; : > "$TMP/times"; n=0
    while [ $n -lt "$RUNS" ] && [ $((SECONDS - start)) -lt 30 ]; do
      curl -s -o /dev/null --max-time 30 -w '%{time_total} %{http_code}\n' -G --data-urlencode "q=$q" "$BASE/tim-kiem" >> "$TMP/times"
      n=$((n + 1))
    done
    j1=$(ticks "$PORTAL_PID"); p1=$(ticks $pgs)
    sort -n "$TMP/times" | awk -v q="$q" -v j=$((j1 - j0)) -v p=$((p1 - p0)) -v c="$CLK" '
      { t[NR] = $1 * 1000; s[$2]++ }
      END { st = ""; for (k in s) st = st k "×" s[k] " ";
        printf "| `%s` | %.0f | %.0f | %.0f | %.1f | %.1f | %s|\n", q, t[int(NR * 0.5 + 0.5)], t[int(NR * 0.95 + 0.5)], t[NR],
          j * 1000 / c / NR, p * 1000 / c / NR, st }' | tee -a "$OUT"
  done
  row ""
  ensure_alive
fi

if wants staff || wants publish; then
  CLERK=$(login vanthu)
  ADMIN=$(login admin)
  row "## Staff pages at 10,000 units (one warm-up, median of three)"
  row ""
  row "| page | status | size | time |"
  row "|---|---|---|---|"
fi
if wants staff; then
  page_stats "new-dispatch form (vanthu)" "$CLERK" "$BASE/quan-ly/cong-van/moi"
  page_stats "unit administration (admin)" "$ADMIN" "$BASE/quan-tri/don-vi"
fi
if wants publish; then
  log "publishing to the group of $CITY_GROUP_SIZE units through the form (as $PUBLISHER)"
  # The district board of vanthu ended on 30/6/2025 (the demo's reorganisation) and issues nothing new: the city
  # board's clerk publishes.
  CLERK=$(login "$PUBLISHER")
  token=$(curl -s -b "$CLERK" -c "$CLERK" "$BASE/quan-ly/cong-van/moi" | csrf)
  location=$(curl -s -b "$CLERK" -c "$CLERK" -o /dev/null -w '%{redirect_url}' --max-time 120 \
    --data-urlencode "_csrf=$token" --data-urlencode family=PARTY --data-urlencode typeCode=CV \
    --data-urlencode "subject=Về việc triển khai kết luận Hội nghị Thành ủy đến toàn thể cấp ủy, tổ chức cơ sở ($(date +%s))" \
    --data-urlencode "body=Đề nghị các đơn vị phổ biến đến cán bộ, đảng viên và Nhân dân. Trân trọng." \
    --data-urlencode "place=Thành phố Hồ Chí Minh" --data-urlencode urgency=NORMAL --data-urlencode visibility=PUBLIC \
    --data-urlencode "addresseeGroups=$CITY_GROUP_ID" --data-urlencode "distributionLines=Như trên" \
    --data-urlencode version=0 "$BASE/quan-ly/cong-van/moi")
  DRAFT=${location##*/}
  if [[ "$DRAFT" =~ ^[0-9]+$ ]]; then
    token=$(curl -s -b "$CLERK" "$BASE/quan-ly/cong-van/$DRAFT" | csrf)
    read -r code t < <(curl -s -b "$CLERK" -o /dev/null --max-time 300 -w '%{http_code} %{time_total}\n' \
      --data-urlencode "_csrf=$token" "$BASE/quan-ly/cong-van/$DRAFT/phat-hanh")
    delivered=$(curl -s -b "$CLERK" --max-time 300 "$BASE/quan-ly/cong-van/$DRAFT/so-theo-doi" | grep -c '<tr')
    row "| publish dispatch $DRAFT to the group of $CITY_GROUP_SIZE units (POST …/phat-hanh) | $code | ledger rows seen: $delivered | $(awk -v t="$t" 'BEGIN { printf "%.0f ms", t * 1000 }') |"
    page_stats "ledger of that dispatch ($PUBLISHER)" "$CLERK" "$BASE/quan-ly/cong-van/$DRAFT/so-theo-doi"
  else
    row "| publish: the draft was not created (answer: '$location') | | | |"
  fi
  row ""
  ensure_alive
fi

# G1 prints one "... heap total …, used …K" line; Serial (what one core gets) one line per generation: all are summed.
heap_used() { timeout 30 jcmd "$PORTAL_PID" GC.heap_info 2>/dev/null | awk '/(heap|generation) +total/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/[K,]/, "", v); t += v } } END { if (t) printf "%.0f MB", t / 1024 }'; }
full_gcs() { cat "$CITY_DIR/gc.log" 2>/dev/null | grep -c 'Pause Full'; }
ooms() { cat "$CITY_DIR/portal.log" 2>/dev/null | grep -c 'OutOfMemoryError'; }
last_gc() { tail -1 "$CITY_DIR/gc.log" 2>/dev/null | grep -o '[0-9]*M->[0-9]*M([0-9]*M)'; }
# probe_while PID URL FILE: the latency of URL every second while PID runs (at most CAP + 30 s).
probe_while() {
  local pid=$1 url=$2 file=$3 deadline=$((SECONDS + CAP + 30))
  : > "$file"
  while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do
    taskset -c "$LOAD_CPU" curl -s -o /dev/null --max-time 10 -w '%{time_total} %{http_code}\n' "$url" >> "$file"
    sleep 1
  done
}
summary() { sort -n "$1" | awk '{ t[NR] = $1 * 1000; if ($2 != 200) bad++ } END { if (NR == 0) { print "no probe"; exit } printf "%d probes, p50 %.0f ms, max %.0f ms, %d not 200", NR, t[int(NR * 0.5 + 0.5)], t[NR], bad }'; }

if wants stampede; then
  log "stampede: $STAMPEDE simultaneous first thumbnail requests (cap ${CAP}s)"
  rm -f "$FRESH_FILE.page1.png" "$FRESH_FILE.page1.failed"
  : > "$TMP/stampede.cfg"
  for i in $(seq 1 "$STAMPEDE"); do printf 'url = "%s%s"\noutput = "/dev/null"\n' "$BASE" "$FRESH_THUMB" >> "$TMP/stampede.cfg"; done
  gc0=$(full_gcs); oom0=$(ooms); t0=$(date +%s.%N)
  half=$((STAMPEDE / 2))
  head -n $((half * 2)) "$TMP/stampede.cfg" > "$TMP/stampede1.cfg"; tail -n +$((half * 2 + 1)) "$TMP/stampede.cfg" > "$TMP/stampede2.cfg"
  # curl caps --parallel-max at 300: two curl processes, started together, open the 500 connections at once.
  (
    for part in 1 2; do
      taskset -c "$LOAD_CPU" timeout $((CAP + 30)) curl -s --no-progress-meter --parallel --parallel-immediate \
        --parallel-max 300 --max-time "$CAP" -w '%{http_code} %{time_total}\n' -K "$TMP/stampede$part.cfg" \
        > "$TMP/stampede.$part" 2>/dev/null &
    done
    wait
  ) &
  SPID=$!
  probe_while "$SPID" "$BASE/tai-lieu-tuyen-truyen" "$TMP/stampede-list"
  wait "$SPID"
  cat "$TMP/stampede.1" "$TMP/stampede.2" > "$TMP/stampede"
  wall=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  answers=$(awk '$1 == 200' "$TMP/stampede" | wc -l)
  failed=$((STAMPEDE - answers))
  slowest=$(awk '$1 == 200 { if ($2 > m) m = $2 } END { printf "%.1f", m }' "$TMP/stampede")
  codes=$(awk '{ c[$1]++ } END { for (k in c) printf "%s×%d ", k, c[k] }' "$TMP/stampede")
  heap=$(heap_used); lastgc=$(last_gc)
  gc1=$(full_gcs); oom1=$(ooms)
  t1=$(date +%s.%N)
  if alive "$CAP"; then after=$(awk -v a="$t1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f s", b - a }'); else after="no answer in ${CAP}s"; fi
  row "## Stampede: $STAMPEDE simultaneous first requests for the thumbnail of the fresh 5 MB, 420-page PDF"
  row ""
  row "- answers 200: **$answers of $STAMPEDE** (codes: $codes; 000 = no answer within ${CAP}s), slowest 200 after $slowest s, wall $wall s"
  row "- materials list meanwhile: $(summary "$TMP/stampede-list")"
  row "- heap afterwards: ${heap:-jcmd got no answer in 30 s} (last GC: ${lastgc:-none}); full GCs during: $((gc1 - gc0)); OutOfMemoryErrors logged: $((oom1 - oom0))"
  row "- liveness probe right after: $after"
  row ""
  ensure_alive
fi

if wants burst; then
  log "burst: 2,000 connections for ${BURST}s over list → detail → download → thumbnail"
  rm -f "$FRESH_FILE.page1.png" "$FRESH_FILE.page1.failed"
  gc0=$(full_gcs); oom0=$(ooms)
  taskset -c "$LOAD_CPU" timeout $((BURST + 30)) wrk -t1 -c2000 -d"${BURST}s" --timeout 10s --latency \
    -s bench/wrk/burst.lua "$BASE" -- /tai-lieu-tuyen-truyen "/tai-lieu-tuyen-truyen/$FRESH_DISPATCH_ID" \
    "$FRESH_DOWNLOAD" "$FRESH_THUMB" > "$TMP/burst" 2>&1 &
  BPID=$!
  probe_while "$BPID" "$HEALTH_BASE/actuator/health" "$TMP/burst-health" &
  HPID=$!
  # The liveness group asks nothing of the database: beside the whole health (database included), it tells a wait for
  # a pooled connection from a wait for the core.
  probe_while "$BPID" "$HEALTH_BASE/actuator/health/liveness" "$TMP/burst-liveness" &
  LPID=$!
  [ -n "${MGMT_PORT:-}" ] && probe_while "$BPID" "$BASE/readyz" "$TMP/burst-readyz"
  wait "$LPID"
  wait "$HPID"
  wait "$BPID"
  t1=$(date +%s.%N)
  if alive 120; then after=$(awk -v a="$t1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f s", b - a }'); else after="no answer in 120 s"; fi
  heap=$(heap_used); lastgc=$(last_gc); gc1=$(full_gcs); oom1=$(ooms)
  # What is still reachable once the burst is over: a full collection, then the heap. Objects of requests that
  # waited in the queue outlive young collections and are promoted; only a full collection tells them from a leak.
  timeout 60 jcmd "$PORTAL_PID" GC.run >/dev/null 2>&1; live=$(heap_used)
  row "## Burst: 2,000 connections for ${BURST}s over list → detail → 5 MB download → thumbnail"
  row ""
  row "- wrk: $(awk '/requests in/ { printf "%s requests in %s; ", $1, $4 } /Requests\/sec/ { printf "%s req/s; ", $2 } /Non-2xx/ { printf "non-2xx/3xx: %s; ", $NF } /Socket errors/ { printf "%s; ", $0 }' "$TMP/burst")"
  row "- $HEALTH_BASE/actuator/health during the burst (every second, 10 s timeout): $(summary "$TMP/burst-health")"
  row "- $HEALTH_BASE/actuator/health/liveness (no database) during the burst: $(summary "$TMP/burst-liveness")"
  [ -n "${MGMT_PORT:-}" ] && row "- /readyz on the main port (database included) during the burst: $(summary "$TMP/burst-readyz")"
  row "- $HEALTH_BASE/actuator/health/liveness after the burst answered after: $after; heap ${heap:-jcmd got no answer in 30 s} (last GC: ${lastgc:-none}); full GCs during: $((gc1 - gc0)); OutOfMemoryErrors: $((oom1 - oom0)); live after a full collection: ${live:-jcmd got no answer}"
  row ""
fi
log "results in $OUT"
