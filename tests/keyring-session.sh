#!/bin/sh
# keyring-session.sh — runs a command in a throwaway HOME, with a D-Bus
# session of its own and an unlocked gnome-keyring-daemon in it, so tests
# can use a real keyring without touching the developer's.
#
#   tests/keyring-session.sh COMMAND [ARGUMENT…]
#
# Copyright 2026 The Rolo authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

session=$(mktemp -d "${TMPDIR:-/tmp}/rolo-keyring-XXXXXX")
trap 'rm -rf "$session"' EXIT INT TERM

export ROLO_KEYRING_SESSION="$session"
export HOME="$session/home"
export XDG_CONFIG_HOME="$HOME/.config"
export XDG_DATA_HOME="$HOME/.local/share"
export XDG_CACHE_HOME="$HOME/.cache"
export XDG_RUNTIME_DIR="$session/runtime"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
mkdir -m 700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL SSH_AUTH_SOCK

# A bus that starts nothing by itself: no portals or other services of the
# developer's desktop, only the keyring started below.
cat >"$session/session.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$XDG_RUNTIME_DIR</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF

# Without --unlock the new login keyring would wait for a password prompt
# forever. The daemon prints its environment on stdout: not for the test.
status=0
dbus-run-session --config-file="$session/session.conf" -- sh -c '
  printf "%s" throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' keyring-session "$@" || status=$?
exit "$status"
