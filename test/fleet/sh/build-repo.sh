#!/usr/bin/env bash
# Makes sure the cached local apt repository is current (keyed on the base image
# and packages.txt), then pre-fills the base's apt lists from it so a new host can
# `apt-get install X` without an `apt-get update` first.
. "$(dirname "$0")/lib.sh"
require_root
[ -f "$BASE/.fleet-base" ] || die "no base rootfs yet (run build-base.sh first)"

pkgs=$(sed -e 's/#.*//' "$FLEET_HOME/packages.txt" | tr -s ' \t\n' '\n' | sed '/^$/d' | sort -u | tr '\n' ' ')
key=$(printf '%s\n' "$(stamp "$BASE/.fleet-base")" "$FLEET_SUITE" "$pkgs" | sha256sum | cut -c1-16)

if [ "$(stamp "$REPO/.fleet-repo")" != "$key" ]; then
  if [ -d "$REPO" ] && [ -n "$(discover_hosts)" ]; then
    log "WARNING: local repo is out of date (packages.txt changed) but hosts exist; keeping it (lab:down, then lab:up rebuilds it)"
    exit 0
  fi
  t0=$(now)
  src=$(mirror); [ -n "$src" ] || die "no Debian mirror found in /etc/apt (set OPSDECK_FLEET_MIRROR)"
  log "building local apt repo from $src: $pkgs(log: $CACHE/repo-build.log)"
  B=$CACHE/builder
  rm -rf --one-file-system "$B" "$REPO.tmp"
  mkdir -p "$B/upper" "$B/work" "$B/root" "$REPO.tmp"
  # The builder is a throw-away overlay over the base: it has a fresh host's dpkg
  # status, so --download-only fetches exactly what a host is missing (Recommends too).
  unshare --mount --propagation private -- bash -s "$BASE" "$B" "$REPO.tmp" "$src" "$FLEET_SUITE" "$pkgs" \
    > "$CACHE/repo-build.log" 2>&1 <<'EOS' || { tail -n 20 "$CACHE/repo-build.log" >&2; die "downloading the repo packages failed (see $CACHE/repo-build.log)"; }
set -euxo pipefail
BASE=$1 B=$2 OUT=$3 MIRROR=$4 SUITE=$5 PKGS=$6
mount -t overlay overlay -o "lowerdir=$BASE,upperdir=$B/upper,workdir=$B/work" "$B/root"
R=$B/root
mount -t proc proc "$R/proc"
mount --bind "$OUT" "$R/srv/fleet-repo"
cp -L /etc/resolv.conf "$R/etc/resolv.conf"
echo "deb $MIRROR $SUITE main" > "$R/etc/apt/sources.list"
printf '#!/bin/sh\nexit 101\n' > "$R/usr/sbin/policy-rc.d"; chmod 755 "$R/usr/sbin/policy-rc.d"
run() { chroot "$R" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
run apt-get update -q
# shellcheck disable=SC2086
run apt-get install -y -q --download-only -o Dir::Cache::archives=/srv/fleet-repo/ $PKGS
EOS
  rm -rf "$REPO.tmp/partial" "$REPO.tmp/lock"
  (
    cd "$REPO.tmp"
    dpkg-scanpackages -m . /dev/null > Packages 2>/dev/null
    gzip -9kf Packages
    # a Release file keeps `apt-get update` in the hosts free of warnings
    {
      echo "Origin: opsdeck-fleet"; echo "Label: OpsDeck lab local repo"; echo "Suite: fleet"; echo "Codename: fleet"
      echo "Date: $(LC_ALL=C date -Ru)"; echo "Architectures: $(dpkg --print-architecture) all"
      echo "SHA256:"
      for f in Packages Packages.gz; do printf ' %s %s %s\n' "$(sha256sum < "$f" | cut -d' ' -f1)" "$(stat -c %s "$f")" "$f"; done
    } > Release
  )
  echo "$key" > "$REPO.tmp/.fleet-repo"
  rm -rf --one-file-system "$REPO" "$B"
  mv "$REPO.tmp" "$REPO"
  ensure_devnull build-repo
  log "local repo ready in $(since "$t0")s: $(find "$REPO" -name '*.deb' | wc -l) packages, $(du -sh "$REPO" | cut -f1)"
fi

if [ "$(stamp "$BASE/.fleet-lists")" != "$key" ]; then
  [ -z "$(discover_hosts)" ] || { log "WARNING: base apt lists are out of date but hosts exist; keeping them"; exit 0; }
  log "indexing the local repo into the base's apt lists"
  echo 'apt-get update -q && apt-get clean' | in_chroot "$BASE" "$REPO:/srv/fleet-repo" > "$CACHE/lists.log" 2>&1 \
    || { tail -n 15 "$CACHE/lists.log" >&2; die "apt-get update in the base failed (see $CACHE/lists.log)"; }
  echo "$key" > "$BASE/.fleet-lists"
fi
