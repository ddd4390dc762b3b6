#!/usr/bin/env bash
# Restores a backup into an empty installation (ADR 0049):
#
#   ops/restore.sh --from=DIR [--force] [--embedded-data-directory=DIR [--embedded-port=N]]
#
# DIR is one backup or a directory of backups (the newest is taken). The target database and file store must be
# empty (a new database, a new volume); --force drops what they hold first. The portal must be stopped. In the
# compose set-up: docker compose stop app; ops/restore.sh --from=./backups; docker compose start app.
# --embedded-data-directory starts the default run's embedded PostgreSQL on a new data directory and restores into it
# (needs CONGVAN_CLASSPATH: the production jar carries no PostgreSQL).
set -euo pipefail
. "$(dirname "$0")/run-command.sh"
from=
for arg in "$@"; do case "$arg" in --from=*) from=${arg#--from=} ;; esac; done
[ -n "$from" ] || { echo "usage: ops/restore.sh --from=DIR [--force] ..." >&2; exit 2; }
BACKUP_DIR=$from congvan_backup_command restore "$@"
