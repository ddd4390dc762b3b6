#!/usr/bin/env bash
# Issue 10, "page CPU": what a FIRST render of a public page costs in CPU, next to the floor (the liveness probe
# through the same filter chain), in the same run. Every request carries a query parameter of its own (?r=<n>), so
# RenderedPublicPages never reuses a page and the validator never answers 304: each request renders its page, as the
# first reader after a publication does. The portal runs pinned to one core with -Xmx512m on its own throw-away
# database (demo data plus ROWS published public dispatches, each with one attachment row, copied from the demo's
# public dispatch); wrk runs on the other core. CPU per request = the JVM's utime+stime (and its PostgreSQL's: the
# postmaster and its children) over the run, divided by the requests. See ADR 0027.
#
#   bench/first-render.sh                       # builds the jar
#   SKIP_BUILD=1 ROWS=100000 PORT=18130 PG_PORT=15630 bench/first-render.sh
#   JFR=1 ...                                   # also records target/first-render.jfr over the list's run
#
# Only 127.0.0.1 is used; nothing is kept unless KEEP=1.
set -uo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-100000}
START_TIMEOUT=${START_TIMEOUT:-900}  # one busy core: the start alone took over 5 minutes at load average 30
DURATION=${DURATION:-10}
WARM=${WARM:-10}  # seconds of the same requests first, so that the JIT has compiled the path being measured
CONNECTIONS=${CONNECTIONS:-4}
PORT=${PORT:-18180}
PG_PORT=${PG_PORT:-15532}
WORK=$(mktemp -d /tmp/congvan-first-render.XXXXXX)
CITY_DIR=$WORK CITY_PORT=$PORT CITY_PG_PORT=$PG_PORT
# shellcheck source=bench/city-lib.sh
. bench/city-lib.sh

finish() { stop_portal; [ "${KEEP:-0}" = 1 ] && log "kept $WORK" || rm -rf "$WORK"; }
trap finish EXIT

for port in "$PORT" "$PG_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is taken" >&2; exit 2; fi
done

build_portal || exit 1
start_portal "$SERVER_CPU" || exit 1
until grep -q 'demo data loaded' "$WORK/portal.log"; do
  kill -0 "$PORTAL_PID" 2>/dev/null || { log "the portal stopped"; exit 1; }
  sleep 1
done

sql() { psql -X -q -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres postgres "$@"; }

log "copying the demo's public dispatch $ROWS times"
# Without the triggers (session_replication_role): each copied row would bump the one-row catalogue stamp, and
# 100k updates of one row in one transaction take many minutes; the stamp is bumped once afterwards.
sql <<SQL || exit 1
set session_replication_role = replica;
do \$\$
declare
  source bigint := (select min(id) from dispatch where visibility = 'PUBLIC' and status = 'PUBLISHED');
  columns text;
  copied text;
begin
  -- Every column as it is, but a number of its own (unique per issuer and series), spread dates, a subject of its
  -- own, and no links to other dispatches (a dispatch page would list 100k "forwarded by").
  select string_agg(quote_ident(column_name), ', ' order by ordinal_position),
         string_agg(case
           when column_name = 'number' then '1000000 + g'
           when column_name = 'numbering_series' then '''bench'''
           when column_name = 'issued_on' then 'issued_on - (g % 3650)'
           when column_name = 'subject' then 'subject || '' (bản '' || g || '')'''
           when column_name like '%\_id' and column_name <> 'issuer_unit_id' and is_nullable = 'YES' then 'null'
           else quote_ident(column_name) end, ', ' order by ordinal_position)
    into columns, copied
    from information_schema.columns
   where table_schema = 'public' and table_name = 'dispatch' and column_name <> 'id';
  execute format('insert into dispatch (%s) select %s from dispatch, generate_series(1, $ROWS) g where id = %s',
                 columns, copied, source);
  select string_agg(quote_ident(column_name), ', ' order by ordinal_position),
         string_agg(case
           when column_name = 'dispatch_id' then 'd.id'
           when column_name = 'storage_key' then 'a.storage_key || ''-'' || d.id'
           else 'a.' || quote_ident(column_name) end, ', ' order by ordinal_position)
    into columns, copied
    from information_schema.columns
   where table_schema = 'public' and table_name = 'attachment' and column_name <> 'id';
  execute format('insert into attachment (%s) select %s from attachment a join dispatch d'
                 || ' on d.numbering_series = ''bench'' where a.id = (select min(id) from attachment'
                 || ' where dispatch_id = %s)', columns, copied, source);
end
\$\$;
reset session_replication_role;
update public_catalog_version set version = version + 1, changed_at = now();
analyze dispatch;
analyze attachment;
SQL
public=$(sql -c "select count(*) from dispatch where visibility = 'PUBLIC' and status = 'PUBLISHED'")
deep=$(sql -c "select issued_on || '.' || id from dispatch where visibility = 'PUBLIC' and status = 'PUBLISHED'
  order by issued_on desc, id desc offset $((ROWS / 2)) limit 1")
detail=$(sql -c "select min(id) from dispatch where visibility = 'PUBLIC' and status = 'PUBLISHED'")
log "$public public dispatches; a deep page: ?sau=$deep; the dispatch page: $detail"

cat > "$WORK/unique.lua" <<'LUA'
-- Each request its own query string, so that no rendered page is reused.
local n = 0
request = function()
  n = n + 1
  local path = wrk.path
  local sep = string.find(path, "?", 1, true) and "&" or "?"
  return wrk.format("GET", path .. sep .. "r=" .. n)
end
LUA

ticks() {
  local total=0 p v
  for p in "$@"; do
    v=$(sed 's/^.*) //' "/proc/$p/stat" 2>/dev/null | awk '{print $12 + $13}')
    total=$((total + ${v:-0}))
  done
  echo "$total"
}
pg_pids() {
  local master
  master=$(head -1 "$WORK/postgres/postmaster.pid")
  echo "$master" $(pgrep -P "$master")
}
hz=$(getconf CLK_TCK)

# measure NAME PATH: warm, then CPU per request over DURATION seconds.
measure() {
  local name=$1 path=$2 out jvm0 pg0 jvm1 pg1 requests pgs
  taskset -c "$LOAD_CPU" wrk -t1 -c"$CONNECTIONS" -d"${WARM}s" -s "$WORK/unique.lua" "$BASE$path" >/dev/null 2>&1
  pgs=$(pg_pids)
  jvm0=$(ticks "$PORTAL_PID"); pg0=$(ticks $pgs)
  out=$(taskset -c "$LOAD_CPU" wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s "$WORK/unique.lua" "$BASE$path" 2>&1)
  jvm1=$(ticks "$PORTAL_PID"); pg1=$(ticks $pgs)
  requests=$(awk '/requests in/ { print $1 }' <<<"$out")
  if grep -q 'Non-2xx' <<<"$out"; then log "$name: $(grep 'Non-2xx' <<<"$out")"; fi
  awk -v n="$name" -v r="$requests" -v j=$((jvm1 - jvm0)) -v p=$((pg1 - pg0)) -v hz="$hz" 'BEGIN {
    printf "%-34s %7d requests  JVM %6.3f ms  PostgreSQL %6.3f ms per request\n", n, r, j * 1000 / hz / r, p * 1000 / hz / r
  }'
}

# One first render of each page, so that the templates are compiled before anything is measured.
for path in / /tai-lieu-tuyen-truyen "/tai-lieu-tuyen-truyen?sau=$deep" "/tai-lieu-tuyen-truyen/$detail"; do
  curl -fsS -o /dev/null "$BASE$path" || { log "$path does not answer"; exit 1; }
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "floor: /livez (liveness probe)" /livez
if [ "${JFR:-0}" = 1 ]; then
  jcmd "$PORTAL_PID" JFR.start name=first settings=profile filename="$PWD/target/first-render.jfr" >/dev/null
fi
measure "materials list, page 1" /tai-lieu-tuyen-truyen
if [ "${JFR:-0}" = 1 ]; then jcmd "$PORTAL_PID" JFR.stop name=first >/dev/null; fi
measure "materials list, page ~$((ROWS / 2))th row" "/tai-lieu-tuyen-truyen?sau=$deep"
measure "dispatch page" "/tai-lieu-tuyen-truyen/$detail"
measure "home page" /
measure "floor again" /livez
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
