/**
 * Numbered schema migrations. Each runs inside one transaction together with the bump of
 * PRAGMA user_version, so a crash leaves the schema at the old version or the new one.
 * Append only: never edit a migration that has shipped.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';

export const migrations: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE credentials (
        id             TEXT PRIMARY KEY,
        name           TEXT NOT NULL UNIQUE COLLATE NOCASE,
        kind           TEXT NOT NULL CHECK (kind IN ('private-key', 'password')),
        secret         TEXT NOT NULL,          -- JSON: {privateKey, passphrase} or {password}
        key_type       TEXT,
        fingerprint    TEXT,
        comment        TEXT,
        has_passphrase INTEGER NOT NULL DEFAULT 0,
        created_at     TEXT NOT NULL
      );
      CREATE TABLE hosts (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
        address       TEXT NOT NULL,
        port          INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
        user          TEXT NOT NULL,
        auth          TEXT NOT NULL,
        credential_id TEXT REFERENCES credentials(id) ON DELETE RESTRICT,
        jump_host_id  TEXT REFERENCES hosts(id) ON DELETE RESTRICT,
        tags          TEXT NOT NULL DEFAULT '[]', -- JSON array, small: filtered in memory
        notes         TEXT NOT NULL DEFAULT '',
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );
      CREATE TABLE groups (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
        description TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL
      );
      CREATE TABLE host_groups (
        host_id  TEXT NOT NULL REFERENCES hosts(id) ON DELETE CASCADE,
        group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        PRIMARY KEY (host_id, group_id)
      );
      CREATE INDEX host_groups_group ON host_groups(group_id);
      CREATE TABLE known_host_keys (
        host        TEXT NOT NULL,
        port        INTEGER NOT NULL,
        key_type    TEXT NOT NULL,
        key         TEXT NOT NULL,             -- base64 of the SSH wire-format public key
        fingerprint TEXT NOT NULL,
        added_at    TEXT NOT NULL,
        PRIMARY KEY (host, port, key_type)
      );
    `,
  },
  {
    version: 2,
    sql: `
      -- One row per host per deep check. The facts are one JSON document: they are read whole
      -- (host page, drift, map) and never queried field by field.
      CREATE TABLE scans (
        id         TEXT PRIMARY KEY,
        run_id     TEXT NOT NULL,
        host_id    TEXT REFERENCES hosts(id) ON DELETE CASCADE,
        host_name  TEXT NOT NULL,
        started_at TEXT NOT NULL,
        status     TEXT NOT NULL CHECK (status IN ('ok', 'partial', 'failed')),
        data       TEXT NOT NULL
      );
      CREATE INDEX scans_host_time ON scans(host_id, started_at);
      CREATE INDEX scans_run ON scans(run_id);
    `,
  },
];

export const LATEST_VERSION = migrations[migrations.length - 1]?.version ?? 0;

export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_VERSION) {
    throw new Error(`This vault was written by a newer OpsDeck (schema ${current} > ${LATEST_VERSION}). Update OpsDeck to open it.`);
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
