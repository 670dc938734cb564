# cache: Redis on all addresses, password required (the app authenticates).
apt_install redis-server
sed -i -e 's/^bind .*/bind 0.0.0.0 -::1/' \
       -e 's/^# *requirepass .*/requirepass redis-secret/' /etc/redis/redis.conf
grep -q '^requirepass redis-secret' /etc/redis/redis.conf
systemctl restart redis-server
systemctl is-active -q redis-server
