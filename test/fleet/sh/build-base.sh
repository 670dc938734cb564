#!/usr/bin/env bash
# Makes sure the cached base rootfs is current, in two cached stages:
#   cache/bootstrap  debootstrap minbase + the packages in fleet.conf (the slow, networked part;
#                    keyed on suite and package list)
#   cache/base       a copy of it customised by base-customize.sh (keyed on the bootstrap and the
#                    script, so editing the script costs seconds, not a new debootstrap)
# A no-op when both match.
. "$(dirname "$0")/lib.sh"
require_root
BOOT=$CACHE/bootstrap

boot_key=$(printf '%s\n' "$FLEET_SUITE" "$FLEET_BASE_PKGS" | sha256sum | cut -c1-16)
base_key=$(printf '%s\n' "$boot_key" "$(cat "$FLEET_SH/base-customize.sh")" | sha256sum | cut -c1-16)
if [ "$(stamp "$BASE/.fleet-base")" = "$base_key" ]; then log "base rootfs cached"; exit 0; fi
if [ -d "$BASE" ] && [ -n "$(discover_hosts)" ]; then
  # the base is the lowerdir of every host's overlay: never change it under them
  log "WARNING: base rootfs is out of date but hosts exist; keeping it (lab:down, then lab:up rebuilds it)"
  exit 0
fi

t0=$(now)
if [ "$(stamp "$BOOT/.fleet-bootstrap")" != "$boot_key" ]; then
  src=$(mirror)
  [ -n "$src" ] || die "no Debian mirror found in /etc/apt (set OPSDECK_FLEET_MIRROR)"
  log "debootstrap $FLEET_SUITE from $src (log: $CACHE/debootstrap.log)"
  rm -rf --one-file-system "$BOOT.tmp"
  # private mount namespace: debootstrap's /proc and /sys mounts vanish even if it dies
  unshare --mount --propagation private -- \
    debootstrap --variant=minbase --include="$FLEET_BASE_PKGS" "$FLEET_SUITE" "$BOOT.tmp" "$src" \
    > "$CACHE/debootstrap.log" 2>&1 || { tail -n 15 "$CACHE/debootstrap.log" >&2; die "debootstrap failed (see $CACHE/debootstrap.log)"; }
  rm -f "$BOOT.tmp"/var/cache/apt/archives/*.deb   # 100 MB of downloaded .debs nothing needs again
  echo "$boot_key" > "$BOOT.tmp/.fleet-bootstrap"
  rm -rf --one-file-system "$BOOT"
  mv "$BOOT.tmp" "$BOOT"
  log "debootstrap done in $(since "$t0")s"
fi

log "customising the base rootfs (log: $CACHE/customize.log)"
rm -rf --one-file-system "$BASE.tmp"
cp -a "$BOOT" "$BASE.tmp"
rm -f "$BASE.tmp/.fleet-bootstrap"
in_chroot "$BASE.tmp" < "$FLEET_SH/base-customize.sh" > "$CACHE/customize.log" 2>&1 \
  || { tail -n 15 "$CACHE/customize.log" >&2; die "customising the base failed (see $CACHE/customize.log)"; }
echo "$base_key" > "$BASE.tmp/.fleet-base"
rm -rf --one-file-system "$BASE"
mv "$BASE.tmp" "$BASE"
ensure_devnull build-base
log "base rootfs ready in $(since "$t0")s ($(du -sh "$BASE" | cut -f1))"
