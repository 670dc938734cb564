#!/usr/bin/env bash
# The per-host launcher: `launch.sh DIR HOST`, started by host.sh in its own session
# and private mount namespace. It moves itself into the host's own cgroup, mounts
# the host's overlay (visible only in this mount namespace, so it cannot outlive
# the launcher), writes the per-host files and boots the host with systemd-nspawn,
# booting it again when the host reboots itself (nspawn exits 133). SIGTERM means
# "power off": nspawn turns it into a clean shutdown of the host's systemd.
[ $# = 2 ] || { echo "usage: launch.sh DIR HOST" >&2; exit 2; }
export OPSDECK_FLEET_DIR=$1
. "$(dirname "$0")/lib.sh"
h=$2 S=$STATE/$2 R=$STATE/$2/root
LOG_HOST=$h

echo $$ > "$S/launcher.pid"
# Own cgroup per host: nspawn --keep-unit puts payload/ and supervisor/ below the
# caller's cgroup, and down/stop use this directory to find exactly our processes.
for r in $(cg_roots); do mkdir -p "$r/$FLEET_CGROUP/$h"; echo $$ > "$r/$FLEET_CGROUP/$h/cgroup.procs"; done

# a role snapshot (see snapshots.ts), when the host has one, sits between the base and its own disk
lower=$BASE
if [ -s "$S/layer" ]; then lower="$(cat "$S/layer"):$BASE"; fi
mount -t overlay overlay -o "lowerdir=$lower,upperdir=$S/upper,workdir=$S/work" "$R" || die "overlay mount failed ($lower)"
# Written through the merged view, so overlay copy-up keeps owners and modes.
echo "$h" > "$R/etc/hostname"
cat "$STATE/etc-hosts" > "$R/etc/hosts"
cat "$KEYS/hosts/$h/machine-id" > "$R/etc/machine-id"
cat "$S/role" > "$R/etc/fleet-role"
install -m 600 "$KEYS/hosts/$h"/ssh_host_*_key "$R/etc/ssh/"
install -m 644 "$KEYS/hosts/$h"/ssh_host_*_key.pub "$R/etc/ssh/"
install -m 600 "$KEYS/id_ed25519.pub" "$R/root/.ssh/authorized_keys"
ops_ids=$(awk -F: '$1 == "ops" { print $3 ":" $4 }' "$R/etc/passwd")
install -m 600 -o "${ops_ids%:*}" -g "${ops_ids#*:}" "$KEYS/id_ed25519.pub" "$R/home/ops/.ssh/authorized_keys"
# /run is on disk on these machines: keep nspawn's lock/propagate dirs off it.
mkdir -p /run/systemd/nspawn && mount -t tmpfs -o mode=755,size=1m opsdeck-nspawn /run/systemd/nspawn

stop=0 child= rc=0
trap 'stop=1; [ -z "$child" ] || kill -TERM "$child" 2>/dev/null' TERM INT HUP
set +e
trap - ERR   # nspawn exiting non-zero is an outcome here, not an error
while [ "$stop" = 0 ]; do
  systemd-nspawn --directory="$R" --machine="$h" --hostname="$h" \
    --register=no --keep-unit \
    --network-namespace-path="/run/netns/$(host_netns "$h")" --capability=CAP_NET_ADMIN \
    --bind-ro="$REPO:/srv/fleet-repo" \
    --resolv-conf=off --timezone=off --link-journal=no \
    --console=read-only --boot &
  child=$!
  echo "$child" > "$S/nspawn.pid"
  while kill -0 "$child" 2>/dev/null; do wait "$child"; rc=$?; done   # wait returns early on a trapped signal
  child=
  kill_host_cgroup "$h/payload"   # nspawn gone (crash, kill -9): leave no orphaned host behind
  [ "$rc" = 133 ] || break
  log "rebooted (nspawn exit 133); booting again"
done
log "nspawn exited with $rc"
rm -f "$S/nspawn.pid"
exit "$rc"
