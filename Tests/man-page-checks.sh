#!/usr/bin/env bash
# Checks agent-presenced(8) as `make man` writes it: every subcommand is in the generated part,
# the hand-written sections are there, and groff renders it without a warning.
set -euo pipefail
cd "$(dirname "$0")/.."
page=.build/man/agent-presenced.8
[ -s "$page" ] || { echo "FAIL: no $page (run make man)"; exit 1; }
for command in run check status ping reload probe away online clear demo standin; do
  grep -qE "^\.It Em $command( |$)" "$page" || { echo "FAIL: $page lacks the subcommand $command"; exit 1; }
done
for option in --watch --interval --status-file --config; do
  grep -q "^\.It Fl -${option#--}\( \|$\)" "$page" || { echo "FAIL: $page lacks $option"; exit 1; }
done
for section in SIGNALS "STATUS FILE" ENVIRONMENT FILES "EXIT STATUS" "SEE ALSO"; do
  grep -qx "\.Sh $section" "$page" || { echo "FAIL: $page lacks the section $section"; exit 1; }
done
[ "$(grep -c '^\.Sh "\?EXIT STATUS' "$page")" = 1 ] || { echo "FAIL: $page has more than one EXIT STATUS"; exit 1; }
if ! command -v groff >/dev/null; then
  echo "ok: $page has every subcommand and the hand-written sections (SKIPPED the rendering: no groff)"
elif out=$(groff -mandoc -Tutf8 -ww -z "$page" 2>&1) && [ -z "$out" ]; then
  echo "ok: $page has every subcommand and the hand-written sections; groff -ww is quiet"
else
  echo "FAIL: groff -mandoc -ww $page:"; echo "$out"; exit 1
fi
