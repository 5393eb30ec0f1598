#!/usr/bin/env bash
# Builds the Debian package agent-presenced_<version>_<arch>.deb from a built binary, without
# debhelper (this is not a Debian source package): stages the files under .build/deb/root,
# computes Depends: with dpkg-shlibdeps, writes DEBIAN/ and runs dpkg-deb. Called by `make deb`:
#   debian-pkg/build-deb.sh BINARY
# BINARY must be linked with --static-swift-stdlib (the Swift runtime is in no Debian package).
# Needs .build/man/agent-presenced.8 (`make man`). Prints the package's path.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=${1:?usage: debian-pkg/build-deb.sh BINARY}
page=.build/man/agent-presenced.8
die() { echo "build-deb.sh: $*" >&2; exit 1; }
[ -x "$binary" ] || die "no binary at $binary"
[ -s "$page" ] || die "no man page at $page (make man)"
if readelf -d "$binary" | grep -q 'NEEDED.*libswift'; then
  die "$binary links the Swift runtime dynamically; build it with --static-swift-stdlib"
fi

# The version: ProductVersion.current (what --version prints and User-Agent sends); the binary
# and the changelog's latest entry must agree with it.
version=$(sed -nE 's/^ *public static let current = "([^"]+)".*/\1/p' Sources/PresenceCore/Version/ProductVersion.swift)
[ -n "$version" ] || die "no ProductVersion.current in Sources/PresenceCore/Version/ProductVersion.swift"
binary_version=$("$binary" --version)
[ "$binary_version" = "$version" ] || die "$binary --version says $binary_version, ProductVersion.swift $version (rebuild it)"
changelog_version=$(sed -nE '1s/^agent-presenced \(([^)]+)\).*/\1/p' debian-pkg/changelog)
[ "$changelog_version" = "$version" ] || die "debian-pkg/changelog's latest entry is $changelog_version, not $version: add an entry"
arch=$(dpkg --print-architecture)
maintainer=$(sed -nE '0,/^ -- /s/^ -- (.*>)  .*/\1/p' debian-pkg/changelog)

out=.build/deb
root=$out/root
deb=$out/agent-presenced_${version}_${arch}.deb
rm -rf "$root" "$deb"
umask 022

# Files: 0644, folders 0755, the binary and maintainer scripts 0755 (dpkg-deb --root-owner-group
# makes them root's). The units' /usr/local paths (make install's default PREFIX) become /usr.
doc=$root/usr/share/doc/agent-presenced
install -d "$root/usr/bin" "$root/lib/systemd/system" "$root/etc/agent-presenced" \
  "$root/usr/share/man/man8" "$root/usr/share/bash-completion/completions" \
  "$root/usr/share/zsh/vendor-completions" "$root/usr/share/fish/vendor_completions.d" \
  "$doc/examples" "$root/usr/share/lintian/overrides" "$root/DEBIAN"
# Stripped: the symbols only serve a debugger; the Swift metadata the runtime needs stays.
strip --strip-unneeded --remove-section=.comment --remove-section=.note -o "$root/usr/bin/agent-presenced" "$binary"
chmod 0755 "$root/usr/bin/agent-presenced"
for unit in agent-presenced.service agent-presenced-admin.socket; do
  sed 's|/usr/local/|/usr/|g' "systemd/$unit" > "$root/lib/systemd/system/$unit"
done
install -m 0644 config/config.example.yaml "$root/etc/agent-presenced/config.yaml"
gzip -9n < "$page" > "$root/usr/share/man/man8/agent-presenced.8.gz"
# bash-completion sources its scripts: no #! line (lintian: bash-completion-with-hashbang).
"$binary" --generate-completion-script bash | sed '1{/^#!/d}' > "$root/usr/share/bash-completion/completions/agent-presenced"
"$binary" --generate-completion-script zsh > "$root/usr/share/zsh/vendor-completions/_agent-presenced"
"$binary" --generate-completion-script fish > "$root/usr/share/fish/vendor_completions.d/agent-presenced.fish"
# README.md stays uncompressed: the units' Documentation= links to it.
install -m 0644 README.md debian-pkg/copyright "$doc/"
install -m 0644 config/config.example.yaml config/accounts.example.yaml config/cluster.example.yaml "$doc/examples/"
install -m 0644 debian-pkg/lintian-overrides "$root/usr/share/lintian/overrides/agent-presenced"
# A package whose version has no Debian revision is native: its changelog is changelog.gz.
gzip -9n < debian-pkg/changelog > "$doc/changelog.gz"
find "$root" -type f ! -path '*/DEBIAN/*' ! -path "$root/usr/bin/*" -exec chmod 0644 {} +

# Depends: the shared libraries the binary needs, as dpkg-shlibdeps maps them to packages. It
# wants a debian/control to read, which this tree does not have: a throwaway one.
shlibs_dir=$(mktemp -d)
trap 'rm -rf "$shlibs_dir"' EXIT
mkdir "$shlibs_dir/debian"
printf 'Source: agent-presenced\n\nPackage: agent-presenced\nArchitecture: any\n' > "$shlibs_dir/debian/control"
abs_binary=$(realpath "$root/usr/bin/agent-presenced")
shlibs=$(cd "$shlibs_dir" && dpkg-shlibdeps -O "$abs_binary" | sed -n 's/^shlibs:Depends=//p')
[ -n "$shlibs" ] || die "dpkg-shlibdeps found no dependencies for $binary"
# adduser: postinst makes the group agent-presenced-admin with addgroup.
depends="adduser, $shlibs"

installed_size=$(du -s --apparent-size --block-size=1024 --exclude=DEBIAN "$root" | cut -f1)
sed -e "s|@VERSION@|$version|" -e "s|@ARCH@|$arch|" -e "s|@MAINTAINER@|$maintainer|" \
    -e "s|@INSTALLED_SIZE@|$installed_size|" -e "s|@DEPENDS@|$depends|" \
    debian-pkg/control.in > "$root/DEBIAN/control"
install -m 0644 debian-pkg/conffiles "$root/DEBIAN/conffiles"
install -m 0755 debian-pkg/postinst debian-pkg/prerm debian-pkg/postrm "$root/DEBIAN/"
(cd "$root" && find . -type f ! -path './DEBIAN/*' ! -path './etc/*' -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/md5sums"

# Reproducible: every file dated by the last commit (dpkg-deb also dates the archive by it).
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
export SOURCE_DATE_EPOCH
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
# DEB_COMPRESSION: dpkg-deb's -Z and -z, "xz 6" by default; make test's debug package (its
# binary is still 130 MB stripped) is packed in seconds with "gzip 1" instead of minutes.
read -r deb_type deb_level <<< "${DEB_COMPRESSION:-xz 6}"
dpkg-deb --root-owner-group "-Z$deb_type" "-z$deb_level" --build "$root" "$deb" >/dev/null
echo "$deb"
