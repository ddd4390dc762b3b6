#!/usr/bin/env bash
# Two instances of the portal behind one nginx, on one PostgreSQL and one file store (ADR 0020):
#
#   bench/two-instances.sh        (ports: PROXY_PORT=28480 A_PORT=28481 B_PORT=28482 PG_PORT=28432)
#
# Instance A starts the embedded PostgreSQL (on PG_PORT) and loads the demo data; instance B connects to that
# database and loads nothing. Both keep files in the same directory. nginx (Debian's nginx-light is enough) listens
# on 127.0.0.1:PROXY_PORT and alternates requests between them (deploy/nginx-two-instances.conf). The script signs in as
# the demo member "bennghe" through nginx, then opens the inbox and downloads a file several times: every answer
# must be 200 although the instances take turns. Everything listens on loopback only, and stops at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v nginx >/dev/null || { echo "nginx is needed (apt-get install nginx-light)" >&2; exit 2; }
PROXY_PORT=${PROXY_PORT:-28480}
A_PORT=${A_PORT:-28481}
B_PORT=${B_PORT:-28482}
PG_PORT=${PG_PORT:-28432}
for port in "$PROXY_PORT" "$A_PORT" "$B_PORT" "$PG_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use; choose others (PROXY_PORT, A_PORT, B_PORT, PG_PORT)" >&2; exit 2
  fi
done

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# The repackaged jar leaves the embedded PostgreSQL out (it is for prod), so the instances run from the classes.
./mvnw -q -DskipTests compile
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
classpath="target/classes:$(cat target/classpath.txt)"
common=(--congvan.attachment.storage-root="$work/files" --congvan.attachment.scan.mode=off
        --server.forward-headers-strategy=native --management.server.port=0)

java -cp "$classpath" vn.congvan.CongvanApplication "${common[@]}" --server.port="$A_PORT" \
    --congvan.embedded-postgres.port="$PG_PORT" --congvan.embedded-postgres.data-directory="$work/postgres" \
    > "$work/a.log" 2>&1 &
pids+=($!)

wait_for() { # port, log
  for _ in $(seq 1 180); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$1/readyz" 2>/dev/null; then return 0; fi
    if ! kill -0 "${pids[-1]}" 2>/dev/null; then cat "$2" >&2; return 1; fi
    sleep 1
  done
  echo "instance on $1 did not start; see $2" >&2; return 1
}
wait_for "$A_PORT" "$work/a.log"

java -cp "$classpath" vn.congvan.CongvanApplication "${common[@]}" --server.port="$B_PORT" \
    --congvan.embedded-postgres.enabled=false --congvan.demo.enabled=false \
    --spring.datasource.url=jdbc:postgresql://127.0.0.1:$PG_PORT/postgres --spring.datasource.username=postgres \
    > "$work/b.log" 2>&1 &
pids+=($!)
wait_for "$B_PORT" "$work/b.log"

sed -e "s/18080/$PROXY_PORT/; s/18081/$A_PORT/; s/18082/$B_PORT/" deploy/nginx-two-instances.conf \
    > "$work/nginx.conf"
nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;' &
pids+=($!)
for _ in $(seq 1 50); do curl -fsS -o /dev/null "http://127.0.0.1:$PROXY_PORT/readyz" && break; sleep 0.2; done

base=http://127.0.0.1:$PROXY_PORT
jar="$work/cookies"
token=$(curl -fsS -c "$jar" -b "$jar" "$base/dang-nhap" | grep -o 'name="_csrf" value="[^"]*"' | head -1 \
    | sed 's/.*value="//; s/"$//')
login=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url} via %header{x-congvan-instance}' -c "$jar" -b "$jar" \
    --data-urlencode username=bennghe --data-urlencode password=Demo@2023 --data-urlencode "_csrf=$token" \
    "$base/dang-nhap")
echo "login: $login"

failures=0
seen=""
file=""
for i in $(seq 1 6); do
  answer=$(curl -sS -o "$work/inbox.html" -w '%{http_code} %header{x-congvan-instance}' -c "$jar" -b "$jar" \
      "$base/hop-thu")
  echo "inbox $i: $answer"
  seen+=" ${answer#* }"
  [[ $answer == 200* ]] || failures=$((failures + 1))
  [[ -n $file ]] || file=$(grep -o '/hop-thu/[0-9]*/tep/[0-9]*/tai-ve' "$work/inbox.html" | head -1 || true)
done
if [[ -z $file ]]; then
  dispatch=$(grep -o '/hop-thu/[0-9][0-9]*' "$work/inbox.html" | head -1)
  file=$(curl -fsS -c "$jar" -b "$jar" "$base$dispatch" | grep -o '/hop-thu/[0-9]*/tep/[0-9]*/tai-ve' | head -1)
fi
for i in $(seq 1 4); do
  answer=$(curl -sS -o /dev/null -w '%{http_code} %{size_download} bytes %header{x-congvan-instance}' \
      -c "$jar" -b "$jar" "$base$file")
  echo "download $i ($file): $answer"
  seen+=" ${answer##* }"
  [[ $answer == 200* ]] || failures=$((failures + 1))
done
instances=$(tr ' ' '\n' <<<"$seen" | grep -c . || true)
distinct=$(tr ' ' '\n' <<<"$seen" | grep . | sort -u | tr '\n' ' ')
echo "answers: $instances, from: $distinct"
if [[ $(wc -w <<<"$distinct") -lt 2 ]]; then
  echo "FAILED: nginx did not send the requests to both instances" >&2
  exit 1
fi
if ((failures > 0)); then
  echo "FAILED: $failures answers were not 200" >&2
  exit 1
fi
echo "OK: one sign-in served by both instances"
