#!/bin/sh
# Installs the Debian packages the lab harness needs on the machine (run as root; idempotent and
# quiet: it only calls apt-get when something is missing). Used by CI and by people trying the lab.
#   debootstrap, debian-archive-keyring, gpgv  build and verify the base rootfs
#   systemd-container                          systemd-nspawn
#   iproute2                                   ip (bridge, veth, network namespaces)
#   dpkg-dev                                   dpkg-scanpackages (the local apt repo)
#   openssh-client                             ssh, ssh-keygen (keys, roles, labExec)
#   util-linux                                 unshare, setsid, flock
set -eu
PKGS="debootstrap debian-archive-keyring gpgv systemd-container iproute2 dpkg-dev openssh-client util-linux"

[ "$(id -u)" = 0 ] || { echo "install-deps.sh: run as root" >&2; exit 1; }
missing=
for p in $PKGS; do
  dpkg-query -W -f '${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing="$missing $p"
done
[ -n "$missing" ] || exit 0
echo "install-deps.sh: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# no Recommends: dpkg-dev would pull in a whole compiler toolchain
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
