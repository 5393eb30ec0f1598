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

# The runtime and state folders systemd and the unit write to.
mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs /run
mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs /var/lib
mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs /var/log
mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs /var/tmp
# systemd writes its status messages to the console: a file of ours.
mount --bind "$work/console" /dev/console
# /proc/sys is not namespaced: systemd must not change the host's sysctls.
mount --bind /proc/sys /proc/sys
mount -o remount,bind,ro /proc/sys
# The installed files (/etc/agent-presenced, /usr/local/bin/agent-presenced) go into overlays,
# so that systemd (ConfigurationDirectory=) and the test never write to the host's /etc or /usr.
mount -t overlay overlay -o "lowerdir=/etc,upperdir=$work/etc.upper,workdir=$work/etc.work" /etc
mount -t overlay overlay -o "lowerdir=/usr/local/bin,upperdir=$work/bin.upper,workdir=$work/bin.work" /usr/local/bin

# systemd brings lo up too (in containers as well); do it first anyway, where `ip` exists.
if command -v ip >/dev/null; then ip link set lo up; fi
# Without it, LoadCredential= yields an empty folder.
mount --make-rshared /

exec env -i container=other SYSTEMD_UNIT_PATH="$work/units" /lib/systemd/systemd --system
