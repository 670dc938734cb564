/**
 * Opens the encrypted SQLite file with a raw 256-bit key (ChaCha20-Poly1305 pages, WAL included).
 * Passing the key as x'hex' makes SQLite3MultipleCiphers use it directly, skipping its own KDF.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { OpsError } from '../../../shared/model';
import { migrate } from './migrations';

export type Db = Database.Database;

/**
 * Inside Electron the module must be the copy rebuilt for Electron's ABI (npm run rebuild:electron);
 * plain Node (CLI, browser host, tests) uses the default build.
 */
function nativeBindingOption(): { nativeBinding?: string } {
  if (!process.versions['electron']) return {};
  // electron/main.ts points this at the Electron build of the module.
  const candidate = process.env['OPSDECK_NATIVE_BINDING'];
  return candidate && existsSync(candidate) ? { nativeBinding: candidate } : {};
}

export function openEncrypted(path: string, dataKey: Buffer): Db {
  const db = new Database(path, nativeBindingOption());
  try {
    db.pragma(`cipher='chacha20'`);
    db.pragma(`key="x'${dataKey.toString('hex')}'"`);
    // The first read proves the key: a wrong key or a foreign file fails here with SQLITE_NOTADB.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('temp_store = MEMORY');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB')
      throw new OpsError('VAULT_CORRUPT', `The vault database ${path} does not match its header (wrong key or damaged file).`);
    if (e instanceof OpsError) throw e;
    throw new OpsError('VAULT_CORRUPT', `Cannot open the vault database ${path}: ${(e as Error).message}`);
  }
}
