# web: nginx reverse proxy to the app host (HTTP on 80, HTTPS on 443 with a self-signed
# certificate valid 30 days), upstream keepalive so the web -> app connection stays
# established, a load generator for steady traffic, and a cron job that watches the certificate.
apt_install nginx
CRT=/etc/ssl/certs/fleet-web.pem KEY=/etc/ssl/private/fleet-web.key
if [ ! -s "$CRT" ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -keyout "$KEY" -out "$CRT" \
    -subj "/CN=$HOST.fleet.test/O=OpsDeck lab" \
    -addext "subjectAltName=DNS:$HOST.fleet.test,DNS:$HOST,IP:$MY_IP" 2>/dev/null
  chmod 600 "$KEY"
fi
cat > /etc/nginx/sites-available/fleet-app <<NGINX
upstream fleet_app {
    server $APP_IP:8080;
    keepalive 4;
    keepalive_timeout 1h;   # keep the idle upstream connection, so discovery sees web -> app
}
server {
    listen 80 default_server;
    listen 443 ssl default_server;
    server_name $HOST.fleet.test $HOST _;
    ssl_certificate $CRT;
    ssl_certificate_key $KEY;
    location / {
        proxy_pass http://fleet_app;
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
}
NGINX
rm -f /etc/nginx/sites-enabled/default
ln -sfn ../sites-available/fleet-app /etc/nginx/sites-enabled/fleet-app
nginx -t -q
systemctl reload-or-restart nginx
install -m 644 "$FLEET_FILES/fleet-loadgen.service" /etc/systemd/system/fleet-loadgen.service
systemctl daemon-reload
systemctl enable -q fleet-loadgen.service
systemctl restart fleet-loadgen.service
cat > /etc/cron.d/fleet-cert-check <<'CRON'
# warn in the journal when the web certificate expires within 14 days
17 3 * * * root openssl x509 -checkend 1209600 -noout -in /etc/ssl/certs/fleet-web.pem >/dev/null || logger -t fleet-cert "fleet-web.pem expires within 14 days"
CRON
