#!/usr/bin/env bash
# Lifecycle of one host.
#
#   host.sh prepare HOST ROLE   identity (ssh host keys, machine-id; kept across down/up
#                               so known_hosts stays valid) and empty overlay dirs
#   host.sh start HOST          boot it (no-op when running); its disk is kept
#   host.sh stop HOST           clean poweroff; SIGKILL to what is left in its cgroup
#   host.sh state [HOST...]     "HOST STATE" lines (no HOST: every host found on the machine)
#   host.sh mem HOST...         "HOST PSS_KiB RSS_KiB NPROCS" over the host's processes
. "$(dirname "$0")/lib.sh"

prepare() {
  local h=$1 I=$KEYS/hosts/$1 t
  [ -s "$KEYS/id_ed25519" ] || die "no client key $KEYS/id_ed25519"
  if [ ! -s "$I/machine-id" ]; then
    rm -rf "$I" "$I.tmp"; mkdir -p "$I.tmp"
    for t in ed25519 ecdsa rsa; do ssh-keygen -q -t "$t" -N '' -C "root@$h" -f "$I.tmp/ssh_host_${t}_key"; done
    tr -d - < /proc/sys/kernel/random/uuid > "$I.tmp/machine-id"
    mv "$I.tmp" "$I"
  fi
  mkdir -p "$STATE/$h/upper" "$STATE/$h/work" "$STATE/$h/root"
  echo "$2" > "$STATE/$h/role"
}

start() {
  local h=$1 i
  [ -d "$STATE/$h/upper" ] || die "not prepared (no $STATE/$h)"
  [ -f "$STATE/etc-hosts" ] || die "no $STATE/etc-hosts"
  [ -z "$(launcher_pid "$h")" ] || { log "already running"; return 0; }
  ensure_devnull start
  kill_host_cgroup "$h"      # leftovers of a crashed launcher (only ever our own cgroup)
  rm -f "$STATE/$h/launcher.pid" "$STATE/$h/nspawn.pid"
  # setsid: survives the caller; 9>&-: never inherit a lock fd; stdout goes to the console log
  setsid unshare --mount --propagation private -- bash "$FLEET_SH/launch.sh" "$DIR" "$h" \
    < /dev/null >> "$STATE/$h/console.log" 2>&1 9>&- &
  for i in $(seq 1 100); do
    [ -n "$(launcher_pid "$h")" ] && return 0
    sleep 0.05
  done
  tail -n 20 "$STATE/$h/console.log" >&2 || true
  die "launcher did not start (see $STATE/$h/console.log)"
}

mem() {
  local h p pss rss n a b
  for h in "$@"; do
    pss=0 rss=0 n=0
    for p in $(host_cg_pids "$h"); do
      read -r a b < <(awk '/^Pss:/{p=$2} /^Rss:/{r=$2} END{print p+0, r+0}' "/proc/$p/smaps_rollup" 2>/dev/null || echo "0 0")
      pss=$((pss + a)) rss=$((rss + b)) n=$((n + 1))
    done
    echo "$h $pss $rss $n"
  done
}

cmd=${1:-}; shift || true
case "$cmd" in
  prepare) require_root; [ $# = 2 ] || die "usage: host.sh prepare HOST ROLE"; LOG_HOST=$1; prepare "$1" "$2" ;;
  start)   require_root; [ $# = 1 ] || die "usage: host.sh start HOST"; LOG_HOST=$1; start "$1" ;;
  stop)    require_root; [ $# = 1 ] || die "usage: host.sh stop HOST"; LOG_HOST=$1; stop_hosts "$1" ;;
  state)   if [ $# = 0 ]; then set -- $(discover_hosts); fi
           for h in "$@"; do echo "$h $(host_state "$h")"; done ;;
  mem)     mem "$@" ;;
  *) sed -n '2,10p' "$0" >&2; exit 2 ;;
esac
