#!/usr/bin/env bash
# Search latency over 100,000 generated dispatches, 500 of them with 40-400 KB of attachment text (embedded
# PostgreSQL 17, the Flyway migrations, the whole search page as SearchController runs it): p50/p95 per query,
# EXPLAIN (ANALYZE, BUFFERS), alternative SQL variants. See docs/benchmarks.md. On a shared machine, pin it:
#   taskset -c 1 bench/search.sh -o -Dbench.variants=false -Dbench.runs=20
# To measure again without reloading (several minutes on a busy machine): load once with
#   -Dbench.port=15610 -Dbench.hold=/tmp/search-hold, then run with
#   -Dbench.reuse='jdbc:postgresql://localhost:15610/postgres?user=postgres'; delete the hold file to stop.
# Besides wall-clock time it reports CPU time per page (benchmark thread + database backends), which a shared
# machine's load does not inflate.
#
#   bench/search.sh [extra Maven/system properties, e.g. -Dbench.rows=1000000 -Dbench.runs=50 -Dbench.variants=false]
#
# Needs nothing running; takes a few minutes on 2 cores. Add -o to run offline once the plugin is in ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."
# The benchmark runs in Maven's JVM, which .mvn/jvm.config limits to C1 (ADR 0075): give it back C2, as production has.
export MAVEN_OPTS="${MAVEN_OPTS:-} -XX:TieredStopAtLevel=4"
exec ./mvnw -B -q -Pbench -DskipTests test-compile exec:java "$@"
