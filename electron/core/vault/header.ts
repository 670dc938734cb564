/**
 * The vault header: a small JSON file beside the database holding the KDF parameters and the data
 * key wrapped (AES-256-GCM) by the passphrase-derived key. Changing the passphrase rewrites only
 * this file, atomically (write temp, fsync, rename, fsync dir), so a crash leaves old or new, never half.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { OpsError } from '../../../shared/model';
import { deriveKek, type ScryptParams } from './kdf';

const HeaderSchema = z.object({
  format: z.literal('opsdeck-vault'),
  version: z.literal(1),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() }),
  wrap: z.object({ alg: z.literal('aes-256-gcm'), iv: z.string(), tag: z.string(), ct: z.string() }),
  cipher: z.literal('chacha20'),
});
export type VaultHeader = z.infer<typeof HeaderSchema>;

export function headerPathFor(dbPath: string): string {
  return `${dbPath}.header`;
}

/** The KDF parameters are bound to the wrapped key as associated data: editing them breaks unwrap. */
function aad(kdf: ScryptParams): Buffer {
  return Buffer.from(`opsdeck-vault/1|scrypt|${kdf.N}|${kdf.r}|${kdf.p}|${kdf.salt}`);
}

export async function wrapDataKey(dataKey: Buffer, passphrase: string, kdf: ScryptParams): Promise<VaultHeader> {
  const kek = await deriveKek(passphrase, kdf);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad(kdf));
  const ct = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  kek.fill(0);
  return {
    format: 'opsdeck-vault',
    version: 1,
    kdf: { name: 'scrypt', N: kdf.N, r: kdf.r, p: kdf.p, salt: kdf.salt },
    wrap: { alg: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') },
    cipher: 'chacha20',
  };
}

/** Returns the data key, or throws WRONG_PASSPHRASE (GCM authentication fails for any other passphrase). */
export async function unwrapDataKey(header: VaultHeader, passphrase: string): Promise<Buffer> {
  const kek = await deriveKek(passphrase, header.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(header.wrap.iv, 'base64'));
    decipher.setAAD(aad(header.kdf));
    decipher.setAuthTag(Buffer.from(header.wrap.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(header.wrap.ct, 'base64')), decipher.final()]);
    if (key.length !== 32) throw new Error('bad key length');
    return key;
  } catch {
    throw new OpsError('WRONG_PASSPHRASE', 'Wrong passphrase. The vault stays locked.', 'passphrase');
  } finally {
    kek.fill(0);
  }
}

export function readHeader(path: string): VaultHeader {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    throw new OpsError('VAULT_CORRUPT', `Cannot read the vault header ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new OpsError('VAULT_CORRUPT', `The vault header ${path} is not valid JSON.`);
  }
  const parsed = HeaderSchema.safeParse(json);
  if (!parsed.success) throw new OpsError('VAULT_CORRUPT', `The vault header ${path} is not an OpsDeck vault header.`);
  return parsed.data;
}

/** Atomic replace: readers see the old header or the new one, even across a power cut. */
export function writeHeaderAtomic(path: string, header: VaultHeader): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(header, null, 2) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncDir(dirname(path));
}

export function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms (Windows) cannot fsync a directory; the rename is still atomic there.
  }
}
