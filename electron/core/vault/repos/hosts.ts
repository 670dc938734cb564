/**
 * Hosts. References (credential, jump host, groups) arrive by name and are stored by id so a
 * rename never breaks them. Every rule a user can violate gets a message naming the field.
 */
import type { z } from 'zod';
import { OpsError, type AuthMethod, type Host, type HostBulkChange, type HostInput, type HostPatch } from '../../../../shared/model';
import type { Db } from '../database';
import type { CredentialsRepo } from './credentials';
import type { GroupsRepo } from './groups';
import { isUniqueViolation, newId, now } from './ids';

interface Row {
  id: string;
  name: string;
  address: string;
  port: number;
  user: string;
  auth: AuthMethod;
  credential_id: string | null;
  credential: string | null;
  jump_host_id: string | null;
  jump_host: string | null;
  tags: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

const SELECT = `
  SELECT h.*, c.name AS credential, j.name AS jump_host
  FROM hosts h
  LEFT JOIN credentials c ON c.id = h.credential_id
  LEFT JOIN hosts j ON j.id = h.jump_host_id`;

export class HostsRepo {
  constructor(
    private readonly db: () => Db,
    private readonly credentials: CredentialsRepo,
    private readonly groups: GroupsRepo,
    private readonly defaultUser: () => string,
  ) {}

  list(): Host[] {
    const rows = this.db().prepare(`${SELECT} ORDER BY h.name COLLATE NOCASE`).all() as Row[];
    const memberships = this.db()
      .prepare('SELECT hg.host_id AS hostId, g.name FROM host_groups hg JOIN groups g ON g.id = hg.group_id ORDER BY g.name COLLATE NOCASE')
      .all() as { hostId: string; name: string }[];
    const groupsByHost = new Map<string, string[]>();
    for (const m of memberships) groupsByHost.set(m.hostId, [...(groupsByHost.get(m.hostId) ?? []), m.name]);
    return rows.map((r) => toModel(r, groupsByHost.get(r.id) ?? []));
  }

  get(name: string): Host {
    const row = this.db().prepare(`${SELECT} WHERE h.name = ?`).get(name) as Row | undefined;
    if (!row) throw new OpsError('NOT_FOUND', `No host named "${name}".`, 'name');
    const groups = this.db()
      .prepare('SELECT g.name FROM host_groups hg JOIN groups g ON g.id = hg.group_id WHERE hg.host_id = ? ORDER BY g.name COLLATE NOCASE')
      .all(row.id) as { name: string }[];
    return toModel(
      row,
      groups.map((g) => g.name),
    );
  }

  add(input: z.output<typeof HostInput>): Host {
    const db = this.db();
    db.transaction(() => {
      const id = newId();
      const refs = this.resolveRefs(id, input.credential ?? null, input.jumpHost ?? null, input.auth);
      const stamp = now();
      try {
        db.prepare(
          `INSERT INTO hosts (id, name, address, port, user, auth, credential_id, jump_host_id, tags, notes, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          id,
          input.name,
          input.address,
          input.port,
          input.user ?? this.defaultUser(),
          refs.auth,
          refs.credentialId,
          refs.jumpId,
          JSON.stringify(uniq(input.tags)),
          input.notes,
          stamp,
          stamp,
        );
      } catch (e) {
        if (isUniqueViolation(e)) throw new OpsError('DUPLICATE', `A host named "${input.name}" already exists.`, 'name');
        throw e;
      }
      this.setGroups(id, input.groups);
    })();
    return this.get(input.name);
  }

  update(name: string, patch: z.output<typeof HostPatch>): Host {
    const db = this.db();
    const current = this.get(name);
    db.transaction(() => {
      const credential = patch.credential !== undefined ? patch.credential : current.credential;
      const jumpHost = patch.jumpHost !== undefined ? patch.jumpHost : current.jumpHost;
      // Keep the stored auth unless the caller changed it or the credential changed under it.
      const auth = patch.auth ?? (patch.credential !== undefined ? undefined : current.auth);
      const refs = this.resolveRefs(current.id, credential, jumpHost, auth);
      try {
        db.prepare(
          `UPDATE hosts SET name = ?, address = ?, port = ?, user = ?, auth = ?, credential_id = ?, jump_host_id = ?,
             tags = ?, notes = ?, updated_at = ? WHERE id = ?`,
        ).run(
          patch.name ?? current.name,
          patch.address ?? current.address,
          patch.port ?? current.port,
          patch.user ?? current.user,
          refs.auth,
          refs.credentialId,
          refs.jumpId,
          JSON.stringify(uniq(patch.tags ?? current.tags)),
          patch.notes ?? current.notes,
          now(),
          current.id,
        );
      } catch (e) {
        if (isUniqueViolation(e)) throw new OpsError('DUPLICATE', `A host named "${patch.name ?? name}" already exists.`, 'name');
        throw e;
      }
      if (patch.groups) this.setGroups(current.id, patch.groups);
    })();
    return this.get(patch.name ?? current.name);
  }

  remove(name: string): void {
    const host = this.get(name);
    const dependants = this.db().prepare('SELECT name FROM hosts WHERE jump_host_id = ? ORDER BY name').all(host.id) as { name: string }[];
    if (dependants.length > 0) {
      throw new OpsError(
        'VALIDATION',
        `"${name}" is the jump host of ${dependants.map((d) => d.name).join(', ')}. Change those hosts first.`,
        'name',
      );
    }
    this.db().prepare('DELETE FROM hosts WHERE id = ?').run(host.id);
  }

  /**
   * One change to many hosts in one transaction: every name must exist, and a delete is refused
   * (with the reasons) when a host that stays uses one of them as its jump host. Returns how many
   * hosts actually changed.
   */
  bulk(names: readonly string[], change: z.output<typeof HostBulkChange>): number {
    const db = this.db();
    const unique = [...new Set(names.map((n) => n.toLowerCase()))];
    const hosts: Host[] = [];
    const missing: string[] = [];
    for (const n of unique) {
      const row = db.prepare('SELECT name FROM hosts WHERE name = ?').get(n) as { name: string } | undefined;
      if (row) hosts.push(this.get(row.name));
      else missing.push(names.find((x) => x.toLowerCase() === n) ?? n);
    }
    if (missing.length > 0) {
      throw new OpsError('NOT_FOUND', `No host named ${listNames(missing)}. Nothing was changed.`, 'names');
    }
    let changed = 0;
    db.transaction(() => {
      if (change.kind === 'delete') {
        const ids = new Set(hosts.map((h) => h.id));
        const blockers = (
          db.prepare('SELECT name, jump_host_id AS jump FROM hosts WHERE jump_host_id IS NOT NULL').all() as {
            name: string;
            jump: string;
          }[]
        ).filter((r) => ids.has(r.jump) && !hosts.some((h) => h.name === r.name));
        if (blockers.length > 0) {
          const jumpName = (id: string) => hosts.find((h) => h.id === id)?.name ?? '?';
          throw new OpsError(
            'VALIDATION',
            `Cannot delete: ${blockers.map((b) => `${jumpName(b.jump)} is the jump host of ${b.name}`).join('; ')}. ` +
              'Change those hosts first, or delete them too. Nothing was changed.',
            'names',
          );
        }
        // Hosts going together may use each other as jump hosts: unlink first, so no delete trips the reference.
        const unlink = db.prepare('UPDATE hosts SET jump_host_id = NULL WHERE id = ?');
        for (const h of hosts) unlink.run(h.id);
        const del = db.prepare('DELETE FROM hosts WHERE id = ?');
        for (const h of hosts) changed += del.run(h.id).changes;
        return;
      }
      const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
      const removing = lower(change.remove);
      for (const h of hosts) {
        if (change.kind === 'tags') {
          // Tags compare exactly (they are labels like role:web); a tag both added and removed is added.
          const next = uniq([...h.tags.filter((t) => !change.remove.includes(t)), ...change.add]);
          if (next.join('\0') === h.tags.join('\0')) continue;
          db.prepare('UPDATE hosts SET tags = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(next), now(), h.id);
        } else {
          // Group names compare without case, as everywhere.
          const kept = h.groups.filter((g) => !removing.has(g.toLowerCase()));
          const next = [...kept, ...change.add.filter((g) => !kept.some((k) => k.toLowerCase() === g.toLowerCase()))];
          if (next.length === h.groups.length && next.every((g, i) => g.toLowerCase() === h.groups[i]?.toLowerCase())) continue;
          this.setGroups(h.id, next);
          db.prepare('UPDATE hosts SET updated_at = ? WHERE id = ?').run(now(), h.id);
        }
        changed++;
      }
    })();
    return changed;
  }

  private resolveRefs(selfId: string, credential: string | null, jumpHost: string | null, auth: AuthMethod | undefined) {
    let credentialId: string | null = null;
    let kind: 'private-key' | 'password' | null = null;
    if (credential) {
      const cred = this.credentials.get(credential);
      credentialId = cred.id;
      kind = cred.kind;
    }
    const effective: AuthMethod = auth ?? (kind === 'password' ? 'password' : kind === 'private-key' ? 'key' : 'agent');
    if (effective === 'key' && kind === 'password')
      throw new OpsError('VALIDATION', `Credential "${credential}" is a password, but the auth method is key.`, 'credential');
    if ((effective === 'password' || effective === 'keyboard-interactive') && kind === 'private-key') {
      throw new OpsError('VALIDATION', `Credential "${credential}" is a private key, but the auth method is ${effective}.`, 'credential');
    }
    if (effective === 'password' && !credentialId)
      throw new OpsError('VALIDATION', 'Password auth needs a password credential.', 'credential');
    if (effective === 'key' && !credentialId)
      throw new OpsError('VALIDATION', 'Key auth needs a private key credential (or use the SSH agent).', 'credential');
    return { credentialId, auth: effective, jumpId: jumpHost ? this.resolveJump(selfId, jumpHost) : null };
  }

  /** The jump host must exist and following jump hosts from it must never come back to this host. */
  private resolveJump(selfId: string, jumpName: string): string {
    const jump = this.db().prepare('SELECT id, name, jump_host_id FROM hosts WHERE name = ?').get(jumpName) as
      { id: string; name: string; jump_host_id: string | null } | undefined;
    if (!jump) throw new OpsError('VALIDATION', `Unknown jump host "${jumpName}". Add it first.`, 'jumpHost');
    const next = this.db().prepare('SELECT id, name, jump_host_id FROM hosts WHERE id = ?');
    const chain: string[] = [];
    let cursor: { id: string; name: string; jump_host_id: string | null } | undefined = jump;
    while (cursor) {
      chain.push(cursor.name);
      if (cursor.id === selfId)
        throw new OpsError('VALIDATION', `Jump host cycle: ${chain.join(' → ')} leads back to this host.`, 'jumpHost');
      if (chain.length > 32) throw new OpsError('VALIDATION', 'Jump host chain is longer than 32 hops.', 'jumpHost');
      cursor = cursor.jump_host_id ? (next.get(cursor.jump_host_id) as typeof cursor) : undefined;
    }
    return jump.id;
  }

  private setGroups(hostId: string, names: readonly string[]): void {
    const db = this.db();
    db.prepare('DELETE FROM host_groups WHERE host_id = ?').run(hostId);
    const insert = db.prepare('INSERT INTO host_groups (host_id, group_id) VALUES (?, ?)');
    for (const gid of this.groups.ensure(names)) insert.run(hostId, gid);
  }
}

/** "a, b and 3 more" for messages about many hosts. */
function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 5).map((n) => `"${n}"`);
  return names.length > 5 ? `${shown.join(', ')} and ${names.length - 5} more` : shown.join(', ');
}

function uniq(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

function toModel(r: Row, groups: string[]): Host {
  return {
    id: r.id,
    name: r.name,
    address: r.address,
    port: r.port,
    user: r.user,
    auth: r.auth,
    credential: r.credential,
    jumpHost: r.jump_host,
    tags: JSON.parse(r.tags) as string[],
    groups,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
