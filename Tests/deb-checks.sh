#!/usr/bin/env bash
# Checks the Debian package as `make deb` writes it (make test packages the debug build): its
# control fields, every file it installs, its conffile and maintainer scripts, and that lintian
# reports no error. Builds nothing. AGENT_PRESENCED_DEB names the package; by default
# .build/deb/agent-presenced_<ProductVersion.current>_<dpkg --print-architecture>.deb.
set -uo pipefail
cd "$(dirname "$0")/.."

version=$(sed -nE 's/^ *public static let current = "([^"]+)".*/\1/p' Sources/PresenceCore/Version/ProductVersion.swift)
arch=$(dpkg --print-architecture)
deb=${AGENT_PRESENCED_DEB:-.build/deb/agent-presenced_${version}_${arch}.deb}

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS: $*"; }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }
[ -s "$deb" ] || { echo "FAIL: no package at $deb (run make deb)"; echo "0 passed, 1 failed"; exit 1; }

field() { dpkg-deb --field "$deb" "$1"; }
check "Package: $(field Package)" [ "$(field Package)" = agent-presenced ]
check "Version: $(field Version) (ProductVersion.current $version)" [ "$(field Version)" = "$version" ]
check "Architecture: $(field Architecture)" [ "$(field Architecture)" = "$arch" ]
depends=$(field Depends)
# libc6 and libsystemd0 from dpkg-shlibdeps (sd_notify, the journal); no Swift runtime library:
# the binary carries it (--static-swift-stdlib).
check "Depends: $depends (libc6, libsystemd0, adduser, versioned by dpkg-shlibdeps)" \
  grep -qE '(^|, )libc6 \(>= [0-9.]+\)' <<< "$depends"
check "Depends names libsystemd0" grep -qE '(^|, )libsystemd0( |,|$)' <<< "$depends"
check "Depends names adduser (postinst runs addgroup)" grep -qE '(^|, )adduser(,|$)' <<< "$depends"
check "Section: $(field Section), Priority: $(field Priority), Installed-Size: $(field Installed-Size) KiB, Maintainer: $(field Maintainer)" \
  [ "$(field Section)" = net -a "$(field Priority)" = optional -a -n "$(field Installed-Size)" -a -n "$(field Maintainer)" ]
description=$(field Description)
check "Description has a synopsis and an extended description ($(echo "$description" | wc -l) lines)" \
  [ "$(echo "$description" | wc -l)" -ge 5 ]

# dpkg-deb --contents: "mode owner/group size date time ./path" (symlinks add " -> target").
contents=$(dpkg-deb --contents "$deb")
paths=$(awk '{print substr($6, 2)}' <<< "$contents")
expected="/usr/bin/agent-presenced
/lib/systemd/system/agent-presenced.service
/lib/systemd/system/agent-presenced-admin.socket
/etc/agent-presenced/config.yaml
/usr/share/man/man8/agent-presenced.8.gz
/usr/share/bash-completion/completions/agent-presenced
/usr/share/zsh/vendor-completions/_agent-presenced
/usr/share/fish/vendor_completions.d/agent-presenced.fish
/usr/share/doc/agent-presenced/README.md
/usr/share/doc/agent-presenced/copyright
/usr/share/doc/agent-presenced/changelog.gz
/usr/share/doc/agent-presenced/examples/config.example.yaml
/usr/share/doc/agent-presenced/examples/accounts.example.yaml
/usr/share/doc/agent-presenced/examples/cluster.example.yaml
/usr/share/lintian/overrides/agent-presenced"
missing=$(comm -23 <(sort <<< "$expected") <(sort <<< "$paths"))
check "dpkg-deb --contents lists all $(wc -l <<< "$expected") expected files${missing:+ (missing: $(echo $missing))}" [ -z "$missing" ]
check "every entry is root/root" bash -c '! awk "\$2 != \"root/root\"" <<< "$1" | grep -q .' _ "$contents"
mode_of() { awk -v p="./${1#/}" '$6 == p {print $1}' <<< "$contents"; }
check "/usr/bin/agent-presenced is -rwxr-xr-x ($(mode_of /usr/bin/agent-presenced))" [ "$(mode_of /usr/bin/agent-presenced)" = -rwxr-xr-x ]
odd_modes=$(awk '$1 !~ /^(-rw-r--r--|drwxr-xr-x)$/ && $6 != "./usr/bin/agent-presenced"' <<< "$contents")
check "every other file is 0644 and every folder 0755${odd_modes:+ (not: $odd_modes)}" [ -z "$odd_modes" ]

# The control archive: conffiles, maintainer scripts, md5sums.
control=$(mktemp -d)
data=$(mktemp -d)
trap 'rm -rf "$control" "$data"' EXIT
dpkg-deb --control "$deb" "$control"
check "conffiles lists /etc/agent-presenced/config.yaml ($(xargs < "$control/conffiles"))" \
  [ "$(cat "$control/conffiles")" = /etc/agent-presenced/config.yaml ]
for script in postinst prerm postrm; do
  check "$script is an executable POSIX shell script that sh -n accepts" \
    bash -c '[ -x "$1" ] && head -1 "$1" | grep -qx "#!/bin/sh" && sh -n "$1"' _ "$control/$script"
done
check "postinst enables both units with deb-systemd-helper and starts only when the key exists" \
  bash -c 'grep -q "deb-systemd-helper enable" "$1" && grep -q "key=/etc/agent-presenced/brevo-api-key" "$1" && grep -q "\[ -e \"\$key\" \]" "$1"' _ "$control/postinst"
check "md5sums covers every file but the conffile ($(wc -l < "$control/md5sums") entries)" \
  [ "$(wc -l < "$control/md5sums")" = "$(grep -c '^-' <<< "$contents" | awk '{print $1 - 1}')" ]

# The packaged units run the packaged binary; the binary needs no Swift runtime on the target.
dpkg-deb --extract "$deb" "$data"
check "the packaged service runs /usr/bin/agent-presenced (ExecStart=, ExecReload=) and names no /usr/local path" \
  bash -c 'grep -qx "ExecStart=/usr/bin/agent-presenced run --config /etc/agent-presenced/config.yaml" "$1" && ! grep -q /usr/local/ "$1" "$2"' _ \
  "$data/lib/systemd/system/agent-presenced.service" "$data/lib/systemd/system/agent-presenced-admin.socket"
needed=$(readelf -d "$data/usr/bin/agent-presenced" | sed -nE 's/.*NEEDED.*\[(.*)\]/\1/p' | xargs)
check "the binary needs no Swift runtime library (NEEDED: $needed) and is stripped" \
  bash -c '! grep -q libswift <<< "$1" && ! readelf -S "$2" | grep -qE "\.symtab|\.debug_info"' _ "$needed" "$data/usr/bin/agent-presenced"
check "the binary's relative relocations are packed (DT_RELR), not 3 MB the loader reads at every start" \
  bash -c 'readelf -d "$1" | grep -q "(RELR)"' _ "$data/usr/bin/agent-presenced"
check "the packaged binary runs: --version says $("$data/usr/bin/agent-presenced" --version 2>&1)" \
  [ "$("$data/usr/bin/agent-presenced" --version 2>&1)" = "$version" ]

# lintian: no E: (errors); its warnings are listed.
if command -v lintian >/dev/null; then
  lintian_out=$(lintian "$deb" 2>&1 | grep -v '^running with root privileges')
  errors=$(grep '^E:' <<< "$lintian_out")
  check "lintian reports no error${errors:+: $errors}" [ -z "$errors" ]
  [ -n "$lintian_out" ] && echo "$lintian_out" | sed 's/^/  | /'
else
  fail "lintian is installed (make deps and .ci/run install it)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
