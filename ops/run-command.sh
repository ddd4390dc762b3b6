# Sourced by ops/backup.sh and ops/restore.sh: runs vn.congvan.backup.BackupCommand (ADR 0049) in one of three ways.
#   CONGVAN_CLASSPATH=...  java -cp "$CONGVAN_CLASSPATH" (the default run from the sources, with embedded PostgreSQL)
#   CONGVAN_JAR=app.jar    the executable jar on this machine (an external PostgreSQL)
#   neither                the compose set-up: a one-off container of the app service, with its environment,
#                          its network and its files volume, and BACKUP_DIR (default ./backups) mounted at /backups
# The database and the store are SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD and
# CONGVAN_STORAGE_ROOT, as for the portal, unless given as options.
congvan_backup_command() {
  local main=vn.congvan.backup.BackupCommand
  local launcher=org.springframework.boot.loader.launch.PropertiesLauncher
  if [ -n "${CONGVAN_CLASSPATH:-}" ]; then
    java -cp "$CONGVAN_CLASSPATH" "$main" "$@"
  elif [ -n "${CONGVAN_JAR:-}" ]; then
    java -cp "$CONGVAN_JAR" -Dloader.main="$main" "$launcher" "$@"
  else
    local dir=${BACKUP_DIR:-./backups}
    mkdir -p "$dir"
    # Paths of the host's backup directory become /backups inside the container.
    local args=() arg
    for arg in "$@"; do args+=("${arg//"$dir"//backups}"); done
    docker compose run --rm --no-deps -T -v "$(cd "$dir" && pwd):/backups" --entrypoint java app \
      -cp /opt/congvan/app.jar -Dloader.main="$main" "$launcher" "${args[@]}"
  fi
}
