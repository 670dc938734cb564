import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OpsError } from '../../../shared/model';
import { unwrapDataKey, wrapDataKey } from '../../../electron/core/vault/header';
import { assertAboveFloor, KDF_DEFAULT, KDF_FLOOR, KDF_TEST_ONLY, newScryptParams } from '../../../electron/core/vault/kdf';

describe('data key wrapping', () => {
  it('round-trips the data key with the right passphrase', async () => {
    const key = randomBytes(32);
    const header = await wrapDataKey(key, 'correct horse', newScryptParams(KDF_TEST_ONLY));
    expect((await unwrapDataKey(header, 'correct horse')).equals(key)).toBe(true);
    // The header never contains the key in the clear.
    expect(JSON.stringify(header)).not.toContain(key.toString('base64'));
    expect(JSON.stringify(header)).not.toContain(key.toString('hex'));
  });

  it('refuses a wrong passphrase with WRONG_PASSPHRASE', async () => {
    const header = await wrapDataKey(randomBytes(32), 'correct horse', newScryptParams(KDF_TEST_ONLY));
    await expect(unwrapDataKey(header, 'correct hors')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
  });

  it('binds the KDF parameters: editing them in the header breaks unwrapping', async () => {
    const header = await wrapDataKey(randomBytes(32), 'pw-pw-pw-pw', newScryptParams(KDF_TEST_ONLY));
    const tampered = { ...header, kdf: { ...header.kdf, N: header.kdf.N * 2 } };
    await expect(unwrapDataKey(tampered, 'pw-pw-pw-pw')).rejects.toBeInstanceOf(OpsError);
  });

  it('uses a fresh salt and IV every time', async () => {
    const key = randomBytes(32);
    const a = await wrapDataKey(key, 'same', newScryptParams(KDF_TEST_ONLY));
    const b = await wrapDataKey(key, 'same', newScryptParams(KDF_TEST_ONLY));
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.wrap.ct).not.toBe(b.wrap.ct);
  });
});

describe('KDF floor', () => {
  it('the product default is at or above the floor (scrypt N=2^17, r=8, p=1)', () => {
    expect(KDF_DEFAULT.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(KDF_DEFAULT.r).toBeGreaterThanOrEqual(8);
    expect(() => assertAboveFloor(newScryptParams(KDF_DEFAULT), false)).not.toThrow();
  });

  it.each([
    { N: KDF_FLOOR.N / 2, r: 8, p: 1 },
    { N: KDF_FLOOR.N, r: 4, p: 1 },
    { N: KDF_FLOOR.N, r: 8, p: 0 },
  ])('refuses %o unless the test-only option is set', (cost) => {
    const params = newScryptParams(cost);
    expect(() => assertAboveFloor(params, false)).toThrow(expect.objectContaining({ code: 'KDF_TOO_WEAK' }) as Error);
    expect(() => assertAboveFloor(params, true)).not.toThrow();
  });
});
