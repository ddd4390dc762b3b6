#!/usr/bin/env bash
# One consistent backup of the database and the file store, and retention (ADR 0049):
#
#   ops/backup.sh [--to=DIR] [--keep=N] [--allow-missing]
#
# Writes DIR/congvan-<UTC time>/ (default DIR: $BACKUP_DIR or ./backups) and keeps the N newest (default
# $CONGVAN_BACKUP_KEEP or 7). Fails, keeping nothing, if a file the database names is missing or altered in the store;
# --allow-missing keeps the backup and lists such files in missing-files.txt. How the command is run (compose, jar,
# class path): ops/run-command.sh. Check a copy by hand with: cd DIR/congvan-... && sha256sum -c --quiet files.sha256
set -euo pipefail
. "$(dirname "$0")/run-command.sh"
to=${BACKUP_DIR:-./backups}
for arg in "$@"; do case "$arg" in --to=*) to=${arg#--to=} ;; esac; done
args=()
for arg in "$@"; do case "$arg" in --to=*) ;; *) args+=("$arg") ;; esac; done
BACKUP_DIR=$to congvan_backup_command backup --to="$to" "${args[@]}"
