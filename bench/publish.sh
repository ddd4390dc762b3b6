#!/usr/bin/env bash
# Issue 10's fan-out: publishing to a group of 10,000 units through the real form, timed in the request, with the
# time of the after-commit work and the statements of each run (pg_stat_statements, nested ones included, so the
# foreign-key checks show). Its own embedded PostgreSQL (durable commits) on port 15620, HTTP on 18120.
# See docs/benchmarks.md, "Publishing to 10,000 units". On a shared machine, pin it:
#   taskset -c 1 bench/publish.sh -o
#
#   bench/publish.sh [-o] [-Dbench.units=10000 -Dbench.runs=5 -Dbench.warmups=2 -Dbench.statements=12]
#
# BEFORE=<commit> bench/publish.sh [...] first runs the same benchmark on that commit (its tree exported to a
# temporary directory, this benchmark class copied into it), then on the working tree, in the same conditions.
set -euo pipefail
cd "$(dirname "$0")/.."
# The benchmark runs in Maven's JVM, which .mvn/jvm.config limits to C1 (ADR 0075): give it back C2, as production has.
export MAVEN_OPTS="${MAVEN_OPTS:-} -XX:TieredStopAtLevel=4"
run() { ./mvnw -B -q -Pbench -DskipTests -Dbench.main=vn.congvan.bench.PublishBenchmark test-compile exec:java "$@"; }
if [[ -n "${BEFORE:-}" ]]; then
  tree=$(mktemp -d)
  trap 'rm -rf "$tree"' EXIT
  git archive "$BEFORE" | tar -x -C "$tree"
  cp src/test/java/vn/congvan/bench/PublishBenchmark.java "$tree/src/test/java/vn/congvan/bench/"
  echo "=== BEFORE: $BEFORE ($(uptime))"
  (cd "$tree" && run "$@")
  echo "=== AFTER: working tree ($(uptime))"
fi
run "$@"
