#!/usr/bin/env bash
# Checks the shipped unit with systemd's own tools (no running systemd needed):
# `systemd-analyze verify` must be clean and the security exposure at most 1.1.
set -euo pipefail
cd "$(dirname "$0")/.."
unit=systemd/agent-presenced.service
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

line=$(systemd-analyze security --offline=true "$unit" 2>&1 | grep 'Overall exposure level')
score=$(echo "$line" | grep -oE '[0-9]+\.[0-9]+' | head -1)
echo "$line"
if awk -v s="$score" 'BEGIN { exit !(s <= 1.1) }'; then
  echo "ok: exposure $score <= 1.1"
else
  echo "FAIL: exposure $score > 1.1"; exit 1
fi
