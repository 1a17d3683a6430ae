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
# shellcheck source=scripts/lib/apt-install.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/apt-install.sh"

readonly CHROMIUM=/usr/bin/chromium

die() { printf 'chromium.sh: %s\n' "$*" >&2; exit 1; }

cmd_install() {
  [ -x "$CHROMIUM" ] && return 0
  [ "$(id -u)" -eq 0 ] || die "Chromium is not installed; run: sudo apt-get install chromium"
  printf 'installing Chromium...\n'
  apt_install chromium.sh "[ -x $CHROMIUM ]" --no-install-recommends fonts-dejavu-core chromium || exit 1
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
