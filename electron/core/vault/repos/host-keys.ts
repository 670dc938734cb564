/** Trusted SSH host keys, kept inside the encrypted vault (the SSH engine's HostKeyStore). */
import { fingerprintSha256, type HostKeyStore, type KnownKey } from '../../ssh';
import type { Db } from '../database';
import { now } from './ids';

export interface StoredHostKey {
  host: string;
  port: number;
  keyType: string;
  fingerprint: string;
  addedAt: string;
}

export interface RevokedHostKey {
  /** base64 of the public key blob. */
  key: string;
  keyType: string;
  fingerprint: string;
  source: string;
  addedAt: string;
}

export class HostKeysRepo implements HostKeyStore {
  constructor(private readonly db: () => Db) {}

  lookup(host: string, port: number): Promise<KnownKey[]> {
    const rows = this.db()
      .prepare('SELECT key_type, key FROM known_host_keys WHERE host = ? AND port = ?')
      .all(host.toLowerCase(), port) as {
      key_type: string;
      key: string;
    }[];
    const trusted: KnownKey[] = rows.map((r) => ({ keyType: r.key_type, key: Buffer.from(r.key, 'base64'), source: 'vault' }));
    // Revocations hold for every host; there are few, so each lookup takes them all.
    const revoked: KnownKey[] = this.revoked().map((r) => ({
      keyType: r.keyType,
      key: Buffer.from(r.key, 'base64'),
      marker: 'revoked',
      source: `the vault (revoked, from ${r.source})`,
    }));
    return Promise.resolve([...revoked, ...trusted]);
  }

  /** Keys never to trust again (imported @revoked lines), newest first. */
  revoked(): RevokedHostKey[] {
    return this.db()
      .prepare('SELECT key, key_type AS keyType, fingerprint, source, added_at AS addedAt FROM revoked_host_keys ORDER BY added_at DESC')
      .all() as RevokedHostKey[];
  }

  add(host: string, port: number, key: { keyType: string; key: Buffer }): Promise<void> {
    this.db()
      .prepare(
        `INSERT INTO known_host_keys (host, port, key_type, key, fingerprint, added_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(host, port, key_type) DO UPDATE SET key = excluded.key, fingerprint = excluded.fingerprint, added_at = excluded.added_at`,
      )
      .run(host.toLowerCase(), port, key.keyType, key.key.toString('base64'), fingerprintSha256(key.key), now());
    return Promise.resolve();
  }

  list(): StoredHostKey[] {
    return this.db()
      .prepare('SELECT host, port, key_type AS keyType, fingerprint, added_at AS addedAt FROM known_host_keys ORDER BY host, port')
      .all() as StoredHostKey[];
  }

  /** The explicit "forget old key" step after a host was legitimately reinstalled. */
  forget(host: string, port: number): number {
    return this.db().prepare('DELETE FROM known_host_keys WHERE host = ? AND port = ?').run(host.toLowerCase(), port).changes;
  }
}
