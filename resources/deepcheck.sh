# OpsDeck deep check: one read-only, batched POSIX sh script per host.
#
# Sent over stdin to `/bin/sh -s -- NONCE` (electron/core/ssh/exec.ts). It runs under dash, bash
# and busybox ash, on Debian/Ubuntu, RHEL-family and Alpine, as root (directly or via sudo -n) or
# unprivileged; what it could not see is reported, never guessed. It writes nothing on the host.
#
# Output: sections, each starting with a line "@@NONCE name"; inside a section, "## name" lines
# start sub-blocks. "@@NONCE! kind detail" lines are notes (denied, timeout, error) and may appear
# anywhere. The nonce makes the delimiters impossible to hit by accident in file contents.
#
# Everything runs inside main(), called on the last line with stdin from /dev/null: the shell must
# read the whole script before running any of it (a dropped connection never runs half a scan),
# and no command can swallow the rest of the script by reading stdin.

M="@@${1:-opsdeck}"

sec() { printf '%s %s\n' "$M" "$1"; }
note() { printf '\n%s! %s\n' "$M" "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

# t SECONDS CMD...: run under `timeout` when there is one (GNU: `timeout N`, old busybox: `timeout -t N`).
t() {
  _n=$1; shift
  if [ -z "$TO" ]; then "$@"; return $?; fi
  $TO "$_n" "$@"; _r=$?
  if [ "$_r" = 124 ] || [ "$_r" = 143 ]; then note timeout "$1"; fi
  return $_r
}

# Print non-comment, non-blank lines of readable files, each under a "## [prefix]path" header.
dump() {
  _p=$1; shift
  for _f in "$@"; do
    [ -f "$_f" ] || continue
    if [ -r "$_f" ]; then echo "## $_p$_f"; grep -v -E '^[[:space:]]*(#|$)' "$_f"; else note denied "$_f"; fi
  done
}

scan_os() {
  sec os.release
  for f in /etc/os-release /usr/lib/os-release; do [ -r "$f" ] && { cat "$f"; break; }; done
  for f in /etc/debian_version /etc/redhat-release /etc/alpine-release; do [ -r "$f" ] && echo "FILE_${f##*/}=\"$(cat "$f")\""; done

  sec os.kernel
  echo "kernel=$(uname -r)"
  echo "arch=$(uname -m)"
  echo "hostname=$(cat /proc/sys/kernel/hostname 2>/dev/null || hostname)"
  echo "fqdn=$(t 3 hostname -f 2>/dev/null)"
  echo "machine_id=$(cat /etc/machine-id 2>/dev/null)"
  echo "init=$(cat /proc/1/comm 2>/dev/null)"
  have systemd-detect-virt && echo "virt=$(systemd-detect-virt 2>/dev/null)"
  [ -r /run/systemd/container ] && echo "container=$(cat /run/systemd/container)"
  [ -e /.dockerenv ] && echo "container=docker"
  [ -e /run/.containerenv ] && echo "container=podman"
  for f in sys_vendor product_name; do [ -r /sys/class/dmi/id/$f ] && echo "dmi_$f=$(cat /sys/class/dmi/id/$f 2>/dev/null)"; done

  sec uptime
  cat /proc/uptime /proc/loadavg 2>/dev/null
}

scan_hardware() {
  sec hw.cpu
  echo "count=$(grep -c '^processor' /proc/cpuinfo 2>/dev/null)"
  grep -m1 -E '^(model name|Hardware|cpu model|Processor)[[:space:]]*:' /proc/cpuinfo 2>/dev/null
  sec hw.mem
  grep -E '^(MemTotal|MemAvailable|SwapTotal|SwapFree):' /proc/meminfo 2>/dev/null
}

scan_disks() {
  sec disk.df
  t 10 df -Pk 2>/dev/null
  sec disk.inodes
  t 10 df -Pi 2>/dev/null
  sec disk.mounts
  cat /proc/mounts 2>/dev/null
}

scan_network() {
  sec net.addr
  if have ip; then echo "## ip"; ip -o addr 2>/dev/null; echo "## link"; ip -o link 2>/dev/null
  else echo "## ifconfig"; ifconfig -a 2>/dev/null; fi
  sec net.route
  if have ip; then echo "## ip"; ip route 2>/dev/null; else echo "## proc"; cat /proc/net/route 2>/dev/null; fi
  sec net.dns
  grep -E '^[[:space:]]*(nameserver|search|domain)[[:space:]]' /etc/resolv.conf 2>/dev/null
  sec net.ports
  cat /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null
}

scan_packages() {
  if have dpkg-query; then
    sec pkg.dpkg
    t 20 dpkg-query -W -f='${db:Status-Abbrev}\t${Package}\t${Version}\t${Architecture}\n' 2>/dev/null
  fi
  # busybox ships an `rpm` applet: trust rpm only where an rpm database exists.
  if have rpm && { [ -d /var/lib/rpm ] || [ -d /usr/lib/sysimage/rpm ]; }; then
    sec pkg.rpm
    t 20 rpm -qa --qf '%{NAME}\t%|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE}\t%{ARCH}\n' 2>/dev/null
  fi
  if have apk; then
    sec pkg.apk
    t 20 apk info -v 2>/dev/null
  fi
}

scan_services() {
  if have systemctl && [ -d /run/systemd/system ]; then
    sec svc.systemd
    t 10 systemctl list-units --type=service --all --no-legend --no-pager --plain 2>/dev/null
    # Enabled = linked into a target's .wants directory. `systemctl list-unit-files` would say the
    # same but makes systemd read every unit file on disk (0.5 s+ on small hosts): one ls is enough.
    sec svc.systemd.wants
    ls -1 /etc/systemd/system/*.wants /usr/lib/systemd/system/*.wants /lib/systemd/system/*.wants 2>/dev/null
    sec svc.systemd.failed
    t 10 systemctl list-units --state=failed --all --no-legend --no-pager --plain 2>/dev/null
    sec svc.timers
    t 10 systemctl list-timers --all --no-legend --no-pager 2>/dev/null
  elif have rc-status; then
    sec svc.openrc
    t 10 rc-status -s 2>/dev/null
    sec svc.openrc.enabled
    t 10 rc-update show -v 2>/dev/null
  elif have service; then
    sec svc.sysv
    t 10 service --status-all 2>&1
  fi
}

scan_processes() {
  sec proc.ps
  # procps first (numeric uid, elapsed seconds, unlimited width); busybox builds vary, so fall back.
  if _o=$(ps -ww -eo pid,ppid,uid,rss,etimes,args 2>/dev/null) && [ -n "$_o" ]; then printf '%s\n' "$_o"
  elif _o=$(ps -o pid,ppid,user,rss,args 2>/dev/null) && [ -n "$_o" ]; then printf '%s\n' "$_o"
  elif _o=$(ps -o pid,ppid,user,args 2>/dev/null) && [ -n "$_o" ]; then printf '%s\n' "$_o"
  else ps 2>/dev/null; fi
  sec proc.cgroup
  grep -H -E '^(0::|[0-9]+:name=systemd:)' /proc/[0-9]*/cgroup 2>/dev/null
  sec proc.exe
  ls -l /proc/[0-9]*/exe 2>/dev/null
  [ "$ROOT" = 1 ] || note denied proc.exe
}

scan_sockets() {
  sec net.sockets
  if have ss; then
    echo "## ss"
    SOCK=$(t 10 ss -tuanpe 2>/dev/null | head -n 50000)
    printf '%s\n' "$SOCK"
  elif have netstat; then
    echo "## netstat"
    SOCK=$(t 10 netstat -tuanp 2>/dev/null | head -n 50000)
    [ -n "$SOCK" ] || SOCK=$(t 10 netstat -tuan 2>/dev/null | head -n 50000)
    printf '%s\n' "$SOCK"
  else
    for f in tcp tcp6 udp udp6; do echo "## proc $f"; cat /proc/net/$f 2>/dev/null; done
    echo "## fdmap"
    ls -l /proc/[0-9]*/fd 2>/dev/null | grep -E '^/proc|socket:'
  fi
  [ "$ROOT" = 1 ] || note denied sockets.processes

  # Packages owning the binaries of listening processes: versions for services we cannot name.
  sec pkg.owners
  _pids=$(printf '%s\n' "$SOCK" | grep -E 'LISTEN|UNCONN|^udp' | grep -oE 'pid=[0-9]+|[0-9]+/' | tr -dc '0-9\n' | sort -u)
  _exes=$(for p in $_pids; do readlink "/proc/$p/exe" 2>/dev/null; echo; done | grep -v '^$' | sed 's/ (deleted)$//' | sort -u)
  [ -n "$_exes" ] || return 0
  if have dpkg-query; then t 10 dpkg -S $_exes 2>/dev/null
  elif have rpm && { [ -d /var/lib/rpm ] || [ -d /usr/lib/sysimage/rpm ]; }; then
    for e in $_exes; do printf '%s: %s\n' "$(rpm -qf --qf '%{NAME}' "$e" 2>/dev/null)" "$e"; done
  elif have apk; then
    for e in $_exes; do apk info -W "$e" 2>/dev/null; done
  fi
}

scan_scheduled() {
  sec cron
  dump "" /etc/crontab /etc/anacrontab /etc/cron.d/*
  for d in /var/spool/cron/crontabs /var/spool/cron /etc/crontabs; do
    [ -d "$d" ] || continue
    if [ -r "$d" ] && [ -x "$d" ]; then
      for f in "$d"/*; do [ -f "$f" ] && dump "user:${f##*/} " "$f"; done
    else note denied "cron.users"; fi
  done
  for d in /etc/cron.hourly /etc/cron.daily /etc/cron.weekly /etc/cron.monthly /etc/periodic/*; do
    [ -d "$d" ] && echo "## periodic:$d $(ls "$d" 2>/dev/null | tr '\n' ' ')"
  done
}

scan_users() {
  sec users.passwd
  cat /etc/passwd 2>/dev/null
  sec users.group
  cat /etc/group 2>/dev/null
  sec users.sudo
  if [ -r /etc/sudoers ]; then dump "" /etc/sudoers /etc/sudoers.d/*
  elif [ -e /etc/sudoers ]; then note denied sudoers; fi
}

scan_sshd() {
  sec sshd
  if [ "$ROOT" = 1 ] && have sshd && _o=$(t 5 sshd -T 2>/dev/null) && [ -n "$_o" ]; then
    echo "## sshd -T"; printf '%s\n' "$_o"
  else
    echo "## config"
    dump "" /etc/ssh/sshd_config /etc/ssh/sshd_config.d/*.conf
  fi
}

scan_containers() {
  sec containers
  _fmt='{{.ID}}\t{{.Image}}\t{{.Names}}\t{{.Status}}\t{{.Ports}}'
  for rt in docker podman; do
    have $rt || continue
    if _o=$(t 10 $rt ps -a --no-trunc --format "$_fmt" 2>/dev/null); then echo "## $rt"; printf '%s\n' "$_o"
    elif [ "$ROOT" = 1 ]; then note error "containers.$rt"
    else note denied "containers.$rt"; fi
  done
}

# Server certificates named in web server configs and under /etc/letsencrypt. Only the first
# CERTIFICATE block of each file is printed: never key material, even from combined PEM files.
scan_certs() {
  sec tls
  {
    for d in /etc/nginx /etc/apache2 /etc/httpd; do
      [ -d "$d" ] || continue
      src=nginx; [ "$d" = /etc/nginx ] || src=apache
      grep -rhE '^[[:space:]]*(ssl_certificate|SSLCertificateFile)[[:space:]]' "$d" 2>/dev/null \
        | sed -E 's/^[[:space:]]*[A-Za-z_]+[[:space:]]+"?([^";[:space:]]+).*/\1/' \
        | while read -r p; do case "$p" in /*) echo "$src $p";; *'$'*) ;; *) echo "$src $d/$p";; esac; done
    done
    if [ -d /etc/haproxy ]; then
      grep -rhE '^[[:space:]]*bind[[:space:]].*[[:space:]]crt[[:space:]]' /etc/haproxy 2>/dev/null \
        | sed -E 's/.*[[:space:]]crt[[:space:]]+([^[:space:]]+).*/\1/' \
        | while read -r p; do if [ -d "$p" ]; then for f in "$p"/*; do echo "haproxy $f"; done; else echo "haproxy $p"; fi; done
    fi
    if [ -d /etc/letsencrypt/live ]; then
      if [ -r /etc/letsencrypt/live ] && [ -x /etc/letsencrypt/live ]; then
        for f in /etc/letsencrypt/live/*/cert.pem; do [ -e "$f" ] && echo "letsencrypt $f"; done
      else note denied letsencrypt; fi
    fi
  } | sort -u -k2 | head -n 200 | while read -r src f; do
    [ -f "$f" ] || continue
    if [ -r "$f" ]; then
      echo "## $src $f"
      awk '/-----BEGIN CERTIFICATE-----/{p=1} p{print} /-----END CERTIFICATE-----/{if(p) exit}' "$f"
    else note denied "tls:$f"; fi
  done
}

# Pending updates from the local package cache only: nothing is refreshed or downloaded.
scan_updates() {
  if have apt; then
    # `apt list --upgradable` needs no solver run: several times faster than `apt-get -s upgrade`.
    echo "## apt"
    t 20 apt list --upgradable 2>/dev/null | grep -v '^Listing'
    ls /var/lib/apt/lists/ 2>/dev/null | grep -q '_Packages' || note error updates.nocache
  elif have dnf; then
    echo "## dnf"
    t 30 dnf -C -q --assumeno check-update 2>/dev/null
    echo "## dnf.security"
    t 30 dnf -C -q updateinfo list --security --available 2>/dev/null
  elif have yum; then
    echo "## yum"
    t 30 yum -C -q check-update 2>/dev/null
  elif have apk; then
    echo "## apk"
    t 20 apk --no-network version -l '<' 2>/dev/null
  fi
}

main() {
  export LC_ALL=C LANG=C
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  umask 077
  ROOT=0; [ "$(id -u)" = 0 ] && ROOT=1
  TO=""
  if have timeout; then
    if timeout 5 true 2>/dev/null; then TO="timeout"; elif timeout -t 5 true 2>/dev/null; then TO="timeout -t"; fi
  fi
  SOCK=""

  sec meta
  echo "version=1"
  echo "uid=$(id -u)"
  echo "user=$(id -un 2>/dev/null)"
  echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "ssh_connection=${SSH_CONNECTION:-}"
  printf 'tools='
  for c in ss netstat ip ifconfig systemctl rc-status service dpkg-query rpm apk docker podman timeout sudo sshd apt-get dnf yum; do
    have $c && printf '%s ' "$c"
  done
  echo

  # The update check is the slow step (a package manager reading its whole cache): it runs
  # concurrently, writing into a pipe that is emptied once everything else has been printed.
  scan_updates | {
    { scan_os; scan_hardware; scan_disks; scan_network; scan_packages; scan_services; scan_processes; scan_sockets
      scan_scheduled; scan_users; scan_sshd; scan_containers; scan_certs; } </dev/null
    sec updates
    cat
  }
  sec end
}

main "$@" </dev/null
