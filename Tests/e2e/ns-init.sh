#!/usr/bin/env bash
# PID 1 of the end-to-end test's fresh namespaces, until it becomes systemd (DESIGN.md section 5).
# Started by systemd-e2e.sh as:
#   unshare --pid --fork --mount --propagation private --uts --ipc --net --mount-proc ns-init.sh WORK CGROUP
# WORK: the test's temporary folder; CGROUP: the name of the cgroup2 folder the test created for
# this systemd. Every mount below happens in the new (private) mount namespace: the host sees none.
set -euo pipefail
work=$1
cgroup=$2

# cgroup2: on a hybrid host, bind the unified hierarchy over /sys/fs/cgroup (otherwise systemd
# remounts the host's cgroup tmpfs read-only, a change the host sees). Then move into our own
# folder, so that systemd's tree (init.scope, system.slice) lives under it and nowhere else.
if [ "$(stat -fc %T /sys/fs/cgroup)" != cgroup2fs ]; then
  mount --bind /sys/fs/cgroup/unified /sys/fs/cgroup
fi
echo $$ > "/sys/fs/cgroup/$cgroup/cgroup.procs"

# dpkg's database, writable in an overlay: the test installs the package with dpkg. Mounted aside
# first, since the tmpfs below hides /var/lib, then moved into that tmpfs.
mount -t overlay overlay -o "lowerdir=/var/lib/dpkg,upperdir=$work/dpkg.upper,workdir=$work/dpkg.work" "$work/dpkg"
# The runtime and state folders systemd and the unit write to.
mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs /run
mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs /var/lib
mkdir /var/lib/dpkg
mount --move "$work/dpkg" /var/lib/dpkg
# man-db's trigger (the package has a man page) makes /var/cache/man if it is missing.
mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs /var/cache
mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs /var/log
mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs /var/tmp
# systemd writes its status messages to the console: a file of ours.
mount --bind "$work/console" /dev/console
# /proc/sys is not namespaced: systemd must not change the host's sysctls.
mount --bind /proc/sys /proc/sys
mount -o remount,bind,ro /proc/sys
# What dpkg installs (/usr/bin/agent-presenced, /lib/systemd/system/*: /lib is /usr/lib) and
# writes (/etc/agent-presenced, /etc/group) goes into overlays, so that dpkg, systemd
# (ConfigurationDirectory=) and the test never write to the host's /etc or /usr.
mount -t overlay overlay -o "lowerdir=/etc,upperdir=$work/etc.upper,workdir=$work/etc.work" /etc
mount -t overlay overlay -o "lowerdir=/usr,upperdir=$work/usr.upper,workdir=$work/usr.work" /usr
# systemd's unit path below includes the folders where the package's units and its enablement
# symlinks go; empty tmpfs there hide the host's units and its enabled services, so that the
# units that boot stay the test's own.
mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs /etc/systemd/system
mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs /usr/lib/systemd/system
# A host's policy-rc.d (Docker's images have one that answers 101) would keep the package's
# deb-systemd-invoke from starting or stopping anything; in here, a real machine's behaviour.
rm -f /usr/sbin/policy-rc.d

# systemd brings lo up too (in containers as well); do it first anyway, where `ip` exists.
if command -v ip >/dev/null; then ip link set lo up; fi
# Without it, LoadCredential= yields an empty folder.
mount --make-rshared /

exec env -i container=other SYSTEMD_UNIT_PATH="$work/units:/etc/systemd/system:/lib/systemd/system" /lib/systemd/systemd --system
