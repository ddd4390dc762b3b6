#!/usr/bin/env bash
# Proof of the TLS front of docker-compose.yml without a container engine (ADR 0048): the portal with the prod
# profile as shipped (secure cookie, forwarded headers believed from this host only) but on its embedded PostgreSQL
# with the demo data, behind Debian's nginx running the SAME files as the nginx service (deploy/nginx/*, filled in
# with envsubst as the image's entrypoint does), with a certificate from the same deploy/tls/make-certificate.sh.
#
#   ops/proxy-check.sh      (ports: APP_PORT=18160 HTTP_PORT=18161 HTTPS_PORT=18163 PG_PORT=15660)
#
# With curl trusting only the local CA (--cacert) it checks: HTTP redirects to HTTPS; HSTS is sent once; a login over
# HTTPS keeps its session (cookie Secure, a page after it is served); /actuator/* is not served (/readyz is);
# an upload of almost 250 MB passes nginx to the portal and one over 250 MB is refused by nginx with 413; a forged
# X-Forwarded-For is replaced by the address nginx saw, in the audit log and the login throttle. Everything listens
# on loopback only (nginx on all addresses, as in the container) and stops at the end. Exit status 0: all passed.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v nginx >/dev/null || { echo "nginx is needed (apt-get install nginx-light)" >&2; exit 2; }
command -v envsubst >/dev/null || { echo "envsubst is needed (apt-get install gettext-base)" >&2; exit 2; }
command -v psql >/dev/null || { echo "psql is needed (apt-get install postgresql-client)" >&2; exit 2; }
APP_PORT=${APP_PORT:-18160}
HTTP_PORT=${HTTP_PORT:-18161}
HTTPS_PORT=${HTTPS_PORT:-18163}
PG_PORT=${PG_PORT:-15660}
for port in "$APP_PORT" "$HTTP_PORT" "$HTTPS_PORT" "$PG_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use; choose others (APP_PORT, HTTP_PORT, HTTPS_PORT, PG_PORT)" >&2; exit 2
  fi
done

work=$(mktemp -d)
# nginx started as root runs its workers as "nobody": they must reach the body and proxy temp directories.
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# The repackaged jar leaves the embedded PostgreSQL out (it is for prod), so the portal runs from the classes.
./mvnw -q -DskipTests compile
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
classpath="target/classes:$(cat target/classpath.txt)"
java -cp "$classpath" vn.congvan.CongvanApplication --spring.profiles.active=prod \
    --server.address=127.0.0.1 --server.port="$APP_PORT" \
    --management.server.port=0 --management.server.address=127.0.0.1 \
    --congvan.embedded-postgres.enabled=true --congvan.embedded-postgres.port="$PG_PORT" \
    --congvan.embedded-postgres.data-directory="$work/postgres" --congvan.demo.enabled=true \
    --congvan.attachment.storage-root="$work/files" --congvan.attachment.scan.mode=off \
    > "$work/portal.log" 2>&1 &
pids+=($!)

# The certificate as tls-init makes it, for the name and address curl uses.
CONGVAN_TLS_NAMES=localhost,127.0.0.1 sh deploy/tls/make-certificate.sh "$work/tls" "$work/tls-ca"

# The nginx image's nginx.conf, reduced to what a non-root nginx -p needs, around the compose files.
cp deploy/nginx/congvan-proxy.conf "$work/"
sed -e "s/server app:8080;/server 127.0.0.1:$APP_PORT;/" deploy/nginx/upstream-single.conf > "$work/upstream.conf"
CONGVAN_HTTP_PORT=$HTTP_PORT CONGVAN_HTTPS_PORT=$HTTPS_PORT CONGVAN_TLS_DIR=$work/tls \
    envsubst '${CONGVAN_HTTP_PORT} ${CONGVAN_HTTPS_PORT} ${CONGVAN_TLS_DIR}' \
    < deploy/nginx/congvan.conf.template > "$work/congvan.conf"
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid nginx.pid;
error_log error.log warn;
events {
    worker_connections 256;
}
http {
    log_format proof '\$remote_addr "\$request" \$status \$request_length upstream=\$upstream_status '
                     'sent_upstream=\$upstream_bytes_sent xff="\$http_x_forwarded_for"';
    access_log access.log proof;
    client_body_temp_path client_body;
    proxy_temp_path proxy;
    fastcgi_temp_path fastcgi;
    uwsgi_temp_path uwsgi;
    scgi_temp_path scgi;
    include upstream.conf;
    include congvan.conf;
}
CONF

for _ in $(seq 1 240); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$APP_PORT/readyz" 2>/dev/null; then break; fi
  if ! kill -0 "${pids[0]}" 2>/dev/null; then tail -50 "$work/portal.log" >&2; exit 1; fi
  sleep 1
done
nginx -p "$work" -c "$work/nginx.conf" -t -q
nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;' &
pids+=($!)
for _ in $(seq 1 50); do curl -fsS -o /dev/null 2>/dev/null --cacert "$work/tls/ca.crt" "https://localhost:$HTTPS_PORT/readyz" && break; sleep 0.2; done

base=https://localhost:$HTTPS_PORT
tls=(--cacert "$work/tls/ca.crt")
failures=0
check() { # description, condition result (0/1)
  if [[ $2 == 0 ]]; then echo "PASS $1"; else echo "FAIL $1"; failures=$((failures + 1)); fi
}
is() { [[ $1 == "$2" ]] && echo 0 || echo 1; }
matches() { [[ $1 =~ $2 ]] && echo 0 || echo 1; }

# 1. Plain HTTP only redirects, to the same path over HTTPS.
redirect=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' "http://localhost:$HTTP_PORT/hop-thu?trang=2")
echo "http: $redirect"
check "HTTP redirects to HTTPS (301)" "$(is "$redirect" "301 $base/hop-thu?trang=2")"

# 2. HSTS, once (nginx's; the portal's own is hidden).
headers=$(curl -sS "${tls[@]}" -D - -o /dev/null "$base/dang-nhap")
hsts=$(grep -ci '^strict-transport-security:' <<<"$headers" || true)
echo "hsts: $(grep -i '^strict-transport-security:' <<<"$headers" | tr -d '\r' | tr '\n' ' ')"
check "one HSTS header over HTTPS" "$(is "$hsts" 1)"

# 3. Login over HTTPS as the demo clerk; the session cookie is Secure and the next page is served signed in.
jar="$work/cookies"
token=$(curl -fsS "${tls[@]}" -c "$jar" -b "$jar" "$base/dang-nhap" | grep -o 'name="_csrf" value="[^"]*"' | head -1 \
    | sed 's/.*value="//; s/"$//')
login=$(curl -sS "${tls[@]}" -D "$work/login.headers" -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" \
    --data-urlencode username=vanthu --data-urlencode password=Demo@2023 --data-urlencode "_csrf=$token" \
    "$base/dang-nhap")
cookie=$(grep -i '^set-cookie: JSESSIONID' "$work/login.headers" | tr -d '\r' | tail -1)
echo "login: $login; $cookie"
check "login redirects to a page over HTTPS" "$(matches "$login" "^302 $base/")"
check "the session cookie is Secure" "$(matches "$cookie" '[Ss]ecure')"
list=$(curl -sS "${tls[@]}" -o "$work/list.html" -w '%{http_code}' -c "$jar" -b "$jar" "$base/quan-ly/cong-van")
echo "after login: /quan-ly/cong-van $list"
check "a page after login is served" "$(is "$list" 200)"

# 4. Management endpoints stay inside.
actuator=$(curl -sS "${tls[@]}" -o /dev/null -w '%{http_code}' "$base/actuator/prometheus")
health=$(curl -sS "${tls[@]}" -o /dev/null -w '%{http_code}' "$base/readyz")
request_id=$(curl -sS "${tls[@]}" -o /dev/null -D - "$base/readyz" | tr -d '\r' | sed -n 's/^[Xx]-[Rr]equest-[Ii]d: //p')
echo "actuator: /actuator/prometheus $actuator, /readyz $health, X-Request-Id ${request_id:-none}"
check "/actuator/ is not served" "$(is "$actuator" 404)"
check "/readyz is served" "$(is "$health" 200)"
check "the portal answers with nginx's request id (32 hex digits)" "$([[ "$request_id" =~ ^[0-9a-f]{32}$ ]] && echo 0 || echo 1)"

# 5. Uploads: five files of 49 MiB (245 MiB with the form, under 250 MB) pass nginx to the portal, which keeps
# what fits its own per-dispatch limit; 251 MiB is refused by nginx with 413 before the portal sees it.
# A new draft of the clerk's, to attach the files to.
token=$(curl -fsS "${tls[@]}" -c "$jar" -b "$jar" "$base/quan-ly/cong-van/moi" | grep -o 'name="_csrf" value="[^"]*"' \
    | head -1 | sed 's/.*value="//; s/"$//')
created=$(curl -sS "${tls[@]}" -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" \
    --data-urlencode family=PARTY --data-urlencode typeCode=CV --data-urlencode urgency=NORMAL \
    --data-urlencode visibility=RESTRICTED --data-urlencode "subject=Thử tải tệp lớn qua nginx" \
    --data-urlencode "body=Dự thảo của ops/proxy-check.sh." --data-urlencode "addresseeLines=Các chi bộ trực thuộc" \
    "$base/quan-ly/cong-van/moi")
draft=$(grep -o '/quan-ly/cong-van/[0-9][0-9]*$' <<<"$created" | grep -o '[0-9][0-9]*$' || true)
echo "draft: ${created:-none}"
check "a draft is created over HTTPS" "$([[ -n $draft ]] && echo 0 || echo 1)"
token=$(curl -fsS "${tls[@]}" -c "$jar" -b "$jar" "$base/quan-ly/cong-van/$draft" \
    | grep -o 'name="_csrf" \(value\|content\)="[^"]*"' | head -1 | sed 's/.*="//; s/"$//' || true)
# A well-formed one-page PDF (the portal checks what a file is) carrying 49 MiB of random bytes in an object of its
# own; the cross-reference table is written with the objects' real offsets.
pdf="$work/part.bin"
size=$((49 * 1024 * 1024 - 1024))
offsets=()
printf '%%PDF-1.4\n' > "$pdf"
object() { offsets+=("$(stat -c %s "$pdf")"); printf '%s\n' "$1" >> "$pdf"; }
object '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj'
object '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj'
object '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >> endobj'
offsets+=("$(stat -c %s "$pdf")")
printf '4 0 obj << /Length %d >> stream\n' "$size" >> "$pdf"
head -c "$size" /dev/urandom >> "$pdf"
printf '\nendstream endobj\n' >> "$pdf"
xref=$(stat -c %s "$pdf")
{
  printf 'xref\n0 5\n0000000000 65535 f \n'
  for offset in "${offsets[@]}"; do printf '%010d 00000 n \n' "$offset"; done
  printf 'trailer << /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' "$xref"
} >> "$pdf"
parts=()
for i in 1 2 3 4 5; do parts+=(-F "files=@$work/part.bin;filename=tep-$i.pdf;type=application/pdf"); done
near=$(curl -sS "${tls[@]}" -o /dev/null -w '%{http_code} %{size_upload}' -c "$jar" -b "$jar" \
    -H "X-CSRF-TOKEN: $token" "${parts[@]}" -F kind=APPENDIX "$base/quan-ly/cong-van/$draft/tep")
near_log=$(grep "/tep HTTP" "$work/access.log" | tail -1)
echo "near the limit: $near; nginx: $near_log"
check "an upload of $(( ${near#* } / 1024 / 1024 )) MiB reaches the portal" \
    "$(matches "$near_log" "upstream=[0-9]+ sent_upstream=2[0-9]{8}")"
check "the portal answers it itself (not 413)" "$(matches "$near" '^(200|302|422) ')"
curl -fsS "${tls[@]}" -c "$jar" -b "$jar" "$base/quan-ly/cong-van/$draft" > "$work/draft.html"
stored=$( (grep -o '/tep/[0-9]*/xoa' "$work/draft.html" || true) | sort -u | wc -l)
refused=$(sed -n '/alert--error/,/<\/div>/p' "$work/draft.html" | grep -o '<p>[^<]*</p>' | sed 's/<[^>]*>//g' \
    | tr '\n' ' ' || true)
echo "files kept on the draft: $stored (the portal keeps at most 200 MB per dispatch); refused: ${refused:-none}"
check "the portal kept files of that upload" "$([[ $stored -ge 1 ]] && echo 0 || echo 1)"
head -c $((251 * 1024 * 1024)) /dev/zero > "$work/big.bin"
over=$(curl -sS "${tls[@]}" -o "$work/over.html" -w '%{http_code}' -c "$jar" -b "$jar" -H "X-CSRF-TOKEN: $token" \
    -F "files=@$work/big.bin;filename=qua-lon.bin" "$base/quan-ly/cong-van/$draft/tep" || true)
over_log=$(grep "/tep HTTP" "$work/access.log" | tail -1)
echo "over the limit: $over; nginx: $over_log"
check "an upload over 250 MB is refused by nginx with 413" "$(matches "$over $over_log" '^413 .* 413 [0-9]+ upstream=- ')"

# 6. A forged X-Forwarded-For: nginx replaces it with the address it saw, and the portal records that one.
forged=203.0.113.77
# A demo account's wrong password: the audit names the account of a failed login only when it exists.
name=bennghe
token=$(curl -fsS "${tls[@]}" -c "$work/other" -b "$work/other" "$base/dang-nhap" \
    | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -sS "${tls[@]}" -o /dev/null -c "$work/other" -b "$work/other" -H "X-Forwarded-For: $forged" \
    --data-urlencode "username=$name" --data-urlencode password=Sai-mat-khau-1 --data-urlencode "_csrf=$token" \
    "$base/dang-nhap"
sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -At -c "$1"; }
audited=$(sql "select client_address from audit_entry where action = 'LOGIN_FAILURE' and actor_username = '$name'
               order by id desc limit 1")
throttled=$(sql "select count(*) from login_failure where client_address = '$forged'")
echo "forged X-Forwarded-For $forged: audit address ${audited:-none}, throttle rows for the forged address $throttled"
check "the audit records nginx's view of the client (127.0.0.1), not the forged address" "$(is "$audited" 127.0.0.1)"
check "the login throttle counts nothing against the forged address" "$(is "$throttled" 0)"

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if ((failures > 0)); then
  echo "FAILED: $failures checks" >&2
  exit 1
fi
echo "OK: all checks passed"
