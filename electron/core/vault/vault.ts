/**
 * The vault's life cycle: missing → create → unlocked ⇄ locked. It owns the data key while
 * unlocked and nothing else; repositories get the open database through `db()`.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { OpsError, type VaultState } from '../../../shared/model';
import { openEncrypted, type Db } from './database';
import { registerHolder, releaseHolder } from './holders';
import { headerPathFor, readHeader, unwrapDataKey, wrapDataKey, writeHeaderAtomic } from './header';
import { assertAboveFloor, KDF_DEFAULT, KDF_TEST_ONLY, newScryptParams } from './kdf';

export interface VaultOptions {
  /** Path of the encrypted database; the header lives at `${path}.header`. */
  path: string;
  /**
   * TEST ONLY: create vaults with a cheap KDF and accept them on unlock. The product's doors never
   * set this; it exists so hundreds of test vaults do not cost minutes.
   */
  insecureTestKdf?: boolean;
  /** What this process is, as another process's "vault in use" message names it ("opsdeck serve"). */
  holderName?: string;
}

export class Vault {
  readonly path: string;
  readonly headerPath: string;
  private readonly insecureTestKdf: boolean;
  private readonly holderName: string;
  private database: Db | null = null;

  constructor(options: VaultOptions) {
    this.path = options.path;
    this.headerPath = headerPathFor(options.path);
    this.insecureTestKdf = options.insecureTestKdf === true;
    this.holderName = options.holderName ?? 'OpsDeck';
  }

  state(): VaultState {
    if (this.database) return 'unlocked';
    return existsSync(this.headerPath) ? 'locked' : 'missing';
  }

  db(): Db {
    if (!this.database) throw new OpsError('VAULT_LOCKED', 'The vault is locked. Unlock it first.');
    return this.database;
  }

  async create(passphrase: string): Promise<void> {
    if (existsSync(this.headerPath)) throw new OpsError('VAULT_EXISTS', `A vault already exists at ${this.path}.`);
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    // A database without a header is the remains of an interrupted create: it can never be opened
    // (its key was never saved), so set it aside rather than refuse or silently delete it.
    if (existsSync(this.path)) {
      const aside = `${this.path}.orphan-${Date.now()}`;
      renameSync(this.path, aside);
      for (const suffix of ['-wal', '-shm']) if (existsSync(this.path + suffix)) renameSync(this.path + suffix, aside + suffix);
    }
    const dataKey = randomBytes(32);
    try {
      const header = await wrapDataKey(dataKey, passphrase, newScryptParams(this.insecureTestKdf ? KDF_TEST_ONLY : KDF_DEFAULT));
      // Created 0600 up front: SQLite gives the -wal and -shm files the same mode as the database.
      closeSync(openSync(this.path, 'a', 0o600));
      const db = openEncrypted(this.path, dataKey);
      // The header is written last: until it exists the vault counts as missing, never half-made.
      writeHeaderAtomic(this.headerPath, header);
      this.database = db;
      registerHolder(this.path, this.holderName);
    } finally {
      dataKey.fill(0);
    }
  }

  async unlock(passphrase: string): Promise<void> {
    if (this.database) return;
    if (!existsSync(this.headerPath)) throw new OpsError('VAULT_MISSING', `There is no vault at ${this.path}. Create one first.`);
    const header = readHeader(this.headerPath);
    assertAboveFloor(header.kdf, this.insecureTestKdf);
    const dataKey = await unwrapDataKey(header, passphrase);
    try {
      this.database = openEncrypted(this.path, dataKey);
      registerHolder(this.path, this.holderName);
    } finally {
      dataKey.fill(0);
    }
  }

  lock(): void {
    if (!this.database) return;
    try {
      // Fold the WAL back into the main file so a locked vault is one file plus its header.
      this.database.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Another process may hold the WAL open; closing still leaves a consistent file.
    }
    this.database.close();
    this.database = null;
    releaseHolder(this.path);
  }

  /** Re-wraps the same data key under a new passphrase; the database is not touched. */
  async changePassphrase(current: string, next: string): Promise<void> {
    const header = readHeader(this.headerPath);
    assertAboveFloor(header.kdf, this.insecureTestKdf);
    const dataKey = await unwrapDataKey(header, current).catch((e: unknown) => {
      if (e instanceof OpsError && e.code === 'WRONG_PASSPHRASE')
        throw new OpsError('WRONG_PASSPHRASE', 'The current passphrase is wrong. Nothing was changed.', 'current');
      throw e;
    });
    try {
      const cost = this.insecureTestKdf ? header.kdf : KDF_DEFAULT;
      writeHeaderAtomic(this.headerPath, await wrapDataKey(dataKey, next, newScryptParams(cost)));
    } finally {
      dataKey.fill(0);
    }
  }
}
