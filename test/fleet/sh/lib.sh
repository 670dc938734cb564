# shellcheck shell=bash
# Shared helpers for the lab's shell scripts (sourced, never run): paths, logging,
# the /dev/null guard, and the checks that decide which processes and cgroups are
# ours. Everything that may kill or remove something goes through these checks.
set -eEuo pipefail
umask 022
# a failure without a message of its own still says where it happened
trap 'log "ERROR: ${0##*/}: \`$BASH_COMMAND\` failed (line $LINENO)"' ERR

FLEET_SH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FLEET_HOME=$(dirname "$FLEET_SH")
# shellcheck source=../fleet.conf
. "$FLEET_HOME/fleet.conf"

# Absolute and normalised: it is compared against process command lines.
DIR=$(realpath -m "${OPSDECK_FLEET_DIR:-/var/cache/opsdeck-fleet}")
CACHE=$DIR/cache
BASE=$CACHE/base     # debootstrapped rootfs, the overlay lowerdir of every host
REPO=$CACHE/repo     # flat apt repo, bind-mounted read-only at /srv/fleet-repo
KEYS=$DIR/keys
STATE=$DIR/state     # per-host overlay dirs, pids, console logs; removed by down
LOGS=$DIR/logs       # console/role logs of the last run, kept by down
STOP_WAIT=${OPSDECK_FLEET_STOP_WAIT:-30}

log() { printf '[lab%s] %s\n' "${LOG_HOST:+ $LOG_HOST}" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

require_root() {
  [ "$(id -u)" = 0 ] || die "the lab needs root (network namespaces, overlay mounts, systemd-nspawn)"
  mkdir -p "$CACHE" "$KEYS" "$STATE" "$LOGS"
  ensure_devnull "${0##*/}"
}

# systemd-nspawn refuses to start when /dev/null is not a character device, and a
# package script run with the machine's /dev visible once replaced it with a file.
ensure_devnull() {
  [ -c /dev/null ] && return 0
  log "WARNING: /dev/null is not a character device; recreating it (during ${1:-?})"
  mknod -m 666 /dev/null.new c 1 3 && mv -f /dev/null.new /dev/null
  echo "$(date -Is) repaired /dev/null during ${1:-?}" >> "$DIR/devnull-repairs.log"
}

# One lab operation at a time. The TypeScript driver holds this lock itself and
# sets OPSDECK_FLEET_LOCKED=1 for the scripts it runs; scripts run by hand take it.
take_lock() {
  [ "${OPSDECK_FLEET_LOCKED:-}" = 1 ] && return 0
  exec 9>"$DIR/lock"
  flock -w 600 9 || die "another lab operation holds $DIR/lock"
}

host_netns() { echo "$FLEET_NS_PREFIX$1"; }
host_veth() { echo "$FLEET_NS_PREFIX$1"; }

# The cgroup hierarchies in which each host gets its own directory. On this
# machine's hybrid layout that is name=systemd (v1) and the empty v2 "unified".
cg_roots() {
  if [ "$(stat -fc %T /sys/fs/cgroup)" = cgroup2fs ]; then echo /sys/fs/cgroup; return 0; fi
  [ -d /sys/fs/cgroup/systemd ] && echo /sys/fs/cgroup/systemd
  [ "$(stat -fc %T /sys/fs/cgroup/unified 2>/dev/null)" = cgroup2fs ] && echo /sys/fs/cgroup/unified
  return 0
}

# read_argv PID : the process's argv into ARGV (false when it is gone). No pipes: pure bash.
read_argv() {
  ARGV=()
  [ -n "$1" ] && [ -r "/proc/$1/cmdline" ] || return 1
  mapfile -d '' -t ARGV < "/proc/$1/cmdline" 2>/dev/null && [ ${#ARGV[@]} -gt 0 ]
}
# The launcher runs as `bash <any checkout>/test/fleet/sh/launch.sh DIR HOST`.
is_our_launcher() {
  read_argv "$1" || return 1
  local n=${#ARGV[@]}
  [ "$n" -ge 3 ] && [[ ${ARGV[n-3]} == */launch.sh ]] && [ "${ARGV[n-2]}" = "$DIR" ] && [ "${ARGV[n-1]}" = "$2" ]
}
# nspawn runs as `systemd-nspawn --directory=DIR/state/HOST/root --machine=HOST ...`.
is_our_nspawn() {
  read_argv "$1" || return 1
  [[ ${ARGV[0]} == *systemd-nspawn ]] || return 1
  local a dir=0 machine=0
  for a in "${ARGV[@]}"; do
    [ "$a" = "--directory=$STATE/$2/root" ] && dir=1
    [ "$a" = "--machine=$2" ] && machine=1
  done
  [ $dir = 1 ] && [ $machine = 1 ]
}
launcher_pid() { local p; p=$(cat "$STATE/$1/launcher.pid" 2>/dev/null || true); if is_our_launcher "$p" "$1"; then echo "$p"; fi; }
nspawn_pid() { local p; p=$(cat "$STATE/$1/nspawn.pid" 2>/dev/null || true); if is_our_nspawn "$p" "$1"; then echo "$p"; fi; }

# Every process in the host's own cgroup directories (launcher, nspawn, container).
host_cg_pids() {
  local r
  for r in $(cg_roots); do
    if [ -d "$r/$FLEET_CGROUP/$1" ]; then find "$r/$FLEET_CGROUP/$1" -name cgroup.procs -exec cat {} + 2>/dev/null || true; fi
  done | sort -un
}

kill_host_cgroup() { # HOST[/SUBDIR]
  local r d
  for r in $(cg_roots); do
    d=$r/$FLEET_CGROUP/$1
    [ -d "$d" ] || continue
    if [ -w "$d/cgroup.kill" ]; then echo 1 > "$d/cgroup.kill" 2>/dev/null || true
    else find "$d" -name cgroup.procs -exec cat {} + 2>/dev/null | xargs -r kill -KILL 2>/dev/null || true; fi
  done
}

# stop_hosts HOST... : clean poweroff (launcher -> nspawn -> SIGRTMIN+3 to the
# container's systemd), then SIGKILL to our verified pids and the hosts' cgroups.
stop_hosts() {
  local h p deadline alive
  for h in "$@"; do
    # the launcher forwards TERM to nspawn; an orphaned nspawn (launcher killed) gets it directly
    p=$(launcher_pid "$h"); [ -n "$p" ] || p=$(nspawn_pid "$h")
    if [ -n "$p" ]; then kill -TERM "$p" 2>/dev/null || true; fi
  done
  deadline=$(($(date +%s) + STOP_WAIT))
  while :; do
    alive=
    for h in "$@"; do [ -z "$(launcher_pid "$h")$(nspawn_pid "$h")" ] || alive="$alive $h"; done
    [ -z "$alive" ] && break
    if [ "$(date +%s)" -ge "$deadline" ]; then log "still running after ${STOP_WAIT}s:$alive; killing"; break; fi
    sleep 0.3
  done
  for h in "$@"; do
    for p in $(launcher_pid "$h") $(nspawn_pid "$h"); do kill -KILL "$p" 2>/dev/null || true; done
    kill_host_cgroup "$h"
  done
  # cgroup.kill is asynchronous: wait until the hosts' cgroups are empty
  deadline=$(($(date +%s) + 10))
  for h in "$@"; do
    while [ -n "$(host_cg_pids "$h")" ] && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.1; done
  done
}

# Every host the lab may have left on this machine: state dirs, netns, cgroups, veths.
discover_hosts() {
  {
    find "$STATE" -mindepth 1 -maxdepth 1 -type d -name 'h[0-9]*' -printf '%f\n' 2>/dev/null || true
    ip netns list 2>/dev/null | awk '{print $1}' | sed -n "s/^$FLEET_NS_PREFIX\(h[0-9][0-9]*\)\$/\1/p" || true
    ip -o link show 2>/dev/null | awk -F': ' '{print $2}' | sed -n "s/^$FLEET_NS_PREFIX\(h[0-9][0-9]*\)\(@.*\)\{0,1\}\$/\1/p" || true
    local r; for r in $(cg_roots); do
      find "$r/$FLEET_CGROUP" -mindepth 1 -maxdepth 1 -type d -name 'h[0-9]*' -printf '%f\n' 2>/dev/null || true
    done
  } | sort -u -V
}

# host_state HOST -> running | stopped | orphan | absent
host_state() {
  if [ -n "$(launcher_pid "$1")" ]; then echo running
  elif [ -n "$(host_cg_pids "$1")" ]; then echo orphan
  elif [ -d "$STATE/$1" ]; then echo stopped
  elif ip netns list 2>/dev/null | awk '{print $1}' | grep -qx "$(host_netns "$1")"; then echo orphan
  else echo absent; fi
}

# in_chroot ROOT [SRC:DST...] : run a bash script from stdin inside ROOT, in a private
# mount namespace (its mounts vanish with it, even on a crash). proc is mounted; the
# machine's /dev is NOT bind-mounted, so package scripts only see the rootfs' own nodes.
in_chroot() {
  local root=$1; shift
  unshare --mount --propagation private -- bash -c '
    set -e; root=$1; shift
    for b in "$@"; do mkdir -p "$root${b#*:}"; mount --bind "${b%%:*}" "$root${b#*:}"; done
    mount -t proc proc "$root/proc"
    exec chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
      LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive /bin/bash -s' _ "$root" "$@"
}

# The Debian mirror this machine's apt already uses (deb822 or one-line format).
mirror() {
  if [ -n "${OPSDECK_FLEET_MIRROR:-}" ]; then echo "$OPSDECK_FLEET_MIRROR"; return; fi
  local files
  files=$(ls /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list /etc/apt/sources.list 2>/dev/null || true)
  # shellcheck disable=SC2086
  [ -n "$files" ] && grep -hE '^(URIs:|deb )' $files | grep -oE 'https?://[^ ]+' | grep -v security | head -n 1 || true
}

stamp() { cat "$1" 2>/dev/null || true; }
