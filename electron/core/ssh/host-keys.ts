/**
 * Host key trust. A connection proceeds only when the presented key is one we already trust for
 * that host and port, or when a human (UI dialog, or `--accept-new` on the CLI) confirmed an unknown
 * key, which is then stored. A changed key is a hard failure showing both fingerprints: there is no
 * "continue anyway" (the user must explicitly forget the old key first, outside this module).
 */
import { fingerprintSha256, keyTypeOfBlob } from './fingerprint';
import { SshError } from './errors';

export interface KnownKey {
  keyType: string;
  /** The raw public key blob (what the server sends; base64-decoded known_hosts field). */
  key: Buffer;
  /** known_hosts markers: a revoked key is never accepted; a CA key only vouches for certificates. */
  marker?: 'revoked' | 'cert-authority';
  /** Where it came from, for messages: "vault", "~/.ssh/known_hosts:12". */
  source?: string;
}

/** A read-only source of known keys (known_hosts files). */
export interface HostKeyReader {
  lookup(host: string, port: number): Promise<KnownKey[]>;
}

/** The trust store the app writes to (the lead implements it over the vault). */
export interface HostKeyStore extends HostKeyReader {
  /** Remember a key the user accepted for host:port. */
  add(host: string, port: number, key: { keyType: string; key: Buffer }): Promise<void>;
}

/** Asked for unknown keys only. Resolve true to trust and store the key, false to refuse. */
export type ConfirmNewKey = (host: string, fingerprint: string, keyType: string, port: number) => Promise<boolean>;

/** The vault first, then known_hosts files: lookups merge, new keys go to the writable store. */
export function layeredHostKeyStore(store: HostKeyStore, ...readers: HostKeyReader[]): HostKeyStore {
  return {
    async lookup(host, port) {
      const all = await Promise.all([store, ...readers].map((r) => r.lookup(host, port)));
      return all.flat();
    },
    add: (host, port, key) => store.add(host, port, key),
  };
}

/** An in-memory store: tests, and a session-only trust list for tools that have no vault. */
export class MemoryHostKeyStore implements HostKeyStore {
  private readonly keys = new Map<string, KnownKey[]>();
  lookup(host: string, port: number): Promise<KnownKey[]> {
    return Promise.resolve([...(this.keys.get(`${host.toLowerCase()}:${port}`) ?? [])]);
  }
  add(host: string, port: number, key: { keyType: string; key: Buffer }): Promise<void> {
    const id = `${host.toLowerCase()}:${port}`;
    this.keys.set(id, [...(this.keys.get(id) ?? []), { keyType: key.keyType, key: key.key, source: 'memory' }]);
    return Promise.resolve();
  }
}

export type HostKeyDecision =
  | { kind: 'trusted'; source: string | undefined }
  | { kind: 'unknown' }
  | { kind: 'changed'; expected: string[] }
  | { kind: 'revoked'; source: string | undefined };

/**
 * The policy, as a pure function. A host with any trusted key that does not match the presented
 * one is "changed", even when the stored key has another type: a server that suddenly offers a
 * different key type is exactly what an attacker without the real key would do.
 */
export function decideHostKey(known: readonly KnownKey[], presented: Buffer): HostKeyDecision {
  const revoked = known.find((k) => k.marker === 'revoked' && k.key.equals(presented));
  if (revoked) return { kind: 'revoked', source: revoked.source };
  const trusted = known.filter((k) => k.marker === undefined);
  const match = trusted.find((k) => k.key.equals(presented));
  if (match) return { kind: 'trusted', source: match.source };
  if (trusted.length > 0)
    return { kind: 'changed', expected: [...new Set(trusted.map((k) => `${k.keyType} ${fingerprintSha256(k.key)}`))] };
  return { kind: 'unknown' };
}

export interface VerifyContext {
  label: string; // "db1 (198.18.0.13:22)" for messages
  host: string;
  port: number;
  store: HostKeyStore;
  confirmNewKey?: ConfirmNewKey | undefined;
  /** Called around the confirmation prompt so the caller can pause its handshake timer. */
  onPrompt?: ((waiting: boolean) => void) | undefined;
}

/**
 * Check a presented key against the store; resolves when the connection may proceed, rejects
 * with an SshError (HOST_KEY_CHANGED / HOST_KEY_REJECTED) otherwise.
 */
export async function verifyHostKey(ctx: VerifyContext, presented: Buffer): Promise<void> {
  const keyType = keyTypeOfBlob(presented) ?? 'unknown';
  const fingerprint = fingerprintSha256(presented);
  const decision = decideHostKey(await ctx.store.lookup(ctx.host, ctx.port), presented);
  switch (decision.kind) {
    case 'trusted':
      return;
    case 'revoked':
      throw new SshError(
        'HOST_KEY_REJECTED',
        `${ctx.label}: the host key ${keyType} ${fingerprint} is revoked (${decision.source ?? 'known_hosts'}) and is never trusted`,
      );
    case 'changed':
      throw new SshError(
        'HOST_KEY_CHANGED',
        `${ctx.label}: HOST KEY CHANGED. Expected ${decision.expected.join(' or ')}, but the server presented ${keyType} ${fingerprint}. ` +
          'Someone may be intercepting the connection, or the host was reinstalled. Verify the new key out of band, then forget the old key to continue.',
      );
    case 'unknown': {
      if (!ctx.confirmNewKey) {
        throw new SshError(
          'HOST_KEY_REJECTED',
          `${ctx.label}: unknown host key ${keyType} ${fingerprint} and no one to confirm it (use --accept-new to trust new keys)`,
        );
      }
      ctx.onPrompt?.(true);
      let accepted: boolean;
      try {
        accepted = await ctx.confirmNewKey(ctx.host, fingerprint, keyType, ctx.port);
      } finally {
        ctx.onPrompt?.(false);
      }
      if (!accepted) throw new SshError('HOST_KEY_REJECTED', `${ctx.label}: the new host key ${keyType} ${fingerprint} was not accepted`);
      try {
        await ctx.store.add(ctx.host, ctx.port, { keyType, key: presented });
      } catch {
        throw new SshError('HOST_KEY_REJECTED', `${ctx.label}: the accepted host key could not be stored, so the connection was not made`);
      }
    }
  }
}
