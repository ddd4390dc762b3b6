#!/usr/bin/env bash
# Scales the demo data to a city (10,000 units in groups, 100,000 published dispatches with deliveries and real PDF
# attachments, one fresh 5 MB / 420-page briefing sent to all 10,000 units): see CityLoader's javadoc and
# docs/benchmarks.md. Builds the jar, starts the portal on its own embedded PostgreSQL (port 15432, data under
# $CITY_DIR, default ./data/city) so that Flyway and the demo data run, loads, stops the portal. Running it again
# changes nothing (the loader finds its marker group and only rewrites $CITY_DIR/city.env).
#
#   bench/load-city.sh                      # ~5-10 minutes on 2 cores
#   CITY_DIR=/tmp/city bench/load-city.sh   # elsewhere
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/city-lib.sh
trap stop_portal EXIT
build_portal
RELOAD_ENV=1 load_city
cat "$CITY_DIR/city.env"
