# app: a small python HTTP service on :8080 under systemd, holding one persistent connection to
# PostgreSQL (db host) and one to Redis (cache host). A cron job for ops polls its health.
apt_install python3-psycopg2 python3-redis
id fleetapp >/dev/null 2>&1 || useradd --system --home-dir /opt/fleet-app --shell /usr/sbin/nologin fleetapp
install -d -m 755 /opt/fleet-app
install -m 755 "$FLEET_FILES/fleet-app.py" /opt/fleet-app/app.py
cat > /etc/fleet-app.env <<ENV
LISTEN_PORT=8080
DB_HOST=$DB_IP
DB_PORT=5432
DB_NAME=app
DB_USER=app
DB_PASSWORD=app-secret
REDIS_HOST=$CACHE_IP
REDIS_PORT=6379
REDIS_PASSWORD=redis-secret
ENV
chown root:fleetapp /etc/fleet-app.env
chmod 640 /etc/fleet-app.env
install -m 644 "$FLEET_FILES/fleet-app.service" /etc/systemd/system/fleet-app.service
systemctl daemon-reload
systemctl enable -q fleet-app.service
systemctl restart fleet-app.service
# a user crontab, so discovery finds cron jobs outside /etc too
echo '*/5 * * * * curl -fsS -m 5 -o /dev/null http://127.0.0.1:8080/health || logger -t fleet-app "health check failed"' \
  | crontab -u ops -
