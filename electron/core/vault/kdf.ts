/**
 * Key derivation for the vault's key-encryption key (KEK). We never let SQLite derive keys from the
 * passphrase (its PBKDF2 defaults are far too cheap); scrypt at N=2^17, r=8, p=1 costs ~128 MiB and
 * a few hundred milliseconds per try, which is what makes a stolen vault file expensive to attack.
 */
import { randomBytes, scrypt } from 'node:crypto';
import { OpsError } from '../../../shared/model';

export interface ScryptParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  /** base64 */
  salt: string;
}

/** The product's floor. Headers below it are refused unless the test-only option allows them. */
export const KDF_FLOOR = { N: 2 ** 17, r: 8, p: 1 } as const;
export const KDF_DEFAULT = { N: 2 ** 17, r: 8, p: 1 } as const;
/** Only for tests: makes a vault unlock in milliseconds. Never reachable from the product's doors. */
export const KDF_TEST_ONLY = { N: 2 ** 10, r: 8, p: 1 } as const;

export function newScryptParams(cost: { N: number; r: number; p: number } = KDF_DEFAULT): ScryptParams {
  return { name: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') };
}

export function assertAboveFloor(params: ScryptParams, allowWeak: boolean): void {
  if (params.name !== 'scrypt') throw new OpsError('VAULT_CORRUPT', `Unknown key derivation "${String(params.name)}" in the vault header.`);
  if (allowWeak) return;
  if (params.N < KDF_FLOOR.N || params.r < KDF_FLOOR.r || params.p < KDF_FLOOR.p) {
    throw new OpsError(
      'KDF_TOO_WEAK',
      `The vault's key derivation (scrypt N=${params.N}, r=${params.r}, p=${params.p}) is below the minimum ` +
        `(N=${KDF_FLOOR.N}, r=${KDF_FLOOR.r}, p=${KDF_FLOOR.p}); refusing to open it.`,
    );
  }
}

export function deriveKek(passphrase: string, params: ScryptParams): Promise<Buffer> {
  const salt = Buffer.from(params.salt, 'base64');
  // scrypt needs 128 * N * r bytes; give it headroom so Node does not reject the parameters.
  const maxmem = 256 * params.N * params.r + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { N: params.N, r: params.r, p: params.p, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}
