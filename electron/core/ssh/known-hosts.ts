/**
 * OpenSSH known_hosts, read-only: plain and comma-separated host patterns with * ? and !negation,
 * `[host]:port` for non-22 ports, hashed `|1|salt|hmac-sha1` names (HashKnownHosts), and the
 * `@revoked` / `@cert-authority` markers. Decisions must match `ssh -o StrictHostKeyChecking=yes`,
 * so lookups follow sshd/ssh's own rules (lower-cased names, plain name when the port is 22).
 */
import { createHmac } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { keyTypeOfBlob } from './fingerprint';
import type { HostKeyReader, KnownKey } from './host-keys';

export interface KnownHostsEntry {
  line: number;
  marker: 'revoked' | 'cert-authority' | null;
  hosts: { hashed: { salt: Buffer; hash: Buffer } } | { patterns: string[] };
  keyType: string;
  key: Buffer;
}

/** Parse a known_hosts file. Malformed lines are skipped (OpenSSH does the same). */
export function parseKnownHosts(text: string): KnownHostsEntry[] {
  const entries: KnownHostsEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const fields = line.split(/\s+/);
    let marker: KnownHostsEntry['marker'] = null;
    if (fields[0]?.startsWith('@')) {
      const m = fields.shift();
      if (m === '@revoked') marker = 'revoked';
      else if (m === '@cert-authority') marker = 'cert-authority';
      else return; // unknown marker: OpenSSH ignores the line
    }
    const [hostField, keyType, keyB64] = fields;
    if (!hostField || !keyType || !keyB64) return;
    const key = Buffer.from(keyB64, 'base64');
    // The blob names its own type; a line whose blob disagrees with its type field is corrupt.
    if (keyTypeOfBlob(key) !== keyType) return;
    const hosts = parseHostField(hostField);
    if (!hosts) return;
    entries.push({ line: i + 1, marker, hosts, keyType, key });
  });
  return entries;
}

function parseHostField(field: string): KnownHostsEntry['hosts'] | null {
  if (field.startsWith('|1|')) {
    const [, , salt, hash] = field.split('|');
    if (!salt || !hash) return null;
    return { hashed: { salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') } };
  }
  if (field.startsWith('|')) return null; // other hash formats do not exist in OpenSSH
  return { patterns: field.split(',').filter(Boolean) };
}

/** The name OpenSSH looks up: "host" on port 22, "[host]:port" otherwise. */
export function lookupName(host: string, port: number): string {
  const h = host.toLowerCase();
  return port === 22 ? h : `[${h}]:${port}`;
}

/** OpenSSH's match_pattern: * = any run, ? = one character, everything else literal. */
function globMatch(pattern: string, text: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    's',
  );
  return re.test(text);
}

export function entryMatches(entry: KnownHostsEntry, host: string, port: number): boolean {
  const name = lookupName(host, port);
  if ('hashed' in entry.hosts) {
    const { salt, hash } = entry.hosts.hashed;
    return createHmac('sha1', salt).update(name).digest().equals(hash);
  }
  let positive = false;
  for (const raw of entry.hosts.patterns) {
    const negated = raw.startsWith('!');
    const pattern = (negated ? raw.slice(1) : raw).toLowerCase();
    if (globMatch(pattern, name)) {
      if (negated) return false; // a negated match vetoes the whole line
      positive = true;
    }
  }
  return positive;
}

export function lookupKnownHosts(entries: readonly KnownHostsEntry[], host: string, port: number, source: string): KnownKey[] {
  return entries
    .filter((e) => entryMatches(e, host, port))
    .map((e) => ({
      keyType: e.keyType,
      key: e.key,
      ...(e.marker ? { marker: e.marker } : {}),
      source: `${source}:${e.line}`,
    }));
}

/**
 * A known_hosts file as a HostKeyReader. Re-read when its mtime changes, so keys the user adds
 * with plain `ssh` are honoured without restarting. A missing file simply knows nothing.
 */
export class KnownHostsFile implements HostKeyReader {
  private cache: { mtimeMs: number; entries: KnownHostsEntry[] } | null = null;

  constructor(readonly path: string = join(homedir(), '.ssh', 'known_hosts')) {}

  async lookup(host: string, port: number): Promise<KnownKey[]> {
    return lookupKnownHosts(await this.entries(), host, port, this.path);
  }

  private async entries(): Promise<KnownHostsEntry[]> {
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(this.path)).mtimeMs;
    } catch {
      return [];
    }
    if (this.cache?.mtimeMs !== mtimeMs) {
      const text = await readFile(this.path, 'utf8').catch(() => '');
      this.cache = { mtimeMs, entries: parseKnownHosts(text) };
    }
    return this.cache.entries;
  }
}

/** The files plain `ssh` consults by default (user first, then system-wide). */
export function defaultKnownHostsFiles(): KnownHostsFile[] {
  return [new KnownHostsFile(), new KnownHostsFile('/etc/ssh/ssh_known_hosts')];
}
