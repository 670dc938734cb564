#!/usr/bin/env python3
"""OpsDeck lab demo app.

HTTP/1.1 on $LISTEN_PORT (keep-alive, so nginx can hold its upstream connection open). Keeps ONE
persistent connection to PostgreSQL and ONE to Redis: checked every 10 s, retried every 2 s while
down, so the app -> db and app -> cache edges are always visible to discovery.
GET /health -> "ok"; GET / -> JSON with host, db time and address, item count, hit counter.
"""
import json
import logging
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import psycopg2
import redis

env = os.environ.get
logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
log = logging.getLogger("fleet-app")


class Backends:
    """The two persistent backend connections, shared by all request threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.pg = None
        self.rd = None

    def _pg(self):
        if self.pg is None or self.pg.closed:
            self.pg = psycopg2.connect(
                host=env("DB_HOST"), port=int(env("DB_PORT", "5432")), dbname=env("DB_NAME"),
                user=env("DB_USER"), password=env("DB_PASSWORD"), connect_timeout=3,
                application_name="fleet-app", keepalives=1, keepalives_idle=30)
            self.pg.autocommit = True
            log.info("connected to postgres %s:%s", env("DB_HOST"), env("DB_PORT", "5432"))
        return self.pg

    def _rd(self):
        if self.rd is None:
            rd = redis.Redis(
                host=env("REDIS_HOST"), port=int(env("REDIS_PORT", "6379")),
                password=env("REDIS_PASSWORD") or None, socket_timeout=3,
                socket_connect_timeout=3, socket_keepalive=True)
            rd.ping()
            self.rd = rd
            log.info("connected to redis %s:%s", env("REDIS_HOST"), env("REDIS_PORT", "6379"))
        return self.rd

    def check(self, count=False):
        out = {"host": os.uname().nodename}
        with self.lock:
            try:
                cur = self._pg().cursor()
                cur.execute("SELECT now()::text, inet_server_addr()::text, (SELECT count(*) FROM items)")
                out["db_time"], out["db_addr"], out["items"] = cur.fetchone()
            except Exception as e:  # noqa: BLE001 - report and reconnect on any failure
                out["db_error"] = str(e).strip()
                log.warning("postgres: %s", out["db_error"])
                try:
                    if self.pg is not None:
                        self.pg.close()
                except Exception:  # noqa: BLE001
                    pass
                self.pg = None
            try:
                rd = self._rd()
                out["hits"] = rd.incr("fleet-app:hits") if count else int(rd.get("fleet-app:hits") or 0)
            except Exception as e:  # noqa: BLE001
                out["redis_error"] = str(e)
                log.warning("redis: %s", e)
                self.rd = None
        return out


backends = Backends()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path == "/health":
            code, ctype, body = 200, "text/plain", b"ok\n"
        else:
            r = backends.check(count=True)
            code = 503 if "db_error" in r or "redis_error" in r else 200
            ctype, body = "application/json", (json.dumps(r) + "\n").encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        log.info("%s %s", self.address_string(), fmt % args)


def keeper():
    while True:
        r = backends.check()
        time.sleep(2 if "db_error" in r or "redis_error" in r else 10)


if __name__ == "__main__":
    threading.Thread(target=keeper, daemon=True).start()
    port = int(env("LISTEN_PORT", "8080"))
    log.info("listening on :%d", port)
    ThreadingHTTPServer(("0.0.0.0", port), Handler).serve_forever()
