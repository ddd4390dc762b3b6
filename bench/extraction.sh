#!/usr/bin/env bash
# Reading a document's text into fields (vn.congvan.extraction.ExtractionBenchmark): every text of the measuring sets
# and five re-layouts of each, CPU and wall time per text, against a floor (NFC, lines, one pattern) in the same run.
# See docs/benchmarks.md. On a shared machine, pin it and give it the heap the portal runs with:
#   MAVEN_OPTS=-Xmx512m taskset -c 1 bench/extraction.sh -o -Dbench.rounds=5
set -euo pipefail
cd "$(dirname "$0")/.."
# The benchmark runs in Maven's JVM, which .mvn/jvm.config limits to C1 (ADR 0075): give it back C2, as production has.
export MAVEN_OPTS="${MAVEN_OPTS:-} -XX:TieredStopAtLevel=4"
exec ./mvnw -B -q -Pbench -DskipTests test-compile exec:java -Dbench.main=vn.congvan.extraction.ExtractionBenchmark "$@"
