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
  {
    version: 3,
    sql: `
      -- One row per applied import, so it can be undone as one step. undo is a JSON document of
      -- what the import added, changed (with the values before) and removed.
      CREATE TABLE import_batches (
        id         TEXT PRIMARY KEY,
        kind       TEXT NOT NULL,
        source     TEXT NOT NULL,
        created_at TEXT NOT NULL,
        undone_at  TEXT,
        counts     TEXT NOT NULL,
        undo       TEXT NOT NULL
      );
      CREATE INDEX import_batches_time ON import_batches(created_at);
    `,
  },
  {
    version: 4,
    sql: `
      -- Where the topology map draws each host group or external endpoint, so it does not jump
      -- between visits and rescans. node is 'host:<host id>' (host_id set, so a deleted host's row
      -- goes with it) or 'ext:<address>'. pinned = dragged by the user.
      CREATE TABLE map_positions (
        node       TEXT PRIMARY KEY,
        host_id    TEXT REFERENCES hosts(id) ON DELETE CASCADE,
        x          REAL NOT NULL,
        y          REAL NOT NULL,
        pinned     INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
        updated_at TEXT NOT NULL
      );
      CREATE INDEX map_positions_host ON map_positions(host_id);
      -- The map marks new and gone services and edges until the user acknowledges them: per host,
      -- the newest scan whose changes were seen.
      CREATE TABLE map_drift_acks (
        host_id         TEXT PRIMARY KEY REFERENCES hosts(id) ON DELETE CASCADE,
        scan_started_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 5,
    sql: `
      -- Terminals. Saved commands, per vault.
      CREATE TABLE snippets (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
        command    TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      -- Hosts whose terminal sessions are recorded even when recording is off globally.
      CREATE TABLE terminal_host_prefs (
        host_id TEXT PRIMARY KEY REFERENCES hosts(id) ON DELETE CASCADE,
        record  INTEGER NOT NULL CHECK (record IN (0, 1))
      );
      -- Session recordings (asciicast v2). They outlive the host on purpose (an audit trail), so
      -- host_id goes NULL on delete and the name and address at the time are kept. The events are
      -- gzip'd pages of asciicast lines in recording_pages, read page by page for replay.
      CREATE TABLE recordings (
        id          TEXT PRIMARY KEY,
        host_id     TEXT REFERENCES hosts(id) ON DELETE SET NULL,
        host_name   TEXT NOT NULL,
        address     TEXT NOT NULL,
        remote_user TEXT NOT NULL,
        local_user  TEXT NOT NULL,
        started_at  TEXT NOT NULL,
        ended_at    TEXT,
        duration_ms INTEGER NOT NULL DEFAULT 0,
        cols        INTEGER NOT NULL,
        rows        INTEGER NOT NULL,
        header      TEXT NOT NULL,
        bytes       INTEGER NOT NULL DEFAULT 0,
        truncated   INTEGER NOT NULL DEFAULT 0 CHECK (truncated IN (0, 1))
      );
      CREATE INDEX recordings_time ON recordings(started_at);
      CREATE INDEX recordings_host ON recordings(host_id);
      CREATE TABLE recording_pages (
        recording_id TEXT NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        page         INTEGER NOT NULL,
        data         BLOB NOT NULL,
        PRIMARY KEY (recording_id, page)
      );
    `,
  },
  {
    version: 6,
    sql: `
      -- Host keys never to trust again, for any host: a known_hosts file's @revoked lines, imported.
      -- A revoked key is a leaked private key, so it is refused everywhere (the engine checks this
      -- before it even looks for a trusted key, and never offers to trust one).
      CREATE TABLE revoked_host_keys (
        key         TEXT PRIMARY KEY,          -- base64 of the SSH wire-format public key
        key_type    TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        source      TEXT NOT NULL,             -- "known_hosts, line 12": where the revocation came from
        added_at    TEXT NOT NULL
      );
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
