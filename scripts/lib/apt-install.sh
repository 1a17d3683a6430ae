# Sourced by scripts/services/*.sh: installs Debian packages quietly, showing apt's log only when it fails.
#
# apt_install WHO CHECK [APT-OPTIONS] PACKAGE...
#   WHO    the calling script's name, for messages
#   CHECK  a shell test that holds once the packages are installed, e.g. '[ -x /usr/bin/chromium ]'
# apt-get update runs only when apt does not know the last package yet. A package's postinst may fail to start
# its own service on a machine without an init system; that is fine, so only CHECK decides success.
apt_install() {
  local who=$1 check=$2
  shift 2
  export DEBIAN_FRONTEND=noninteractive
  local apt_log
  apt_log="$(mktemp)"
  if ! apt-cache show "${!#}" >/dev/null 2>&1 && ! apt-get update >"$apt_log" 2>&1; then
    tail -n 20 "$apt_log" >&2
    printf '%s: apt-get update failed (log: %s)\n' "$who" "$apt_log" >&2
    return 1
  fi
  apt-get install -y "$@" >>"$apt_log" 2>&1 || true
  if ! eval "$check"; then
    tail -n 20 "$apt_log" >&2
    printf '%s: installing %s failed (log: %s)\n' "$who" "${*: -1}" "$apt_log" >&2
    return 1
  fi
  rm -f "$apt_log"
}
