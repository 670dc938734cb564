# Turns a fresh debootstrap into the lab's base image. Runs inside a chroot of the
# new rootfs (see build-base.sh); changes here change the cache key, so the base is
# rebuilt on the next `lab:up` after a `lab:down`.
set -euxo pipefail

# --- ops: passwordless sudo, key login only (the key is injected per host at boot)
id ops >/dev/null 2>&1 || useradd -m -s /bin/bash -G sudo,adm,systemd-journal ops
usermod -p '*' ops                    # no password, but not locked (sshd refuses locked accounts)
install -d -m 700 -o ops -g ops /home/ops/.ssh
install -d -m 700 /root/.ssh
echo 'ops ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/90-fleet-ops
chmod 440 /etc/sudoers.d/90-fleet-ops

# --- sshd: keys only, no DNS lookups, room for many parallel test connections
cat > /etc/ssh/sshd_config.d/10-fleet.conf <<'EOF'
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UseDNS no
MaxStartups 100:30:200
MaxSessions 50
EOF
rm -f /etc/ssh/ssh_host_*             # each host gets its own, kept across down/up
mkdir -p /etc/systemd/system/ssh.service.d
cat > /etc/systemd/system/ssh.service.d/10-fleet-hostkeys.conf <<'EOF'
[Service]
# safety net in case the launcher did not inject host keys
ExecStartPre=
ExecStartPre=/usr/bin/ssh-keygen -A
ExecStartPre=/usr/sbin/sshd -t
EOF

# --- apt: only the lab's local repo (hosts have no route off the lab network)
rm -f /etc/apt/sources.list.d/*
echo 'deb [trusted=yes] file:/srv/fleet-repo ./' > /etc/apt/sources.list
echo 'Acquire::Languages "none";' > /etc/apt/apt.conf.d/90fleet
mkdir -p /srv/fleet-repo
rm -f /usr/sbin/policy-rc.d           # booted hosts: postinst starts services as on a real server
# no fsync per unpacked file (as Debian's container images do): halves `apt-get install
# postgresql`; a host's disk is thrown away on down anyway
echo force-unsafe-io > /etc/dpkg/dpkg.cfg.d/90-fleet-unsafe-io

# --- units that are useless in a container or would take the dpkg lock mid-test
for u in apt-daily.timer apt-daily-upgrade.timer apt-daily.service apt-daily-upgrade.service \
         e2scrub_all.timer e2scrub_reap.service fstrim.timer systemd-timesyncd.service; do
  ln -sf /dev/null "/etc/systemd/system/$u"
done

# --- locale, time, DNS (none: names come from /etc/hosts), journal size
echo 'LANG=C.UTF-8' > /etc/default/locale
ln -sf /usr/share/zoneinfo/Etc/UTC /etc/localtime
echo Etc/UTC > /etc/timezone
printf '# lab hosts have no DNS server; names come from /etc/hosts\noptions timeout:1 attempts:1\n' > /etc/resolv.conf
mkdir -p /etc/systemd/journald.conf.d
printf '[Journal]\nSystemMaxUse=32M\nRuntimeMaxUse=16M\n' > /etc/systemd/journald.conf.d/10-fleet.conf

# --- identity is per host (written by the launcher at every boot)
: > /etc/machine-id
rm -f /var/lib/dbus/machine-id
ln -s /etc/machine-id /var/lib/dbus/machine-id
echo fleet-base > /etc/hostname
rm -rf /var/log/journal/*
apt-get clean
rm -rf /var/lib/apt/lists/*
