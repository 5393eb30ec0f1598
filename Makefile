# agent-presenced: build, test, demo and install.
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(DESTDIR)$(PREFIX)/bin
UNITDIR ?= $(DESTDIR)/etc/systemd/system
CONFDIR = $(DESTDIR)/etc/agent-presenced
DOCDIR = $(DESTDIR)$(PREFIX)/share/doc/agent-presenced
BASHCOMPDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHCOMPDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man8
# The man page is made from the command definitions by swift-argument-parser's GenerateManual
# plugin (which builds the package in this configuration first), dated by the last commit.
MAN_CONFIGURATION ?= release
MAN_DATE ?= $(shell git log -1 --format=%cs 2>/dev/null || date +%F)
MAN_GENERATED = .build/plugins/GenerateManual/outputs/agent-presenced/agent-presenced.8
# postgresql: the cluster lease tests start a throwaway server from its binaries (initdb, pg_ctl).
# prometheus: the metrics tests run promtool and a real Prometheus server.
# openssl, tinyproxy: the TLS tests' throwaway CA, and a real forward proxy for HTTPS through it.
# dpkg-dev: make deb's dpkg-shlibdeps; binutils: its strip; lintian: Tests/deb-checks.sh.
# wrk, python3-aiohttp: presence-bench --peer (the floor and the reference pinger; the smoke test).
DEBIAN_PACKAGES = libsystemd-dev pkg-config curl postgresql prometheus openssl tinyproxy dpkg-dev binutils lintian wrk python3-aiohttp
# make deb packages this configuration (make test packages its debug build, which is faster).
# The package's binary links the Swift runtime statically (no Debian package has it); that flag
# changes every compile command, so it is built in its own scratch folder, and the ordinary
# builds in .build are not rebuilt each time one or the other is made.
DEB_CONFIGURATION ?= release
DEB_SCRATCH = .build/static
# dpkg-deb's compression (-Z, -z): make test's debug package packs much faster with gzip 1.
DEB_COMPRESSION ?= xz 6

.PHONY: deps build release test man deb demo install uninstall clean

# Installs the Debian packages the build needs, when they are missing (needs root).
deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	swift build

release: deps
	swift build -c release

# The whole test suite: unit and integration tests, then the unit-file checks.
test: deps
	swift build --build-tests
	# Serial: several tests wait on child processes, which would starve parallel async tests
	# of the 2 cooperative threads a 2-core machine has.
	swift test --skip-build --no-parallel
	Tests/unit-file-checks.sh
	$(MAKE) man MAN_CONFIGURATION=debug
	Tests/man-page-checks.sh
	$(MAKE) deb DEB_CONFIGURATION=debug DEB_COMPRESSION="gzip 1"
	Tests/deb-checks.sh
	Tests/e2e/systemd-e2e.sh

# agent-presenced(8): the generated NAME, SYNOPSIS and DESCRIPTION (every subcommand and
# option), then the hand-written sections of man/agent-presenced.8.tail.
man: deps
	swift package plugin generate-manual --configuration $(MAN_CONFIGURATION) --section 8 --date $(MAN_DATE)
	mkdir -p .build/man
	awk -f man/merge-man.awk $(MAN_GENERATED) man/agent-presenced.8.tail > .build/man/agent-presenced.8.tmp
	mv .build/man/agent-presenced.8.tmp .build/man/agent-presenced.8

# The Debian package .build/deb/agent-presenced_<version>_<arch>.deb (debian-pkg/build-deb.sh):
# the binary, the units, the example config as a conffile, the man page, completions and docs.
# The page is the same from any build: the debug one, usually there already and faster to make.
# -z now (with the default relro): a read-only GOT, as Debian's hardening flags ask (lintian).
# lld with -z pack-relative-relocs (DT_RELR, glibc 2.36): the binary's 137,000 relative
# relocations in 26 kB instead of 3.2 MB, which the loader read at every start and which stayed
# resident: 2.5 MB less idle peak RSS (see README, Performance).
deb: MAN_CONFIGURATION = debug
deb: man
	swift build -c $(DEB_CONFIGURATION) --static-swift-stdlib --product agent-presenced --scratch-path $(DEB_SCRATCH) \
	  -Xswiftc -use-ld=lld -Xlinker -z -Xlinker now -Xlinker -z -Xlinker pack-relative-relocs
	DEB_COMPRESSION="$(DEB_COMPRESSION)" debian-pkg/build-deb.sh $(DEB_SCRATCH)/$(DEB_CONFIGURATION)/agent-presenced

demo: deps
	swift build
	.build/debug/agent-presenced demo

# The admin socket's group (agent-presenced-admin: its members may change presence) is made on
# this machine when missing, except for a staged install (DESTDIR=), where the package makes it.
install: release man
	install -d $(BINDIR) $(UNITDIR) $(CONFDIR) $(DOCDIR) $(BASHCOMPDIR) $(ZSHCOMPDIR) $(FISHCOMPDIR) $(MANDIR)
	install -m 0755 .build/release/agent-presenced $(BINDIR)/agent-presenced
	install -m 0644 .build/man/agent-presenced.8 $(MANDIR)/agent-presenced.8
	sed 's|/usr/local/|$(PREFIX)/|g' systemd/agent-presenced.service > $(UNITDIR)/agent-presenced.service
	sed 's|/usr/local/|$(PREFIX)/|g' systemd/agent-presenced-admin.socket > $(UNITDIR)/agent-presenced-admin.socket
	chmod 0644 $(UNITDIR)/agent-presenced.service $(UNITDIR)/agent-presenced-admin.socket
	@if [ -n "$(DESTDIR)" ]; then echo "DESTDIR set: create the group agent-presenced-admin on the target (groupadd --system agent-presenced-admin)"; \
	else getent group agent-presenced-admin >/dev/null || groupadd --system agent-presenced-admin; fi
	[ -e $(CONFDIR)/config.yaml ] || install -m 0644 config/config.example.yaml $(CONFDIR)/config.yaml
	install -m 0644 config/config.example.yaml config/accounts.example.yaml config/cluster.example.yaml README.md $(DOCDIR)/
	.build/release/agent-presenced --generate-completion-script bash > $(BASHCOMPDIR)/agent-presenced
	.build/release/agent-presenced --generate-completion-script zsh > $(ZSHCOMPDIR)/_agent-presenced
	.build/release/agent-presenced --generate-completion-script fish > $(FISHCOMPDIR)/agent-presenced.fish

uninstall:
	rm -f $(BINDIR)/agent-presenced $(UNITDIR)/agent-presenced.service $(UNITDIR)/agent-presenced-admin.socket
	rm -f $(BASHCOMPDIR)/agent-presenced $(ZSHCOMPDIR)/_agent-presenced $(FISHCOMPDIR)/agent-presenced.fish
	rm -f $(MANDIR)/agent-presenced.8
	rm -rf $(DOCDIR)
	@echo "kept $(CONFDIR) (your config and API key); remove it by hand if you want"
	@echo "kept the group agent-presenced-admin (its members stay members); groupdel agent-presenced-admin removes it"

clean:
	rm -rf .build
