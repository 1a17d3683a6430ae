#!/usr/bin/env bash
# Debian's Chromium for guv's dashboard test (tests/Guv.IntegrationTests/Web): the test drives it headless on
# loopback pages only. Nothing runs between tests, so 'start' only installs it and 'stop' has nothing to do.
#
#   status   exit 0 when /usr/bin/chromium is installed
#   start    install it (apt-get, as root) when missing
#   install  the same as start
#   stop     nothing: each test starts and ends its own browser
#   env      export GUV_CHROMIUM=/usr/bin/chromium
set -euo pipefail

readonly CHROMIUM=/usr/bin/chromium

die() { printf 'chromium.sh: %s\n' "$*" >&2; exit 1; }

cmd_install() {
  [ -x "$CHROMIUM" ] && return 0
  [ "$(id -u)" -eq 0 ] || die "Chromium is not installed; run: sudo apt-get install chromium"
  printf 'installing Chromium...\n'
  export DEBIAN_FRONTEND=noninteractive
  local apt_log
  apt_log="$(mktemp /tmp/guv-chromium-apt.XXXXXX.log)"
  if ! apt-cache show chromium >/dev/null 2>&1; then
    apt-get update >"$apt_log" 2>&1 || { tail -n 20 "$apt_log" >&2; die "apt-get update failed (log: $apt_log)"; }
  fi
  apt-get install -y --no-install-recommends chromium fonts-dejavu-core >>"$apt_log" 2>&1 \
    || { tail -n 20 "$apt_log" >&2; die "installing chromium failed (log: $apt_log)"; }
  rm -f "$apt_log"
  printf 'Chromium installed: %s\n' "$("$CHROMIUM" --version 2>/dev/null || echo '?')"
}

case "${1:-}" in
  install | start) cmd_install ;;
  stop) ;;
  status)
    if [ -x "$CHROMIUM" ]; then echo "installed"; else echo "not installed"; exit 1; fi
    ;;
  env) printf 'export GUV_CHROMIUM=%s\n' "$CHROMIUM" ;;
  *)
    printf 'usage: %s install|start|stop|status|env\n' "$0" >&2
    exit 2
    ;;
esac
