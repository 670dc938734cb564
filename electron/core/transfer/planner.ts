/**
 * The planner: what an import would do to the vault, decided before anything is written.
 * Parsed hosts are checked against the contract's rules and compared with the vault: a new name is
 * added, a known name is updated with exactly the fields the file sets (groups and tags are added,
 * never removed), identical ones are skipped, and every skip says why. Key files are read and
 * fingerprinted here (a key already in the vault is reused, not stored twice); jump-host chains are
 * checked for cycles against the vault as it will be. The result is the preview the user confirms
 * and the list of operations apply runs in one transaction.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { FieldChange, ImportItem, ImportKind, ImportNote, ImportPlan, KeyFile } from '../../../shared/contract/transfer';
import { Address, Name, OpsError, Tag, UserName, type AuthMethod, type Credential, type Group, type Host } from '../../../shared/model';
import { fingerprintSha256 } from '../ssh/fingerprint';
import { entryMatches, type KnownHostsEntry } from '../ssh/known-hosts';
import { inspectPrivateKey } from '../vault/repos/ssh-key';
import { why, type FileReader } from './files';
import { toName } from './ssh-config';
import type { ParsedHost, ParsedInventory, ParsedKnownHosts, ParsedNote, SourceRef } from './types';

export interface StoredKey {
  host: string;
  port: number;
  keyType: string;
  key: Buffer;
  fingerprint: string;
  addedAt: string;
}

/** The vault as the planner sees it (a snapshot; tests build one by hand). */
export interface VaultView {
  hosts: Host[];
  credentials: Credential[];
  groups: Group[];
  hostKeys: StoredKey[];
  /** Public keys (base64 blobs) the vault already refuses for every host. */
  revokedKeys: ReadonlySet<string>;
  /** The user a host gets when none is given (the local user, as in hosts.add). */
  defaultUser: string;
}

export interface HostFields {
  address?: string;
  port?: number;
  user?: string;
  auth?: AuthMethod;
  credential?: string | null;
  jumpHost?: string | null;
  tags?: string[];
  groups?: string[];
  notes?: string;
}

export type Op =
  | { op: 'add-credential'; name: string; privateKey: string; passphrase?: string }
  | { op: 'add-group'; name: string }
  | { op: 'add-host'; name: string; fields: HostFields }
  | { op: 'update-host'; name: string; fields: HostFields }
  | { op: 'add-host-key'; host: string; port: number; keyType: string; key: Buffer }
  | { op: 'remove-host-key'; host: string; port: number; keyType: string; key: Buffer }
  | { op: 'revoke-host-key'; keyType: string; key: Buffer; source: string };

export interface Planned {
  plan: ImportPlan;
  ops: Op[];
}

const MAX_KEY_FILE = 64 * 1024;
/** The reason shown for an item the user unticked in the preview. */
export const LEFT_OUT = 'left out by you';

/** The request's `exclude` list as the planner matches it (names compare case-insensitively). */
export function excludeSet(names: readonly string[] | undefined): ReadonlySet<string> {
  return new Set((names ?? []).map((n) => n.toLowerCase()));
}
const lower = (s: string) => s.toLowerCase();

function note(n: ParsedNote): ImportNote {
  return { source: n.source, message: n.message };
}

function finish(
  kind: ImportKind,
  source: string,
  items: ImportItem[],
  notes: ImportNote[],
  keys: KeyFile[],
  ops: Op[],
  csv: ImportPlan['csv'] = null,
): Planned {
  const counts = { add: 0, update: 0, skip: 0 };
  for (const i of items) counts[i.action]++;
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify({
        kind,
        items: items.map((i) => [i.kind, i.action, i.name, i.detail, i.changes]),
        keys: keys.map((k) => [k.path, k.state, k.fingerprint]),
      }),
    )
    .digest('hex')
    .slice(0, 32);
  return { plan: { kind, source, fingerprint, items, notes, keys, counts, csv }, ops };
}

// ----------------------------------------------------------------------------------- keys

interface KeyState {
  file: KeyFile;
  privateKey?: string;
  passphrase?: string;
  /** A credential added by this import (not reused). */
  isNew: boolean;
}

/**
 * The public key's fingerprint without the passphrase: from the unencrypted public part of an
 * OpenSSH-format private key, else from the `.pub` file beside it. Null when neither says.
 */
export function publicFingerprint(text: string, path: string, fs: FileReader): string | null {
  const body = /-----BEGIN OPENSSH PRIVATE KEY-----([\s\S]*?)-----END OPENSSH PRIVATE KEY-----/.exec(text)?.[1];
  if (body) {
    const raw = Buffer.from(body.replace(/\s+/g, ''), 'base64');
    const magic = Buffer.from('openssh-key-v1\0', 'latin1');
    if (raw.subarray(0, magic.length).equals(magic)) {
      let off = magic.length;
      const str = (): Buffer | null => {
        if (off + 4 > raw.length) return null;
        const len = raw.readUInt32BE(off);
        if (off + 4 + len > raw.length) return null;
        const s = raw.subarray(off + 4, off + 4 + len);
        off += 4 + len;
        return s;
      };
      str(); // cipher
      str(); // kdf
      str(); // kdf options
      off += 4; // number of keys
      const pub = str();
      if (pub && pub.length > 0) return fingerprintSha256(pub);
    }
  }
  try {
    const [, b64] = fs.read(`${path}.pub`).trim().split(/\s+/);
    return b64 ? fingerprintSha256(Buffer.from(b64, 'base64')) : null;
  } catch {
    return null;
  }
}

function readKeys(paths: string[], view: VaultView, fs: FileReader, passphrases: Record<string, string>): Map<string, KeyState> {
  const out = new Map<string, KeyState>();
  const taken = new Set(view.credentials.map((c) => lower(c.name)));
  for (const path of paths) {
    const base: KeyFile = { path, state: 'unreadable', message: '', credential: null, fingerprint: null, usedBy: [] };
    let text: string;
    try {
      text = fs.read(path);
      if (text.length > MAX_KEY_FILE) throw Object.assign(new Error('too large'), { code: 'EFBIG' });
    } catch (e) {
      out.set(path, { file: { ...base, message: `The key file ${why(e)}` }, isNew: false });
      continue;
    }
    const passphrase = passphrases[path];
    let info: ReturnType<typeof inspectPrivateKey>;
    try {
      info = inspectPrivateKey(text, passphrase || undefined, 'The key file', 'path');
    } catch (e) {
      // A protected key already in the vault needs no passphrase: its public half says which it is.
      const publicFp = publicFingerprint(text, path, fs);
      const known = publicFp ? view.credentials.find((c) => c.fingerprint === publicFp) : undefined;
      if (known) {
        out.set(path, {
          file: {
            ...base,
            state: 'reused',
            message: `Already in the vault as ${known.name}`,
            credential: known.name,
            fingerprint: publicFp,
          },
          isNew: false,
        });
        continue;
      }
      const protectedKey = e instanceof OpsError && e.field === 'passphrase';
      const state = protectedKey ? (passphrase ? 'wrong-passphrase' : 'needs-passphrase') : 'unreadable';
      const message =
        state === 'needs-passphrase'
          ? 'Protected by a passphrase: enter it to store the key'
          : state === 'wrong-passphrase'
            ? 'The passphrase given for this key is wrong'
            : e instanceof Error
              ? e.message
              : String(e);
      out.set(path, { file: { ...base, state, message }, isNew: false });
      continue;
    }
    const same = view.credentials.find((c) => c.fingerprint === info.fingerprint);
    if (same) {
      out.set(path, {
        file: {
          ...base,
          state: 'reused',
          message: `Already in the vault as ${same.name}`,
          credential: same.name,
          fingerprint: info.fingerprint,
        },
        isNew: false,
      });
      continue;
    }
    // Two paths to the same key (a symlink, a copy) become one credential.
    const twin = [...out.values()].find((k) => k.isNew && k.file.fingerprint === info.fingerprint);
    if (twin) {
      out.set(path, {
        file: {
          ...base,
          state: 'reused',
          message: `Same key as ${twin.file.path}`,
          credential: twin.file.credential,
          fingerprint: info.fingerprint,
        },
        isNew: false,
      });
      continue;
    }
    const stem = toName(basename(path));
    let name = stem;
    for (let i = 2; taken.has(lower(name)); i++) name = `${stem}-${i}`;
    taken.add(lower(name));
    out.set(path, {
      file: {
        ...base,
        state: 'ok',
        message: `${info.keyType} ${info.fingerprint}${info.encrypted ? ' (passphrase accepted)' : ''}`,
        credential: name,
        fingerprint: info.fingerprint,
      },
      privateKey: text,
      ...(info.encrypted && passphrase ? { passphrase } : {}),
      isNew: true,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------- hosts

interface Candidate {
  parsed: ParsedHost;
  name: string;
  address: string;
  warnings: string[];
  existing: Host | undefined;
  jumpHost: string | undefined;
  credential: string | undefined;
  auth: AuthMethod | undefined;
  tags: string[];
  groups: string[];
  notes: string | undefined;
  skip: string | null;
  /** Unticked by the user: skipped like any other, but the preview offers to take it back. */
  excluded: boolean;
  reason: string | null;
}

function endpoint(h: { address: string; port?: number }): string {
  return `${lower(h.address)}:${h.port ?? 22}`;
}

function describeHost(user: string, address: string, port: number, jump: string | null | undefined): string {
  const host = address.includes(':') ? `[${address}]` : address;
  return `${user}@${host}:${port}${jump ? ` via ${jump}` : ''}`;
}

export interface InventoryPlanOptions {
  kind: ImportKind;
  source: string;
  fs: FileReader;
  keyPassphrases: Record<string, string>;
  csv?: ImportPlan['csv'];
  exclude?: ReadonlySet<string>;
}

export function planInventory(parsed: ParsedInventory, view: VaultView, opts: InventoryPlanOptions): Planned {
  const items: ImportItem[] = [];
  const vaultHosts = new Map(view.hosts.map((h) => [lower(h.name), h]));
  const vaultCreds = new Map(view.credentials.map((c) => [lower(c.name), c]));

  for (const s of parsed.skipped) {
    items.push({
      kind: s.kind,
      action: 'skip',
      name: s.name,
      detail: s.detail,
      reason: s.reason,
      changes: [],
      warnings: [],
      source: s.source,
    });
  }

  // 1. Contract checks: a host that breaks a rule is skipped with the rule's own message.
  const candidates: Candidate[] = [];
  const seen = new Map<string, SourceRef>();
  // Jump hops made up by a parser that are really a host the vault already has: use that host.
  const aliasOf = new Map<string, string>();
  for (const p of parsed.hosts) {
    const warnings = [...p.warnings];
    const skipItem = (reason: string, detail = p.address ?? '') =>
      items.push({ kind: 'host', action: 'skip', name: p.name, detail, reason, changes: [], warnings, source: p.source });
    if (p.synthetic) {
      const same = view.hosts.find(
        (h) => endpoint(h) === endpoint({ address: p.address ?? p.name, port: p.port ?? 22 }) && (!p.user || p.user === h.user),
      );
      if (same) {
        aliasOf.set(lower(p.name), same.name);
        items.push({
          kind: 'host',
          action: 'skip',
          name: p.name,
          detail: describeHost(same.user, same.address, same.port, null),
          reason: `already in the vault as ${same.name}`,
          changes: [],
          warnings: [],
          source: p.source,
        });
        continue;
      }
      if (vaultHosts.has(lower(p.name))) {
        // The made-up name is taken by a different host: pick a free one.
        const stem = p.name;
        let n = 2;
        while (vaultHosts.has(lower(`${stem}-${n}`)) || parsed.hosts.some((o) => lower(o.name) === lower(`${stem}-${n}`))) n++;
        aliasOf.set(lower(p.name), `${stem}-${n}`);
        p.name = `${stem}-${n}`;
      }
    }
    const name = Name.safeParse(p.name);
    if (!name.success) {
      skipItem(`"${p.name}" is not a valid OpsDeck name: ${name.error.issues[0]?.message ?? 'invalid'}`);
      continue;
    }
    const dup = seen.get(lower(name.data));
    if (dup) {
      skipItem(`duplicate: the same name is on line ${dup.line ?? '?'}`);
      continue;
    }
    seen.set(lower(name.data), p.source);
    const address = Address.safeParse(p.address ?? p.name);
    if (!address.success) {
      skipItem(`address "${p.address ?? p.name}": ${address.error.issues[0]?.message ?? 'invalid'}`);
      continue;
    }
    if (p.user !== undefined) {
      const user = UserName.safeParse(p.user);
      if (!user.success) {
        skipItem(`user "${p.user}": ${user.error.issues[0]?.message ?? 'invalid'}`);
        continue;
      }
    }
    const tags: string[] = [];
    for (const t of p.tags) {
      if (Tag.safeParse(t).success) tags.push(t);
      else warnings.push(`Tag "${t}" left out (tags use letters, digits and : . _ = -)`);
    }
    const groups: string[] = [];
    for (const g of p.groups) {
      if (Name.safeParse(g).success) groups.push(g);
      else warnings.push(`Group "${g}" left out (not a valid OpsDeck group name)`);
    }
    let notes = p.notes;
    if (notes !== undefined && notes.length > 20000) {
      notes = notes.slice(0, 20000);
      warnings.push('Notes cut to 20,000 characters');
    }
    candidates.push({
      parsed: p,
      name: name.data,
      address: address.data,
      warnings,
      existing: vaultHosts.get(lower(name.data)),
      jumpHost: undefined,
      credential: undefined,
      auth: p.auth,
      tags: [...new Set(tags)],
      groups: [...new Set(groups)],
      notes,
      skip: opts.exclude?.has(lower(name.data)) ? LEFT_OUT : null,
      excluded: opts.exclude?.has(lower(name.data)) ?? false,
      reason: p.synthetic?.reason ?? null,
    });
  }

  // 2. Key files, read once each (not for hosts left out: their keys are not stored, nor asked for).
  const keyPaths = [...new Set(candidates.flatMap((c) => (c.excluded || !c.parsed.identityFile ? [] : [c.parsed.identityFile])))];
  const keys = readKeys(keyPaths, view, opts.fs, opts.keyPassphrases);

  // 3. References: jump hosts and credentials, to the file's own hosts or the vault's.
  const byName = new Map(candidates.map((c) => [lower(c.name), c]));
  for (const c of candidates) {
    const rawJump = c.parsed.jumpHost;
    if (rawJump) {
      const ref = aliasOf.get(lower(rawJump)) ?? rawJump;
      const target = byName.get(lower(ref))?.name ?? vaultHosts.get(lower(ref))?.name;
      if (target) c.jumpHost = target;
      else c.warnings.push(`Jump host "${rawJump}" is neither in this file nor in the vault; left out`);
    }
    const keyPath = c.parsed.identityFile;
    const key = keyPath ? keys.get(keyPath) : undefined;
    if (key?.file.credential && (key.file.state === 'ok' || key.file.state === 'reused')) c.credential = key.file.credential;
    else if (key) {
      const problem =
        key.file.state === 'needs-passphrase'
          ? 'needs its passphrase'
          : key.file.state === 'wrong-passphrase'
            ? 'was given a wrong passphrase'
            : `cannot be used (${key.file.message.replace(/^The key file /, '').replace(/\.$/, '')})`;
      c.warnings.push(`Key ${key.file.path} ${problem}; this host uses the SSH agent until the key is stored`);
    }
    if (!c.credential && c.parsed.credential) {
      const cred = vaultCreds.get(lower(c.parsed.credential));
      if (cred) c.credential = cred.name;
      else c.warnings.push(`Credential "${c.parsed.credential}" is not in the vault; left out`);
    }
    // An auth method that needs a credential it does not have would be refused by the vault.
    if (c.auth) {
      const kind = c.credential ? (vaultCreds.get(lower(c.credential))?.kind ?? 'private-key') : null;
      const fits =
        c.auth === 'agent' ||
        (c.auth === 'key' && kind === 'private-key') ||
        (c.auth === 'password' && kind === 'password') ||
        (c.auth === 'keyboard-interactive' && kind !== 'private-key');
      if (!fits) {
        c.warnings.push(
          `Auth "${c.auth}" does not fit ${c.credential ? `credential ${c.credential}` : 'a host without a credential'}; left to the default`,
        );
        c.auth = undefined;
      }
    }
  }

  // 4. Jump cycles and over-long chains, on the vault as it will be after the import.
  const jumpOf = (name: string): string | null => {
    const c = byName.get(lower(name));
    if (c && !c.skip) {
      if (c.jumpHost !== undefined) return c.jumpHost;
      return c.existing?.jumpHost ?? null;
    }
    return vaultHosts.get(lower(name))?.jumpHost ?? null;
  };
  for (const c of candidates) {
    if (c.excluded) continue;
    const chain = [c.name];
    let cursor = jumpOf(c.name);
    while (cursor) {
      if (lower(cursor) === lower(c.name) || chain.some((x) => lower(x) === lower(cursor ?? ''))) {
        c.skip = `jump host cycle: ${[...chain, cursor].join(' → ')}`;
        break;
      }
      chain.push(cursor);
      if (chain.length > 33) {
        c.skip = 'the jump host chain is longer than 32 hops';
        break;
      }
      cursor = jumpOf(cursor);
    }
  }
  // A host whose jump host will not exist cannot keep it.
  for (let changed = true; changed;) {
    changed = false;
    for (const c of candidates) {
      if (c.skip || !c.jumpHost) continue;
      const target = byName.get(lower(c.jumpHost));
      if (target?.skip && !vaultHosts.has(lower(c.jumpHost))) {
        c.warnings.push(`Jump host ${c.jumpHost} is ${target.excluded ? 'left out' : 'skipped'}, so it was left out`);
        c.jumpHost = undefined;
        changed = true;
      }
    }
  }

  // 5. Add, update or skip.
  const ops: Op[] = [];
  const hostOps: Array<{ c: Candidate; op: Op }> = [];
  const usedCredentials = new Set<string>();
  const newGroups = new Map<string, number>();
  const vaultGroups = new Set(view.groups.map((g) => lower(g.name)));
  for (const c of candidates) {
    const source = c.parsed.source;
    if (c.skip) {
      items.push({
        kind: 'host',
        action: 'skip',
        name: c.name,
        detail: c.address,
        reason: c.skip,
        changes: [],
        warnings: c.warnings,
        source,
        ...(c.excluded ? { excluded: true } : {}),
      });
      continue;
    }
    const p = c.parsed;
    const noteGroups = () => {
      for (const g of c.groups) if (!vaultGroups.has(lower(g))) newGroups.set(g, (newGroups.get(g) ?? 0) + 1);
    };
    if (!c.existing) {
      const fields: HostFields = {
        address: c.address,
        ...(p.port !== undefined ? { port: p.port } : {}),
        ...(p.user !== undefined ? { user: p.user } : {}),
        ...(c.auth ? { auth: c.auth } : {}),
        ...(c.credential ? { credential: c.credential } : {}),
        ...(c.jumpHost ? { jumpHost: c.jumpHost } : {}),
        tags: c.tags,
        groups: c.groups,
        ...(c.notes !== undefined ? { notes: c.notes } : {}),
      };
      if (c.credential) usedCredentials.add(lower(c.credential));
      noteGroups();
      hostOps.push({ c, op: { op: 'add-host', name: c.name, fields } });
      items.push({
        kind: 'host',
        action: 'add',
        name: c.name,
        detail: describeHost(p.user ?? view.defaultUser, c.address, p.port ?? 22, c.jumpHost),
        reason: c.reason,
        changes: [],
        warnings: c.warnings,
        source,
      });
      continue;
    }
    const h = c.existing;
    const changes: FieldChange[] = [];
    const fields: HostFields = {};
    const change = (field: string, from: string, to: string) => changes.push({ field, from, to });
    if (p.address !== undefined && lower(c.address) !== lower(h.address)) {
      fields.address = c.address;
      change('address', h.address, c.address);
    }
    if (p.port !== undefined && p.port !== h.port) {
      fields.port = p.port;
      change('port', String(h.port), String(p.port));
    }
    if (p.user !== undefined && p.user !== h.user) {
      fields.user = p.user;
      change('user', h.user, p.user);
    }
    if (c.credential && lower(c.credential) !== lower(h.credential ?? '')) {
      fields.credential = c.credential;
      change('credential', h.credential ?? '-', c.credential);
    }
    if (c.auth && c.auth !== h.auth) {
      fields.auth = c.auth;
      change('auth', h.auth, c.auth);
    } else if (fields.credential && !c.auth) {
      const kind = vaultCreds.get(lower(fields.credential))?.kind ?? 'private-key';
      const derived: AuthMethod = kind === 'password' ? 'password' : 'key';
      if (derived !== h.auth) change('auth', h.auth, derived);
    }
    if (c.jumpHost && lower(c.jumpHost) !== lower(h.jumpHost ?? '')) {
      fields.jumpHost = c.jumpHost;
      change('jump host', h.jumpHost ?? '-', c.jumpHost);
    }
    const addGroups = c.groups.filter((g) => !h.groups.some((x) => lower(x) === lower(g)));
    if (addGroups.length > 0) {
      fields.groups = [...h.groups, ...addGroups];
      change('groups', h.groups.join(', ') || '-', fields.groups.join(', '));
    }
    const addTags = c.tags.filter((t) => !h.tags.includes(t));
    if (addTags.length > 0) {
      fields.tags = [...h.tags, ...addTags];
      change('tags', h.tags.join(', ') || '-', fields.tags.join(', '));
    }
    if (c.notes !== undefined && c.notes !== h.notes) {
      fields.notes = c.notes;
      change('notes', h.notes ? `${h.notes.length} characters` : '-', c.notes ? `${c.notes.length} characters` : '-');
    }
    const detail = describeHost(fields.user ?? h.user, fields.address ?? h.address, fields.port ?? h.port, fields.jumpHost ?? h.jumpHost);
    if (changes.length === 0) {
      items.push({
        kind: 'host',
        action: 'skip',
        name: h.name,
        detail,
        reason: 'already in the vault with the same settings',
        changes: [],
        warnings: c.warnings,
        source,
      });
      continue;
    }
    if (fields.credential) usedCredentials.add(lower(fields.credential));
    if (fields.groups) noteGroups();
    hostOps.push({ c, op: { op: 'update-host', name: h.name, fields } });
    items.push({ kind: 'host', action: 'update', name: h.name, detail, reason: c.reason, changes, warnings: c.warnings, source });
  }

  // 6. Credentials (only those a host will use), groups, then hosts with jump hosts first.
  const keyItems: ImportItem[] = [];
  for (const k of keys.values()) {
    const usedBy = candidates.filter((c) => !c.excluded && c.parsed.identityFile === k.file.path).map((c) => c.name);
    k.file.usedBy = usedBy;
    if (k.isNew && k.privateKey && k.file.credential) {
      if (!usedCredentials.has(lower(k.file.credential))) continue;
      ops.push({
        op: 'add-credential',
        name: k.file.credential,
        privateKey: k.privateKey,
        ...(k.passphrase ? { passphrase: k.passphrase } : {}),
      });
      keyItems.push({
        kind: 'credential',
        action: 'add',
        name: k.file.credential,
        detail: k.file.message,
        reason: `from ${k.file.path}`,
        changes: [],
        warnings: [],
        source: null,
      });
    } else {
      keyItems.push({
        kind: 'credential',
        action: 'skip',
        name: k.file.credential ?? basename(k.file.path),
        detail: k.file.path,
        reason: k.file.message,
        changes: [],
        warnings: [],
        source: null,
      });
    }
  }
  for (const [g, count] of newGroups) {
    ops.push({ op: 'add-group', name: g });
    keyItems.push({
      kind: 'group',
      action: 'add',
      name: g,
      detail: `${count} host${count === 1 ? '' : 's'}`,
      reason: null,
      changes: [],
      warnings: [],
      source: null,
    });
  }
  ops.push(...orderByJumps(hostOps));
  const notes = parsed.notes.map(note);
  return finish(
    opts.kind,
    opts.source,
    [...keyItems, ...items],
    notes,
    [...keys.values()].map((k) => k.file),
    ops,
    opts.csv ?? null,
  );
}

/** Adds in an order where every jump host exists before the hosts that use it; updates after. */
function orderByJumps(hostOps: Array<{ c: Candidate; op: Op }>): Op[] {
  const adds = hostOps.filter((h) => h.op.op === 'add-host');
  const done = new Set<string>();
  const ordered: Op[] = [];
  const pending = new Map(adds.map((a) => [lower(a.c.name), a]));
  const visit = (key: string, depth: number) => {
    const a = pending.get(key);
    if (!a || done.has(key) || depth > 40) return;
    done.add(key);
    if (a.c.jumpHost) visit(lower(a.c.jumpHost), depth + 1);
    ordered.push(a.op);
  };
  for (const a of adds) visit(lower(a.c.name), 0);
  return [...ordered, ...hostOps.filter((h) => h.op.op === 'update-host').map((h) => h.op)];
}

// ------------------------------------------------------------------------------ host keys

function targetsOf(entry: KnownHostsEntry, view: VaultView): { targets: Array<{ host: string; port: number }>; wildcard: string[] } {
  if ('hashed' in entry.hosts) {
    const targets: Array<{ host: string; port: number }> = [];
    for (const h of view.hosts) {
      for (const candidate of [h.address, h.name]) {
        if (entryMatches(entry, candidate, h.port) && !targets.some((t) => t.host === lower(h.address) && t.port === h.port))
          targets.push({ host: lower(h.address), port: h.port });
      }
    }
    return { targets, wildcard: [] };
  }
  const targets: Array<{ host: string; port: number }> = [];
  const wildcard: string[] = [];
  for (const p of entry.hosts.patterns) {
    if (p.startsWith('!')) continue;
    if (/[*?]/.test(p)) {
      wildcard.push(p);
      continue;
    }
    const m = /^\[([^\]]+)\]:(\d+)$/.exec(p);
    const t = m ? { host: lower(m[1] ?? ''), port: Number(m[2]) } : { host: lower(p), port: 22 };
    if (!targets.some((x) => x.host === t.host && x.port === t.port)) targets.push(t);
  }
  return { targets, wildcard };
}

function leftOutKey(name: string, detail: string, source: SourceRef): ImportItem {
  return { kind: 'host-key', action: 'skip', name, detail, reason: LEFT_OUT, changes: [], warnings: [], source, excluded: true };
}

const hostsLabel = (e: KnownHostsEntry) => ('hashed' in e.hosts ? '(hashed name)' : e.hosts.patterns.join(','));
const keyLabel = (keyType: string, key: Buffer) => `${keyType} ${fingerprintSha256(key)}`;

export function planKnownHosts(
  parsed: ParsedKnownHosts,
  view: VaultView,
  source: string,
  exclude: ReadonlySet<string> = new Set(),
): Planned {
  const items: ImportItem[] = [];
  const ops: Op[] = [];
  const file = parsed.file;
  const revoked = parsed.entries.filter((e) => e.marker === 'revoked');
  const added = new Map<string, { key: Buffer; line: number }>();
  const removed = new Set<string>();
  const revokedHere = new Set<string>();
  const unmatchedHashed: number[] = [];

  for (const e of parsed.entries) {
    const src = { file, line: e.line };
    const detail = keyLabel(e.keyType, e.key);
    if (e.marker === 'cert-authority') {
      items.push({
        kind: 'host-key',
        action: 'skip',
        name: hostsLabel(e),
        detail,
        reason: '@cert-authority: OpsDeck does not use host certificates; hosts signed by this CA will ask to confirm their own key',
        changes: [],
        warnings: [],
        source: src,
      });
      continue;
    }
    if (e.marker === 'revoked') {
      // A revoked key is a leaked private key: it is refused for every host, not only the lines' patterns.
      const label = hostsLabel(e);
      const blob = e.key.toString('base64');
      if (view.revokedKeys.has(blob) || revokedHere.has(blob)) {
        items.push({
          kind: 'revoked-key',
          action: 'skip',
          name: label,
          detail,
          reason: view.revokedKeys.has(blob) ? 'already revoked in the vault' : 'revoked on an earlier line',
          changes: [],
          warnings: [],
          source: src,
        });
        continue;
      }
      if (exclude.has(lower(label))) {
        items.push({ ...leftOutKey(label, detail, src), kind: 'revoked-key' });
        continue;
      }
      revokedHere.add(blob);
      ops.push({ op: 'revoke-host-key', keyType: e.keyType, key: e.key, source: `${file}, line ${e.line}` });
      items.push({
        kind: 'revoked-key',
        action: 'add',
        name: label,
        detail,
        reason: '@revoked: never trusted again, for any host',
        changes: [],
        warnings: [],
        source: src,
      });
      const hits = view.hostKeys.filter((k) => k.key.equals(e.key));
      for (const k of hits) {
        const id = `${k.host}:${k.port}:${k.keyType}`;
        if (removed.has(id)) continue;
        if (exclude.has(lower(`${k.host}:${k.port}`))) {
          items.push(leftOutKey(`${k.host}:${k.port}`, detail, src));
          continue;
        }
        removed.add(id);
        ops.push({ op: 'remove-host-key', host: k.host, port: k.port, keyType: k.keyType, key: k.key });
        items.push({
          kind: 'host-key',
          action: 'update',
          name: `${k.host}:${k.port}`,
          detail,
          reason: `marked @revoked: no longer trusted`,
          changes: [{ field: 'trust', from: 'trusted', to: 'removed' }],
          warnings: [],
          source: src,
        });
      }
      continue;
    }
    const revokedBy = revoked.find((r) => r.key.equals(e.key));
    const { targets, wildcard } = targetsOf(e, view);
    if (wildcard.length > 0) {
      items.push({
        kind: 'host-key',
        action: 'skip',
        name: wildcard.join(','),
        detail,
        reason: 'host patterns with wildcards cannot be stored per host (ssh still honours them from known_hosts)',
        changes: [],
        warnings: [],
        source: src,
      });
    }
    if ('hashed' in e.hosts && targets.length === 0) {
      unmatchedHashed.push(e.line);
      continue;
    }
    for (const t of targets) {
      const name = `${t.host}:${t.port}`;
      const skip = (reason: string) =>
        items.push({ kind: 'host-key', action: 'skip', name, detail, reason, changes: [], warnings: [], source: src });
      if (revokedBy) {
        skip(`the same key is marked @revoked on line ${revokedBy.line}`);
        continue;
      }
      const id = `${t.host}:${t.port}:${e.keyType}`;
      const earlier = added.get(id);
      if (earlier) {
        skip(
          earlier.key.equals(e.key)
            ? `duplicate of line ${earlier.line}`
            : `another ${e.keyType} key for this host is on line ${earlier.line}; the vault keeps one key per type`,
        );
        continue;
      }
      const stored = view.hostKeys.find((k) => k.host === t.host && k.port === t.port && k.keyType === e.keyType);
      if (stored?.key.equals(e.key)) {
        skip('already trusted in the vault');
        continue;
      }
      if (stored && !removed.has(id)) {
        skip(
          `the vault trusts a different ${e.keyType} key for this host (${stored.fingerprint}); forget that one first if the host was reinstalled`,
        );
        continue;
      }
      if (exclude.has(lower(name))) {
        items.push(leftOutKey(name, detail, src));
        continue;
      }
      added.set(id, { key: e.key, line: e.line });
      ops.push({ op: 'add-host-key', host: t.host, port: t.port, keyType: e.keyType, key: e.key });
      const hostName = view.hosts.find((h) => lower(h.address) === t.host && h.port === t.port)?.name;
      items.push({
        kind: 'host-key',
        action: 'add',
        name,
        detail,
        reason: hostName ? `host ${hostName}` : null,
        changes: [],
        warnings: [],
        source: src,
      });
    }
  }
  if (unmatchedHashed.length > 0) {
    const lines = unmatchedHashed.length > 8 ? `${unmatchedHashed.slice(0, 8).join(', ')}, …` : unmatchedHashed.join(', ');
    items.push({
      kind: 'host-key',
      action: 'skip',
      name: `${unmatchedHashed.length} hashed entr${unmatchedHashed.length === 1 ? 'y' : 'ies'}`,
      detail: `lines ${lines}`,
      reason:
        'hashed host names can only be matched against hosts in the vault, and these match none (add the hosts first, then import again)',
      changes: [],
      warnings: [],
      source: { file, line: unmatchedHashed[0] ?? null },
    });
  }
  return finish('known-hosts', source, items, parsed.notes.map(note), [], ops);
}
