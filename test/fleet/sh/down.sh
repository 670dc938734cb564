#!/usr/bin/env bash
# Brings the whole lab down: every host found on the machine (state dirs, netns,
# cgroups, veths: also after a crash), then the bridge and the per-run state.
# Only our verified pids and our own cgroup directories are ever killed. The cache,
# keys and host identities are kept; console and role logs move to $LOGS.
# Safe to run twice. Can be run by hand: bash test/fleet/sh/down.sh
. "$(dirname "$0")/lib.sh"
require_root
take_lock

t0=$(now)
mapfile -t hosts < <(discover_hosts)
[ ${#hosts[@]} = 0 ] || stop_hosts "${hosts[@]}"

for h in "${hosts[@]}"; do
  for r in $(cg_roots); do
    d=$r/$FLEET_CGROUP/$h
    if [ -d "$d" ]; then find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null || log "WARNING: cannot remove cgroup $d"; fi
  done
  bash "$FLEET_SH/net.sh" down "$h"
  if [ -d "$STATE/$h" ]; then
    for f in console role; do
      if [ -f "$STATE/$h/$f.log" ]; then mv -f "$STATE/$h/$f.log" "$LOGS/$h-$f.log"; fi
    done
    # overlays are only mounted in the launchers' own mount namespaces; if one ever
    # leaked into ours, unmount it rather than delete through it
    grep -F " $STATE/$h/" /proc/self/mountinfo | awk '{print $5}' | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
    rm -rf --one-file-system "$STATE/$h"
  fi
done
for r in $(cg_roots); do rmdir "$r/$FLEET_CGROUP" 2>/dev/null || true; done
bash "$FLEET_SH/net.sh" bridge-down
rm -f "$STATE/lab.json" "$STATE/etc-hosts"
ensure_devnull down
log "down: ${hosts[*]:-nothing to stop} (${#hosts[@]} hosts) in $(since "$t0")s"
