# Shared by bench/load-city.sh and bench/city.sh (sourced, not run). Everything listens on 127.0.0.1 only.
CITY_DIR=${CITY_DIR:-$PWD/data/city}
CITY_PORT=${CITY_PORT:-18080}
CITY_PG_PORT=${CITY_PG_PORT:-15432}
NGINX_PORT=${NGINX_PORT:-18081}
# The actuator's own port, as in every run of the portal (ADR 0062). MGMT_PORT= (set, empty) puts it on the main port:
# "-", not ":-", so that the empty value is kept.
MGMT_PORT=${MGMT_PORT-18089}
BASE=http://127.0.0.1:$CITY_PORT
SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
PORTAL_PID=

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# The repackaged jar leaves the embedded PostgreSQL binaries out (production does not need them); they are put on
# the loader path of Spring Boot's PropertiesLauncher, so the jar itself runs, with the default (demo) profile.
build_portal() {
  if [ "${SKIP_BUILD:-0}" != 1 ] || ! ls target/congvan-*.jar >/dev/null 2>&1; then
    log "building the jar"
    ./mvnw -q -B ${MVN_OFFLINE:--o} -DskipTests package
    rm -rf target/bench-lib
    ./mvnw -q -B ${MVN_OFFLINE:--o} dependency:copy-dependencies -DincludeScope=runtime \
      -DoutputDirectory=target/bench-lib
    # Keep only what the jar lacks: the embedded PostgreSQL and the libraries it alone needs.
    local jar inside
    jar=$(ls target/congvan-*.jar | grep -v -- '-plain' | head -1)
    inside=$(unzip -Z1 "$jar" 'BOOT-INF/lib/*' | sed 's|BOOT-INF/lib/||')
    for f in target/bench-lib/*.jar; do
      if grep -qxF "$(basename "$f")" <<<"$inside" || [[ $f == *binaries-*-* && $f != *linux-amd64-[0-9]* ]]; then
        rm -f "$f"
      fi
    done
  fi
  JAR=$(ls target/congvan-*.jar | grep -v -- '-plain' | head -1)
}

# start_portal [cpu-list]: starts the portal on the city's data, waits until the liveness probe answers.
start_portal() {
  local pin=()
  [ -n "${1:-}" ] && pin=(taskset -c "$1")
  # On the main port the default profile cannot be used: application-default.properties gives the actuator an
  # address, which Spring Boot refuses unless it has a port of its own. Another profile (without a file) leaves it out.
  local actuator=(--management.server.port="$MGMT_PORT" --management.server.address=127.0.0.1)
  [ -z "$MGMT_PORT" ] && actuator=(--spring.profiles.active=bench)
  mkdir -p "$CITY_DIR"
  cleanup_postgres
  log "starting the portal ${1:+pinned to cpu $1} (log: $CITY_DIR/portal.log)"
  "${pin[@]}" java -Xmx512m ${JVM_OPTS:-} -Xlog:gc:file="$CITY_DIR/gc.log" -Dloader.path=target/bench-lib \
    -cp "$JAR" org.springframework.boot.loader.launch.PropertiesLauncher \
    --server.address=127.0.0.1 --server.port="$CITY_PORT" \
    --congvan.embedded-postgres.port="$CITY_PG_PORT" \
    --congvan.embedded-postgres.data-directory="$CITY_DIR/postgres" \
    --congvan.attachment.storage-root="$CITY_DIR/files" \
    "${actuator[@]}" \
    > "$CITY_DIR/portal.log" 2>&1 &
  PORTAL_PID=$!
  local deadline=$((SECONDS + ${START_TIMEOUT:-300}))
  until curl -fsS -o /dev/null --max-time 5 "$BASE/livez"; do
    if ! kill -0 "$PORTAL_PID" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      log "the portal did not start; last lines of its log:"; tail -30 "$CITY_DIR/portal.log" >&2
      stop_portal; return 1
    fi
    sleep 2
  done
  log "portal up (pid $PORTAL_PID)"
}

# Stops the portal (SIGTERM, then SIGKILL after 60 s) and a PostgreSQL a killed JVM may have left behind.
stop_portal() {
  if [ -n "$PORTAL_PID" ] && kill -0 "$PORTAL_PID" 2>/dev/null; then
    kill "$PORTAL_PID" 2>/dev/null || true
    local deadline=$((SECONDS + 60))
    while kill -0 "$PORTAL_PID" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 1; done
    if kill -0 "$PORTAL_PID" 2>/dev/null; then
      log "the portal did not stop in 60 s: SIGKILL"
      kill -9 "$PORTAL_PID" 2>/dev/null || true
    fi
    wait "$PORTAL_PID" 2>/dev/null || true
  fi
  PORTAL_PID=
  cleanup_postgres
}

cleanup_postgres() {
  local pidfile="$CITY_DIR/postgres/postmaster.pid" pid
  [ -f "$pidfile" ] || return 0
  pid=$(head -1 "$pidfile")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q postgres "/proc/$pid/comm" 2>/dev/null; then
    log "stopping the PostgreSQL left behind (pid $pid)"
    kill -INT "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 30))
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
}

# load_city: fills the city's database once (bench/load-city.sh); the loader itself refuses to load twice.
load_city() {
  if [ -f "$CITY_DIR/city.env" ] && [ "${RELOAD_ENV:-0}" != 1 ]; then
    return 0
  fi
  start_portal ""
  log "loading the city (CityLoader; several minutes)"
  ./mvnw -q -B ${MVN_OFFLINE:-} -Pbench -Dbench.main=vn.congvan.bench.CityLoader \
    -Dbench.jdbc="jdbc:postgresql://127.0.0.1:$CITY_PG_PORT/postgres" -Dbench.storage="$CITY_DIR/files" \
    -Dbench.env="$CITY_DIR/city.env" -DskipTests test-compile exec:java || { stop_portal; return 1; }
  stop_portal
}
