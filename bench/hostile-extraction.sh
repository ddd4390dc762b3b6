#!/usr/bin/env bash
# Hostile files against the extraction readers (review of ADR 0055): one paragraph of many letters in a DOCX or an
# ODT, megabytes of deleted tracked text, a PDF page of many two-column lines, a PDF baseline of many words, and a
# signer's block followed by many close lines (the signing of a publication, ADR 0053); one comment of hundreds of MB, an
# element of many namespaces, a page that unpacks to hundreds of MB, a page of millions of glyphs (session 6).
# Usage: bench/hostile-extraction.sh [classes-dir]   (default target/classes; needs target/classpath.txt or
# CLASSPATH_FILE pointing at one written by `./mvnw dependency:build-classpath -Dmdep.outputFile=...`).
# CASES="docx-line 400000,pdf-bands 40000" picks cases. Each case runs in its own JVM (-Xmx512m), killed after LIMIT seconds (default 120).
set -u
cd "$(dirname "$0")/.."
CLASSES=${1:-target/classes}
CP_FILE=${CLASSPATH_FILE:-target/classpath.txt}
LIMIT=${LIMIT:-120}
OUT=$(mktemp -d)
javac -d "$OUT" -cp "$CLASSES:$(cat "$CP_FILE")" bench/hostile/*.java || exit 1
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)  classes: $CLASSES"
run() {
  local main=vn.congvan.extraction.HostileExtraction
  [ "$1" = signer ] && main=vn.congvan.attachment.HostileSignerBlock
  timeout "$LIMIT" java -Xmx512m -cp "$OUT:$CLASSES:$(cat "$CP_FILE")" "$main" "$@" 2>&1 | tail -2
  local rc=${PIPESTATUS[0]}
  [ "$rc" = 124 ] && printf '%s %s: killed after %s s\n' "$1" "$2" "$LIMIT"
}
if [ -n "${CASES:-}" ]; then IFS=',' read -r -a cases <<< "$CASES"; else
  cases=("docx-line 10000" "docx-line 20000" "docx-line 40000" "docx-line 400000" "odt-line 400000"
         "docx-deleted 256" "docx-nested 5000000" "pdf-bands 20000" "pdf-bands 40000" "pdf-words 50000" "pdf-words 100000"
         "docx-comment 250" "docx-namespaces 400000" "pdf-unpacks 600" "pdf-glyphs 3000000"
         "signer 5000" "signer 20000")
fi
for c in "${cases[@]}"; do
  run $c
done
