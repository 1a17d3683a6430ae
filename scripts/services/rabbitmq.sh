#!/usr/bin/env bash
# scripts/services/rabbitmq.sh — throwaway local RabbitMQ broker for guv development and tests.
#
# Usage: scripts/services/rabbitmq.sh install|start|stop|status|env
#
# Why: guv scales workers from queue depth, so integration tests need a real
# broker with the management API (queue stats). This script runs Debian's
# rabbitmq-server as a private, disposable node:
#   * all state (config, cookie, mnesia, logs, pid) lives in one folder,
#     ${GUV_RABBITMQ_DIR:-/tmp/guv-rabbitmq}, which is also HOME for the server
#     and the CLI tools so they share the same Erlang cookie;
#   * everything (AMQP, management, Erlang distribution, epmd) is bound to
#     127.0.0.1 only;
#   * statistics are collected every second so queue depths show up fast;
#   * each fresh start wipes the database and logs (throwaway broker).
# It runs /usr/lib/rabbitmq/bin/* directly: the /usr/sbin wrappers switch to
# the rabbitmq user and reset HOME, which would break the private setup.
#
# Environment:
#   GUV_RABBITMQ_DIR        state folder        (default /tmp/guv-rabbitmq)
#   GUV_RABBITMQ_PORT       AMQP port           (default 5672; Erlang distribution uses port+20000)
#   GUV_RABBITMQ_MGMT_PORT  management HTTP port (default 15672)
set -euo pipefail
# shellcheck source=scripts/lib/apt-install.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/apt-install.sh"

readonly HOST=127.0.0.1
readonly RMQ_BIN=/usr/lib/rabbitmq/bin
readonly RMQ_SERVER="$RMQ_BIN/rabbitmq-server"
readonly DIR="${GUV_RABBITMQ_DIR:-/tmp/guv-rabbitmq}"
case "$DIR" in /*) ;; *) echo "rabbitmq.sh: GUV_RABBITMQ_DIR must be an absolute path" >&2; exit 2 ;; esac
[ "$DIR" != / ] || { echo "rabbitmq.sh: GUV_RABBITMQ_DIR must not be /" >&2; exit 2; }
readonly PORT="${GUV_RABBITMQ_PORT:-5672}"
readonly MGMT_PORT="${GUV_RABBITMQ_MGMT_PORT:-15672}"
readonly DIST_PORT=$((PORT + 20000))
# Node names must be unique per host: suffix the port when it is not the default.
if [ "$PORT" = 5672 ]; then readonly NODE=guv@localhost; else readonly NODE="guv-$PORT@localhost"; fi
readonly PID_FILE="$DIR/rabbitmq.pid"
readonly SERVER_LOG="$DIR/server.log"          # stdout/stderr of the broker
readonly NODE_LOG="$DIR/log/$NODE.log"          # RabbitMQ's own log file
# Pid of the epmd this script started. Shared by all guv brokers on the host
# (epmd is per host), so whichever stops last can clean it up.
readonly EPMD_MARKER=/tmp/guv-rabbitmq-epmd.pid
readonly START_TIMEOUT=60
readonly STOP_TIMEOUT=30

# Environment shared by the server and the CLI tools (same HOME => same cookie).
RMQ_ENV=(
  "HOME=$DIR"
  "RABBITMQ_NODENAME=$NODE"
  "RABBITMQ_DIST_PORT=$DIST_PORT"
  "RABBITMQ_CONFIG_FILE=$DIR/rabbitmq.conf"
  "RABBITMQ_ADVANCED_CONFIG_FILE=$DIR/advanced.config"
  "RABBITMQ_CONF_ENV_FILE=$DIR/rabbitmq-env.conf"
  "RABBITMQ_ENABLED_PLUGINS_FILE=$DIR/enabled_plugins"
  "RABBITMQ_MNESIA_BASE=$DIR/mnesia"
  "RABBITMQ_LOG_BASE=$DIR/log"
  "RABBITMQ_PID_FILE=$PID_FILE"
  # If anything auto-starts epmd, keep it on loopback too.
  "ERL_EPMD_ADDRESS=$HOST"
  # The CLI tools start a short-lived Erlang node; keep its listener on loopback.
  "RABBITMQ_CTL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}"
)

log() { printf '%s\n' "$*"; }
die() { printf 'rabbitmq.sh: %s\n' "$*" >&2; exit 1; }
rmq() { env "${RMQ_ENV[@]}" "$@"; }

mgmt_up() {
  curl -fsS -o /dev/null --max-time 2 -u guest:guest "http://$HOST:$MGMT_PORT/api/overview" 2>/dev/null
}

# Is anything listening on TCP port $1 (any address)?
port_busy() {
  [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]
}

broker_pid() {
  local pid
  [ -s "$PID_FILE" ] || return 1
  pid="$(tr -dc '0-9' <"$PID_FILE")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && printf '%s\n' "$pid"
}

show_log_tail() {
  local f
  for f in "$SERVER_LOG" "$NODE_LOG"; do
    [ -s "$f" ] || continue
    printf -- '--- last lines of %s ---\n' "$f" >&2
    tail -n 25 "$f" >&2
  done
}

# ---------------------------------------------------------------- install ---
# The package postinst may try to start the system-wide service (it fails
# without an init system, or is blocked by policy-rc.d). If it did start one,
# it would listen on every address: stop it again.
non_loopback_listeners() {
  ss -Hltnp 2>/dev/null | awk '$4 ~ /:(4369|5672|15672|25672)$/ && $4 !~ /^(127\.|\[::1\]:)/'
}

stop_package_service() {
  local stray
  stray="$(non_loopback_listeners)"
  [ -n "$stray" ] || return 0
  log "stopping the rabbitmq-server service started by the package (it listens on all addresses)..."
  timeout 60 /usr/sbin/rabbitmqctl stop >/dev/null 2>&1 || true
  if non_loopback_listeners | grep -q '"beam.smp"'; then
    timeout 60 invoke-rc.d rabbitmq-server stop >/dev/null 2>&1 || true
  fi
  # epmd refuses -kill while nodes are still registered, so this is safe.
  if non_loopback_listeners | grep -q '"epmd"'; then
    epmd -kill >/dev/null 2>&1 || true
  fi
  stray="$(non_loopback_listeners)"
  if [ -n "$stray" ]; then
    printf 'rabbitmq.sh: warning: still listening on all addresses after install:\n%s\n' "$stray" >&2
  fi
}

cmd_install() {
  [ -x "$RMQ_SERVER" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    die "RabbitMQ is not installed ($RMQ_SERVER missing); run: sudo apt-get install rabbitmq-server"
  fi
  log "installing RabbitMQ..."
  local installed=0
  apt_install rabbitmq.sh "[ -x $RMQ_SERVER ]" rabbitmq-server && installed=1
  # The package may have started a broker of its own (on every address); stop it whether or not install worked.
  stop_package_service
  [ "$installed" -eq 1 ] || exit 1
  log "RabbitMQ installed: $(dpkg-query -W -f='${Version}' rabbitmq-server 2>/dev/null || echo '?')"
}

# ------------------------------------------------------------------ start ---
write_config() {
  # Throwaway: every fresh start begins with an empty database and log.
  rm -rf "$DIR/mnesia" "$DIR/log"
  mkdir -p "$DIR/mnesia" "$DIR/log"
  chmod 700 "$DIR"
  cat >"$DIR/rabbitmq.conf" <<CONF
# Generated by scripts/services/rabbitmq.sh — private, loopback-only test broker.
listeners.tcp.default = $HOST:$PORT
management.tcp.ip = $HOST
management.tcp.port = $MGMT_PORT
distribution.listener.interface = $HOST
distribution.listener.port_range.min = $DIST_PORT
distribution.listener.port_range.max = $DIST_PORT
# Fast statistics so queue depths are visible within ~1 s.
collect_statistics_interval = 1000
management.sample_retention_policies.global.minute = 1
management.sample_retention_policies.basic.minute = 1
# Setting any retention policy replaces all defaults, and the management agent
# refuses to boot (missing_sample_retention_policies) unless 'detailed' is set too.
management.sample_retention_policies.detailed.10 = 1
CONF
  # Offline plugin enablement (no rabbitmq-plugins call needed).
  printf '[rabbitmq_management].\n' >"$DIR/enabled_plugins"
  # Empty env file: ignore /etc/rabbitmq/rabbitmq-env.conf.
  : >"$DIR/rabbitmq-env.conf"
}

# epmd must be up before the broker, bound to loopback; otherwise Erlang
# starts one listening on every address.
epmd_pid() {
  ss -Hltnp "sport = :4369" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2
}

ensure_epmd() {
  if port_busy 4369; then
    # Already running (ours from an earlier start, or someone else's).
    # epmd always adds [::1] next to -address, so that one is fine too.
    if ss -Hltn "sport = :4369" | awk '{print $4}' | grep -qvE '^(127\.[0-9.]+|\[::1\]):4369$'; then
      printf 'rabbitmq.sh: warning: the running epmd listens beyond loopback:\n%s\n' \
        "$(ss -Hltnp "sport = :4369")" >&2
    fi
    return 0
  fi
  epmd -address "$HOST" -daemon 9>&-
  for _ in $(seq 1 50); do
    if port_busy 4369; then
      epmd_pid >"$EPMD_MARKER" 2>/dev/null || true
      return 0
    fi
    sleep 0.1
  done
  die "epmd did not start on $HOST:4369"
}

cmd_start() {
  if mgmt_up; then
    log "RabbitMQ already running (management http://$HOST:$MGMT_PORT)"
    return 0
  fi
  cmd_install
  local t0 pid
  t0="$(date +%s)"
  if pid="$(broker_pid)"; then
    log "RabbitMQ (pid $pid) is already starting; waiting for it..."
  else
    local p
    for p in "$PORT" "$MGMT_PORT" "$DIST_PORT"; do
      port_busy "$p" && die "port $p is already in use: $(ss -Hltnp "sport = :$p" | head -n 1)"
    done
    log "starting RabbitMQ on $HOST:$PORT (management $HOST:$MGMT_PORT)..."
    write_config
    ensure_epmd
    rm -f "$PID_FILE"
    # setsid+nohup: the broker outlives this script and the caller's terminal.
    # 9>&- : do not let the broker inherit the start/stop lock.
    (cd "$DIR" && exec setsid nohup env "${RMQ_ENV[@]}" "$RMQ_SERVER" >"$SERVER_LOG" 2>&1 </dev/null 9>&-) &
    pid=$!
  fi

  local deadline=$((t0 + START_TIMEOUT)) ready=""
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if mgmt_up && rmq timeout 20 "$RMQ_BIN/rabbitmq-diagnostics" -q check_port_listener "$PORT" >/dev/null 2>&1; then
      ready=1
      break
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      show_log_tail
      die "RabbitMQ exited during startup (state: $DIR)"
    fi
    sleep 0.5
  done
  if [ -z "$ready" ]; then
    show_log_tail
    die "RabbitMQ did not become ready within ${START_TIMEOUT}s (state: $DIR; run '$0 stop' to clean up)"
  fi
  log "RabbitMQ ready in $(($(date +%s) - t0))s"
}

# ------------------------------------------------------------------- stop ---
wait_ports_free() {
  local deadline=$(($(date +%s) + STOP_TIMEOUT)) p busy
  while :; do
    busy=""
    for p in "$PORT" "$MGMT_PORT" "$DIST_PORT"; do
      port_busy "$p" && busy="$busy $p"
    done
    [ -z "$busy" ] && return 0
    [ "$(date +%s)" -ge "$deadline" ] && { printf 'rabbitmq.sh: ports still in use:%s\n' "$busy" >&2; return 1; }
    sleep 0.2
  done
}

stop_epmd_if_ours() {
  [ -s "$EPMD_MARKER" ] || return 0
  local pid
  pid="$(epmd_pid)"
  if [ -z "$pid" ] || [ "$pid" != "$(cat "$EPMD_MARKER")" ]; then
    rm -f "$EPMD_MARKER" 2>/dev/null || true # our epmd is gone; another one is not ours
    return 0
  fi
  # Only kill epmd when no node (ours or anyone's) is registered any more;
  # otherwise the last guv broker to stop will do it.
  if epmd -names 2>/dev/null | grep -q '^name '; then
    log "leaving epmd running (other Erlang nodes still registered)"
  else
    epmd -kill >/dev/null 2>&1 || true
    rm -f "$EPMD_MARKER" 2>/dev/null || true
  fi
}

cmd_stop() {
  local pid=""
  pid="$(broker_pid)" || pid=""
  if [ -z "$pid" ] && ! mgmt_up; then
    stop_epmd_if_ours
    log "RabbitMQ not running"
    return 0
  fi
  log "stopping RabbitMQ..."
  [ -x "$RMQ_BIN/rabbitmqctl" ] || die "$RMQ_BIN/rabbitmqctl missing"
  if ! rmq timeout 60 "$RMQ_BIN/rabbitmqctl" -q shutdown >/dev/null 2>&1; then
    if [ -n "$pid" ]; then
      log "rabbitmqctl shutdown failed; sending TERM to pid $pid"
      kill -TERM "$pid" 2>/dev/null || true
      local tries=0
      while kill -0 "$pid" 2>/dev/null && [ "$tries" -lt 100 ]; do
        sleep 0.2
        tries=$((tries + 1))
      done
      if kill -0 "$pid" 2>/dev/null; then
        log "still running after 20s; sending KILL to pid $pid"
        kill -KILL "$pid" 2>/dev/null || true
      fi
    else
      die "could not stop the broker answering on $HOST:$MGMT_PORT (not started from $DIR?)"
    fi
  fi
  wait_ports_free || die "RabbitMQ did not release its ports"
  rm -f "$PID_FILE"
  stop_epmd_if_ours
  log "RabbitMQ stopped"
}

# --------------------------------------------------------- status / env ---
cmd_status() {
  if mgmt_up; then
    log "running"
  else
    log "not running"
    return 1
  fi
}

cmd_env() {
  printf 'export GUV_BROKER=%s\n' "amqp://guest:guest@$HOST:$PORT/"
  printf 'export GUV_RABBITMQ_MGMT_URL=%s\n' "http://$HOST:$MGMT_PORT/"
}

# Serialise start/stop on the same folder (e.g. parallel test runs).
lock_dir() {
  mkdir -p "$DIR"
  exec 9>"$DIR/.lock"
  flock 9
}

case "${1:-}" in
  install) cmd_install ;;
  start) lock_dir; cmd_start ;;
  stop) lock_dir; cmd_stop ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *)
    printf 'usage: %s install|start|stop|status|env\n' "$0" >&2
    exit 2
    ;;
esac
