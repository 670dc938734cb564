# Sent ahead of every role script (after the variables roles.ts sets: HOST, ROLE, MY_IP,
# WEB_IP, APP_IP, DB_IP, CACHE_IP, LAB_NET, FLEET_FILES). Role scripts must be safe to run
# again: a failed `lab:up` re-applies the role on the next one.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 LANG=C.UTF-8

# apt from the local repo; waits for the dpkg lock rather than failing on it
apt_install() { apt-get install -y -q -o DPkg::Lock::Timeout=120 "$@"; }
