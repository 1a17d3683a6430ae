#!/usr/bin/env bash
# A throwaway PostgreSQL for guv's tests (the PostgreSQL history store, later leader election):
#   * Debian's postgresql package, installed when missing (apt-get, as root);
#   * its own cluster in ${GUV_POSTGRES_DIR:-/tmp/guv-postgres}, wiped at every fresh start;
#   * listening on 127.0.0.1:${GUV_POSTGRES_PORT:-55432} only, its socket in the same folder;
#   * run as the 'postgres' user when started by root (CI runs as root and initdb refuses root);
#   * password authentication, user postgres, password guv, database guv_test.
#
#   install|start|stop|status|env   (env prints: export GUV_TEST_POSTGRES=postgres://...)
set -euo pipefail
# shellcheck source=scripts/lib/apt-install.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/apt-install.sh"

readonly HOST=127.0.0.1
readonly PORT="${GUV_POSTGRES_PORT:-55432}"
readonly DIR="${GUV_POSTGRES_DIR:-/tmp/guv-postgres}"
case "$DIR" in /*) ;; *) echo "postgres.sh: GUV_POSTGRES_DIR must be an absolute path" >&2; exit 2 ;; esac
[ "$DIR" != / ] || { echo "postgres.sh: GUV_POSTGRES_DIR must not be /" >&2; exit 2; }
readonly DATA="$DIR/data"
readonly PASSWORD=guv
readonly DATABASE=guv_test

log() { printf '%s\n' "$*"; }
die() { printf 'postgres.sh: %s\n' "$*" >&2; exit 1; }

bin_dir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && printf '%s\n' "$dir"
}

# Runs a command as the cluster's owner: 'postgres' when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cmd_install() {
  bin_dir >/dev/null && return 0
  [ "$(id -u)" -eq 0 ] || die "PostgreSQL is not installed; run: sudo apt-get install postgresql"
  log "installing PostgreSQL..."
  apt_install postgres.sh "bin_dir >/dev/null" postgresql || exit 1
  log "PostgreSQL installed: $("$(bin_dir)/postgres" --version)"
}

ready() { "$(bin_dir)/pg_isready" -q -h "$HOST" -p "$PORT" >/dev/null 2>&1; }

cmd_start() {
  cmd_install
  local bin
  bin="$(bin_dir)"
  if ready; then
    log "PostgreSQL already running on $HOST:$PORT"
    return 0
  fi
  [ -z "$(ss -Hltn "sport = :$PORT" 2>/dev/null)" ] \
    || die "port $PORT is already in use: $(ss -Hltnp "sport = :$PORT" | head -n 1)"
  log "starting PostgreSQL on $HOST:$PORT..."
  rm -rf "$DATA"
  mkdir -p "$DIR"
  chmod 700 "$DIR"
  [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$DIR"
  local pwfile="$DIR/pwfile"
  as_owner sh -c "umask 077; printf '%s\n' '$PASSWORD' > '$pwfile'"
  as_owner "$bin/initdb" -D "$DATA" -U postgres --auth=scram-sha-256 --pwfile="$pwfile" --no-sync -E UTF8 \
    >"$DIR/initdb.log" 2>&1 || { tail -n 20 "$DIR/initdb.log" >&2; die "initdb failed (log: $DIR/initdb.log)"; }
  as_owner "$bin/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=$HOST -p $PORT -c unix_socket_directories=$DIR -c fsync=off" start >/dev/null \
    || { tail -n 20 "$DIR/server.log" >&2; die "PostgreSQL did not start (log: $DIR/server.log)"; }
  PGPASSWORD="$PASSWORD" "$bin/psql" -q -h "$HOST" -p "$PORT" -U postgres -d postgres \
    -c "CREATE DATABASE $DATABASE" >/dev/null
  log "PostgreSQL ready on $HOST:$PORT (database $DATABASE)"
}

cmd_stop() {
  local bin
  bin="$(bin_dir)" || { log "PostgreSQL not installed"; return 0; }
  if [ ! -f "$DATA/postmaster.pid" ]; then
    log "PostgreSQL not running"
    return 0
  fi
  as_owner "$bin/pg_ctl" -D "$DATA" -m fast -w -t 30 stop >/dev/null
  log "PostgreSQL stopped"
}

cmd_status() {
  if bin_dir >/dev/null && ready; then log "running"; else log "not running"; return 1; fi
}

cmd_env() {
  printf 'export GUV_TEST_POSTGRES=%s\n' "postgres://postgres:$PASSWORD@$HOST:$PORT/$DATABASE"
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *)
    printf 'usage: %s install|start|stop|status|env\n' "$0" >&2
    exit 2
    ;;
esac
