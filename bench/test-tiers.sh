#!/usr/bin/env bash
# How long each test tier takes to start and run, in one sitting (issue 11): a web slice, a persistence slice and
# a whole-application integration test, one Maven run each, the same machine and load. Compile first:
#   ./mvnw -q -o -DskipTests package
# then run this from the project root. Figures are the Spring context start ("Started ... in") and the class's
# elapsed time as the test runner reports them, and the CPU seconds of the whole run; state the load average.
set -euo pipefail
out=$(mktemp -d)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
run() {
    local name=$1; shift
    /usr/bin/env time -f "%U %S" -o "$out/$name.cpu" "$@" > "$out/$name.log" 2>&1 || true
    local started elapsed cpu
    started=$(grep -o "Started [A-Za-z]* in [0-9.]* seconds" "$out/$name.log" | head -1 | awk '{print $4}')
    elapsed=$(grep -o "Time elapsed: [0-9.]* s -- in [A-Za-z.]*" "$out/$name.log" | head -1 | awk '{print $3}')
    cpu=$(awk '{print $1 + $2}' "$out/$name.cpu")
    printf '%-34s context %6s s   class %6s s   cpu %6s s\n' "$name" "${started:-?}" "${elapsed:-?}" "$cpu"
}
# The floor: Maven and a test JVM running a plain unit test (no Spring context).
run DispatchFamilyTests ./mvnw -o surefire:test -Dtest=DispatchFamilyTests
run DispatchFilesControllerTests ./mvnw -o surefire:test -Dtest=DispatchFilesControllerTests
run DispatchPersistenceTests ./mvnw -o surefire:test -Dtest=DispatchPersistenceTests
run DemoDataIntegrationTests ./mvnw -o failsafe:integration-test -Dit.test=DemoDataIntegrationTests
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "logs in $out"
