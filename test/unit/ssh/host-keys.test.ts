import { describe, expect, it, vi } from 'vitest';
import { SshError } from '../../../electron/core/ssh/errors';
import { fingerprintSha256 } from '../../../electron/core/ssh/fingerprint';
import { decideHostKey, layeredHostKeyStore, MemoryHostKeyStore, verifyHostKey, type KnownKey } from '../../../electron/core/ssh/host-keys';
import { ed25519Blob, rsaBlob } from './keys';

const k = (key: Buffer, marker?: KnownKey['marker']): KnownKey => ({
  keyType: key.subarray(4, 4 + key.readUInt32BE(0)).toString(),
  key,
  ...(marker ? { marker } : {}),
});

describe('decideHostKey', () => {
  const a = ed25519Blob();
  const b = ed25519Blob();
  const r = rsaBlob();

  it('trusts a matching key, whatever else is known', () => {
    expect(decideHostKey([k(b), k(a)], a).kind).toBe('trusted');
  });
  it('calls a host with no known keys unknown (CA entries do not vouch for plain keys)', () => {
    expect(decideHostKey([], a).kind).toBe('unknown');
    expect(decideHostKey([k(b, 'cert-authority')], a).kind).toBe('unknown');
  });
  it('calls a different key changed, also when its type differs', () => {
    const same = decideHostKey([k(b)], a);
    expect(same).toEqual({ kind: 'changed', expected: [`ssh-ed25519 ${fingerprintSha256(b)}`] });
    expect(decideHostKey([k(r)], a).kind).toBe('changed');
  });
  it('refuses revoked keys even when also listed as trusted', () => {
    expect(decideHostKey([k(a), k(a, 'revoked')], a).kind).toBe('revoked');
  });
});

describe('verifyHostKey', () => {
  const ctx = (store: MemoryHostKeyStore, confirm?: (h: string, fp: string, t: string, p: number) => Promise<boolean>) => ({
    label: 'web1 (10.0.0.1:22)',
    host: '10.0.0.1',
    port: 22,
    store,
    confirmNewKey: confirm,
  });

  it('asks about an unknown key once, stores it, then trusts it silently', async () => {
    const store = new MemoryHostKeyStore();
    const key = ed25519Blob();
    const confirm = vi.fn(() => Promise.resolve(true));
    await verifyHostKey(ctx(store, confirm), key);
    expect(confirm).toHaveBeenCalledWith('10.0.0.1', fingerprintSha256(key), 'ssh-ed25519', 22);
    await verifyHostKey(ctx(store, confirm), key);
    expect(confirm).toHaveBeenCalledTimes(1);
    expect((await store.lookup('10.0.0.1', 22))[0]?.key).toEqual(key);
  });

  it('rejects an unknown key the user declines, or when nobody can be asked', async () => {
    const store = new MemoryHostKeyStore();
    await expect(
      verifyHostKey(
        ctx(store, () => Promise.resolve(false)),
        ed25519Blob(),
      ),
    ).rejects.toMatchObject({ code: 'HOST_KEY_REJECTED' });
    await expect(verifyHostKey(ctx(store), ed25519Blob())).rejects.toMatchObject({ code: 'HOST_KEY_REJECTED' });
    expect(await store.lookup('10.0.0.1', 22)).toEqual([]);
  });

  it('stops a changed key with both fingerprints, without asking', async () => {
    const store = new MemoryHostKeyStore();
    const old = ed25519Blob();
    const presented = ed25519Blob();
    await store.add('10.0.0.1', 22, { keyType: 'ssh-ed25519', key: old });
    const confirm = vi.fn(() => Promise.resolve(true));
    const err = await verifyHostKey(ctx(store, confirm), presented).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SshError);
    expect((err as SshError).code).toBe('HOST_KEY_CHANGED');
    expect((err as SshError).message).toContain(fingerprintSha256(old));
    expect((err as SshError).message).toContain(fingerprintSha256(presented));
    expect(confirm).not.toHaveBeenCalled();
  });

  it('layers the vault over known_hosts: lookups merge, new keys go to the vault', async () => {
    const vault = new MemoryHostKeyStore();
    const fromFile = ed25519Blob();
    const store = layeredHostKeyStore(vault, { lookup: () => Promise.resolve([k(fromFile)]) });
    await verifyHostKey(ctx(store as MemoryHostKeyStore), fromFile);
    const fresh = ed25519Blob();
    await expect(
      verifyHostKey(
        ctx(store as MemoryHostKeyStore, () => Promise.resolve(true)),
        fresh,
      ),
    ).rejects.toMatchObject({ code: 'HOST_KEY_CHANGED' });
  });

  it('refuses to continue if the accepted key cannot be stored', async () => {
    const store = new MemoryHostKeyStore();
    store.add = () => Promise.reject(new Error('vault locked'));
    await expect(
      verifyHostKey(
        ctx(store, () => Promise.resolve(true)),
        ed25519Blob(),
      ),
    ).rejects.toMatchObject({ code: 'HOST_KEY_REJECTED' });
  });
});
