# db: PostgreSQL listening on this host's address; role and database "app" for the app host,
# with a small table so migrations have data to carry.
apt_install postgresql
PGV=$(ls /etc/postgresql | sort -V | tail -n 1)
C=/etc/postgresql/$PGV/main
echo "listen_addresses = 'localhost, $MY_IP'" > "$C/conf.d/10-fleet.conf"
grep -q '# fleet-app$' "$C/pg_hba.conf" || echo "host app app $LAB_NET scram-sha-256 # fleet-app" >> "$C/pg_hba.conf"
systemctl restart "postgresql@$PGV-main"
cd /tmp
runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 <<'SQL'
SELECT 'CREATE ROLE app LOGIN PASSWORD ''app-secret''' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'app')\gexec
SELECT 'CREATE DATABASE app OWNER app' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'app')\gexec
SQL
runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -d app <<'SQL'
CREATE TABLE IF NOT EXISTS items (id serial PRIMARY KEY, name text NOT NULL);
ALTER TABLE items OWNER TO app;
INSERT INTO items (name) SELECT 'item ' || g FROM generate_series(1, 100) g WHERE NOT EXISTS (SELECT FROM items);
SQL
