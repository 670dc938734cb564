#!/usr/bin/env bash
# The lab network: a bridge at $FLEET_GATEWAY and, per host, a network namespace
# with a veth into it. The machine does no forwarding or NAT, and the hosts'
# default route is "unreachable", so no host packet is addressed off the lab subnet.
#
#   net.sh up HOST ADDRESS    bridge + the host's netns/veth/address (idempotent)
#   net.sh down HOST          remove the host's netns and veth
#   net.sh bridge-down        remove the bridge
. "$(dirname "$0")/lib.sh"
require_root

bridge_up() {
  ip link show "$FLEET_BRIDGE" >/dev/null 2>&1 || ip link add "$FLEET_BRIDGE" type bridge
  ip -4 addr show dev "$FLEET_BRIDGE" | grep -q "inet $FLEET_GATEWAY/" \
    || ip addr add "$FLEET_GATEWAY/$FLEET_PREFIXLEN" dev "$FLEET_BRIDGE"
  ip link set "$FLEET_BRIDGE" up
}

host_down() {
  ip netns del "$(host_netns "$1")" 2>/dev/null || true   # also destroys the veth pair
  ip link del "$(host_veth "$1")" 2>/dev/null || true
}

host_ok() { # the netns exists, eth0 has the address, the veth is up on the bridge
  ip -n "$(host_netns "$1")" -4 addr show dev eth0 2>/dev/null | grep -q "inet $2/" \
    && ip link show "$(host_veth "$1")" 2>/dev/null | grep -q "master $FLEET_BRIDGE .*state UP"
}

host_up() {
  local h=$1 addr=$2 ns veth; ns=$(host_netns "$1") veth=$(host_veth "$1")
  host_ok "$h" "$addr" && return 0
  host_down "$h"                                   # half-made (crash) or stale after a reboot
  ip netns add "$ns"
  ip link add "$veth" type veth peer name eth0 netns "$ns"
  ip link set "$veth" master "$FLEET_BRIDGE" up
  # nspawn with --network-namespace-path does not bring lo up itself
  ip -n "$ns" link set lo up
  ip -n "$ns" addr add "$addr/$FLEET_PREFIXLEN" dev eth0
  ip -n "$ns" link set eth0 up
  ip -n "$ns" route add unreachable default
  ip -n "$ns" -6 route add unreachable default 2>/dev/null || true
}

case "${1:-}" in
  up) [ $# = 3 ] || die "usage: net.sh up HOST ADDRESS"
      LOG_HOST=$2; bridge_up || die "cannot create bridge $FLEET_BRIDGE"
      host_up "$2" "$3" || die "cannot set up network namespace $(host_netns "$2")" ;;
  down) [ $# = 2 ] || die "usage: net.sh down HOST"; host_down "$2" ;;
  bridge-down) ip link del "$FLEET_BRIDGE" 2>/dev/null || true ;;
  *) sed -n '2,9p' "$0" >&2; exit 2 ;;
esac
