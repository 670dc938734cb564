/**
 * Applying a plan and undoing it. Apply runs every operation inside one transaction through the
 * vault's own repositories (so their rules hold: names, references, jump cycles) and records what
 * it did in `import_batches`; any refusal rolls everything back. Undo reverses one batch as one
 * transaction, and refuses, changing nothing, when something the import touched was changed since
 * (undoing then would silently throw away the user's later work).
 */
import { z } from 'zod';
import type { ImportBatch, ImportCounts, ImportKind } from '../../../shared/contract/transfer';
import { HostInput, HostPatch, OpsError, type AuthMethod } from '../../../shared/model';
import type { Core } from '../api';
import { fingerprintSha256 } from '../ssh/fingerprint';
import { newId, now } from '../vault/repos/ids';
import type { Op } from './planner';

const Snapshot = z.object({
  address: z.string(),
  port: z.number(),
  user: z.string(),
  auth: z.string(),
  credentialId: z.string().nullable(),
  jumpHostId: z.string().nullable(),
  tags: z.array(z.string()),
  groups: z.array(z.string()),
  notes: z.string(),
});

const StoredKeyRow = z.object({
  host: z.string(),
  port: z.number(),
  keyType: z.string(),
  key: z.string(),
  fingerprint: z.string(),
  addedAt: z.string(),
});

const UndoData = z.object({
  credentialsAdded: z.array(z.object({ id: z.string(), name: z.string() })),
  groupsAdded: z.array(z.object({ id: z.string(), name: z.string() })),
  /** `after`: the host as the import left it (see stateOf); undo compares it with the host now. */
  hostsAdded: z.array(z.object({ id: z.string(), name: z.string(), after: z.string() })),
  hostsUpdated: z.array(z.object({ id: z.string(), name: z.string(), after: z.string(), before: Snapshot })),
  hostKeysAdded: z.array(StoredKeyRow),
  hostKeysRemoved: z.array(StoredKeyRow),
  /** base64 keys this import revoked (absent in records made before revocations were stored). */
  hostKeysRevoked: z.array(z.string()).default([]),
});
type UndoData = z.infer<typeof UndoData>;

interface BatchRow {
  id: string;
  kind: ImportKind;
  source: string;
  created_at: string;
  undone_at: string | null;
  counts: string;
  undo: string;
}

function toBatch(r: BatchRow): ImportBatch {
  return {
    id: r.id,
    kind: r.kind,
    source: r.source,
    createdAt: r.created_at,
    undoneAt: r.undone_at,
    counts: JSON.parse(r.counts) as ImportCounts,
  };
}

export function listBatches(core: Core, limit = 20): ImportBatch[] {
  return (
    core.vault.db().prepare('SELECT * FROM import_batches ORDER BY created_at DESC, rowid DESC LIMIT ?').all(limit) as BatchRow[]
  ).map(toBatch);
}

/** A host's content (not its timestamps) as one string: equal strings, same host. Null when it is gone. */
function stateOf(db: ReturnType<Core['vault']['db']>, id: string): string | null {
  const row = db
    .prepare('SELECT name, address, port, user, auth, credential_id, jump_host_id, tags, notes FROM hosts WHERE id = ?')
    .get(id) as Record<string, unknown> | undefined;
  if (!row) return null;
  const groups = (db.prepare('SELECT group_id FROM host_groups WHERE host_id = ? ORDER BY group_id').all(id) as { group_id: string }[]).map(
    (g) => g.group_id,
  );
  return JSON.stringify({ ...row, groups });
}

interface KeyRow {
  host: string;
  port: number;
  key_type: string;
  key: string;
  fingerprint: string;
  added_at: string;
}

/** Runs the plan's operations in one transaction; returns the batch, or null when there was nothing to do. */
export function applyOps(
  core: Core,
  ops: readonly Op[],
  meta: { kind: ImportKind; source: string; counts: ImportCounts },
): ImportBatch | null {
  if (ops.length === 0) return null;
  const db = core.vault.db();
  const undo: UndoData = {
    credentialsAdded: [],
    groupsAdded: [],
    hostsAdded: [],
    hostsUpdated: [],
    hostKeysAdded: [],
    hostKeysRemoved: [],
    hostKeysRevoked: [],
  };
  const hostRow = db.prepare('SELECT id, credential_id AS credentialId, jump_host_id AS jumpHostId FROM hosts WHERE name = ?');
  const id = newId();
  const createdAt = now();
  db.transaction(() => {
    for (const op of ops) {
      switch (op.op) {
        case 'add-credential': {
          const c = core.credentials.add({
            kind: 'private-key',
            name: op.name,
            privateKey: op.privateKey,
            ...(op.passphrase ? { passphrase: op.passphrase } : {}),
          });
          undo.credentialsAdded.push({ id: c.id, name: c.name });
          break;
        }
        case 'add-group': {
          const g = core.groups.add(op.name, '');
          undo.groupsAdded.push({ id: g.id, name: g.name });
          break;
        }
        case 'add-host': {
          const h = core.hosts.add(HostInput.parse({ name: op.name, ...op.fields }));
          undo.hostsAdded.push({ id: h.id, name: h.name, after: '' });
          break;
        }
        case 'update-host': {
          const before = core.hosts.get(op.name);
          const refs = hostRow.get(op.name) as { id: string; credentialId: string | null; jumpHostId: string | null };
          core.hosts.update(op.name, HostPatch.parse(op.fields));
          undo.hostsUpdated.push({
            id: before.id,
            name: before.name,
            after: '',
            before: {
              address: before.address,
              port: before.port,
              user: before.user,
              auth: before.auth,
              credentialId: refs.credentialId,
              jumpHostId: refs.jumpHostId,
              tags: before.tags,
              groups: before.groups,
              notes: before.notes,
            },
          });
          break;
        }
        case 'add-host-key': {
          const row = {
            host: op.host,
            port: op.port,
            keyType: op.keyType,
            key: op.key.toString('base64'),
            fingerprint: fingerprintSha256(op.key),
            addedAt: now(),
          };
          db.prepare('INSERT INTO known_host_keys (host, port, key_type, key, fingerprint, added_at) VALUES (?, ?, ?, ?, ?, ?)').run(
            row.host,
            row.port,
            row.keyType,
            row.key,
            row.fingerprint,
            row.addedAt,
          );
          undo.hostKeysAdded.push(row);
          break;
        }
        case 'revoke-host-key': {
          const key = op.key.toString('base64');
          const added = db
            .prepare('INSERT OR IGNORE INTO revoked_host_keys (key, key_type, fingerprint, source, added_at) VALUES (?, ?, ?, ?, ?)')
            .run(key, op.keyType, fingerprintSha256(op.key), op.source, now());
          if (added.changes > 0) undo.hostKeysRevoked.push(key);
          break;
        }
        case 'remove-host-key': {
          const row = db
            .prepare('SELECT * FROM known_host_keys WHERE host = ? AND port = ? AND key_type = ? AND key = ?')
            .get(op.host, op.port, op.keyType, op.key.toString('base64')) as KeyRow | undefined;
          if (!row) break;
          db.prepare('DELETE FROM known_host_keys WHERE host = ? AND port = ? AND key_type = ? AND key = ?').run(
            row.host,
            row.port,
            row.key_type,
            row.key,
          );
          undo.hostKeysRemoved.push({
            host: row.host,
            port: row.port,
            keyType: row.key_type,
            key: row.key,
            fingerprint: row.fingerprint,
            addedAt: row.added_at,
          });
          break;
        }
      }
    }
    // The hosts as the import left them: undo refuses if any of them was changed since.
    for (const h of [...undo.hostsAdded, ...undo.hostsUpdated]) h.after = stateOf(db, h.id) ?? '';
    db.prepare('INSERT INTO import_batches (id, kind, source, created_at, undone_at, counts, undo) VALUES (?, ?, ?, ?, NULL, ?, ?)').run(
      id,
      meta.kind,
      meta.source,
      createdAt,
      JSON.stringify(meta.counts),
      JSON.stringify(undo),
    );
  })();
  return { id, kind: meta.kind, source: meta.source, createdAt, undoneAt: null, counts: meta.counts };
}

/** Reverses one import in one transaction, or refuses with every reason and changes nothing. */
export function undoBatch(core: Core, batchId: string): ImportBatch {
  const db = core.vault.db();
  const row = db.prepare('SELECT * FROM import_batches WHERE id = ?').get(batchId) as BatchRow | undefined;
  if (!row) throw new OpsError('NOT_FOUND', 'No such import (it may belong to another vault).', 'batchId');
  if (row.undone_at) throw new OpsError('VALIDATION', `This import was already undone (${row.undone_at}).`, 'batchId');
  const parsed = UndoData.safeParse(JSON.parse(row.undo));
  if (!parsed.success)
    throw new OpsError(
      'VALIDATION',
      'The record of this import cannot be read (was it made by another OpsDeck version?). Nothing was changed.',
      'batchId',
    );
  const undo = parsed.data;

  const hostById = db.prepare('SELECT name FROM hosts WHERE id = ?');
  const nameOf = (table: 'hosts' | 'credentials', id: string | null): string | null =>
    id ? ((db.prepare(`SELECT name FROM ${table} WHERE id = ?`).get(id) as { name: string } | undefined)?.name ?? null) : null;
  const scanCount = db.prepare('SELECT count(*) AS n FROM scans WHERE host_id = ?');
  const addedIds = new Set(undo.hostsAdded.map((h) => h.id));
  const restoredJump = new Map(undo.hostsUpdated.map((h) => [h.id, h.before.jumpHostId]));
  /** A host that stops using `jumpId` when undone: deleted, or restored to another jump host. */
  const leavesJump = (userId: string, jumpId: string) =>
    addedIds.has(userId) || (restoredJump.has(userId) && restoredJump.get(userId) !== jumpId);

  const conflicts: string[] = [];
  for (const h of undo.hostsAdded) {
    const current = hostById.get(h.id) as { name: string } | undefined;
    if (!current) continue; // deleted since: nothing to undo for it
    if (stateOf(db, h.id) !== h.after) conflicts.push(`${current.name} was changed after the import`);
    if ((scanCount.get(h.id) as { n: number }).n > 0) conflicts.push(`${current.name} has deep-check scans now`);
    const users = db.prepare('SELECT id, name FROM hosts WHERE jump_host_id = ?').all(h.id) as { id: string; name: string }[];
    for (const u of users) if (!leavesJump(u.id, h.id)) conflicts.push(`${current.name} is now the jump host of ${u.name}`);
  }
  for (const h of undo.hostsUpdated) {
    const current = hostById.get(h.id) as { name: string } | undefined;
    if (current && stateOf(db, h.id) !== h.after) conflicts.push(`${current.name} was changed after the import`);
  }
  const restoredCredential = new Map(undo.hostsUpdated.map((h) => [h.id, h.before.credentialId]));
  for (const c of undo.credentialsAdded) {
    const users = db.prepare('SELECT id, name FROM hosts WHERE credential_id = ?').all(c.id) as { id: string; name: string }[];
    for (const u of users) {
      const leaves = addedIds.has(u.id) || (restoredCredential.has(u.id) && restoredCredential.get(u.id) !== c.id);
      if (!leaves) conflicts.push(`credential ${c.name} is now used by ${u.name}`);
    }
  }
  for (const k of undo.hostKeysRemoved) {
    const other = db
      .prepare('SELECT key FROM known_host_keys WHERE host = ? AND port = ? AND key_type = ?')
      .get(k.host, k.port, k.keyType) as { key: string } | undefined;
    if (other && other.key !== k.key) conflicts.push(`${k.host}:${k.port} trusts a new ${k.keyType} key now`);
  }
  if (conflicts.length > 0) {
    const list = [...new Set(conflicts)];
    throw new OpsError(
      'VALIDATION',
      `This import cannot be undone: ${list.slice(0, 5).join('; ')}${list.length > 5 ? ` and ${list.length - 5} more` : ''}. Nothing was changed.`,
      'batchId',
    );
  }

  db.transaction(() => {
    for (const h of [...undo.hostsUpdated].reverse()) {
      const name = nameOf('hosts', h.id);
      if (!name) continue;
      const b = h.before;
      core.hosts.update(
        name,
        HostPatch.parse({
          address: b.address,
          port: b.port,
          user: b.user,
          auth: b.auth as AuthMethod,
          credential: nameOf('credentials', b.credentialId),
          jumpHost: nameOf('hosts', b.jumpHostId),
          tags: b.tags,
          groups: b.groups,
          notes: b.notes,
        }),
      );
    }
    for (const h of [...undo.hostsAdded].reverse()) {
      const name = nameOf('hosts', h.id);
      if (name) core.hosts.remove(name);
    }
    for (const c of undo.credentialsAdded) {
      const name = nameOf('credentials', c.id);
      if (name) core.credentials.remove(name);
    }
    for (const g of undo.groupsAdded) {
      // A group someone has put hosts into since stays.
      db.prepare('DELETE FROM groups WHERE id = ? AND NOT EXISTS (SELECT 1 FROM host_groups WHERE group_id = ?)').run(g.id, g.id);
    }
    for (const k of undo.hostKeysAdded) {
      db.prepare('DELETE FROM known_host_keys WHERE host = ? AND port = ? AND key_type = ? AND key = ?').run(
        k.host,
        k.port,
        k.keyType,
        k.key,
      );
    }
    for (const k of undo.hostKeysRemoved) {
      db.prepare('INSERT OR IGNORE INTO known_host_keys (host, port, key_type, key, fingerprint, added_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        k.host,
        k.port,
        k.keyType,
        k.key,
        k.fingerprint,
        k.addedAt,
      );
    }
    for (const key of undo.hostKeysRevoked) db.prepare('DELETE FROM revoked_host_keys WHERE key = ?').run(key);
    db.prepare('UPDATE import_batches SET undone_at = ? WHERE id = ?').run(now(), batchId);
  })();
  return toBatch(db.prepare('SELECT * FROM import_batches WHERE id = ?').get(batchId) as BatchRow);
}

/** Every trusted host key with its blob (the repository's list() leaves the blob out). */
export function storedHostKeys(
  core: Core,
): Array<{ host: string; port: number; keyType: string; key: Buffer; fingerprint: string; addedAt: string }> {
  return (core.vault.db().prepare('SELECT * FROM known_host_keys').all() as KeyRow[]).map((r) => ({
    host: r.host,
    port: r.port,
    keyType: r.key_type,
    key: Buffer.from(r.key, 'base64'),
    fingerprint: r.fingerprint,
    addedAt: r.added_at,
  }));
}
