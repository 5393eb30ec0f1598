#!/usr/bin/env bash
# Checks the shipped units with systemd's own tools (no running systemd needed):
# `systemd-analyze verify` must be clean for the service and for the admin socket (verified
# together: the socket's Service= must load), and the service's security exposure at most 1.1.
set -euo pipefail
cd "$(dirname "$0")/.."
unit=systemd/agent-presenced.service
socket=systemd/agent-presenced-admin.socket
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# verify resolves ExecStart=: point it at the built binary in a copy of the unit.
binary="$PWD/.build/debug/agent-presenced"
sed "s|/usr/local/bin/agent-presenced|$binary|g" "$unit" > "$work/agent-presenced.service"
if out=$(systemd-analyze verify "$work/agent-presenced.service" 2>&1) && [ -z "$out" ]; then
  echo "ok: systemd-analyze verify is clean"
else
  echo "FAIL: systemd-analyze verify:"; echo "$out"; exit 1
fi
cp "$socket" "$work/"
if out=$(systemd-analyze verify "$work/agent-presenced.service" "$work/$(basename "$socket")" 2>&1) && [ -z "$out" ]; then
  echo "ok: systemd-analyze verify is clean for $(basename "$socket") (with the service it names)"
else
  echo "FAIL: systemd-analyze verify $(basename "$socket"):"; echo "$out"; exit 1
fi
for key in ListenStream=/run/agent-presenced-admin.sock SocketGroup=agent-presenced-admin SocketMode=0660 \
  RemoveOnStop=yes Service=agent-presenced.service WantedBy=sockets.target; do
  grep -qx "$key" "$socket" || { echo "FAIL: $socket lacks $key"; exit 1; }
done
echo "ok: $(basename "$socket") makes /run/agent-presenced-admin.sock root:agent-presenced-admin 0660 for the service"

line=$(systemd-analyze security --offline=true "$unit" 2>&1 | grep 'Overall exposure level')
score=$(echo "$line" | grep -oE '[0-9]+\.[0-9]+' | head -1)
echo "$line"
if awk -v s="$score" 'BEGIN { exit !(s <= 1.1) }'; then
  echo "ok: exposure $score <= 1.1"
else
  echo "FAIL: exposure $score > 1.1"; exit 1
fi
