/**
 * The encrypted backup: one file holding a consistent copy of the encrypted database and the
 * header that wraps its key, restorable on a fresh install with the passphrase that was in force
 * when it was made. Nothing in it is readable without that passphrase: the copy is made with
 * `VACUUM INTO`, which SQLite3 Multiple Ciphers writes encrypted with the same key, and the header
 * only holds the wrapped key and the KDF parameters.
 *
 * File layout:  "OpsDeck encrypted backup v1\n"  +  one line of JSON (the manifest: format, when,
 * schema version, the vault header, the database's size and SHA-256)  +  the database bytes.
 *
 * Restore checks everything before touching the vault path (format, checksum, passphrase, that the
 * database opens and migrates), then swaps the files in: an existing vault is renamed aside, never
 * deleted, and the header is moved in last, so until that moment the old vault (or no vault) is what
 * OpsDeck sees.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { OpsError } from '../../../shared/model';
import type { Core } from '../api';
import { openEncrypted } from '../vault/database';
import { describeHolders, otherHolders } from '../vault/holders';
import { fsyncDir, readHeader, unwrapDataKey, writeHeaderAtomic, type VaultHeader } from '../vault/header';
import { assertAboveFloor } from '../vault/kdf';
import { LATEST_VERSION } from '../vault/migrations';

export const BACKUP_MAGIC = 'OpsDeck encrypted backup v1\n';
const MAX_MANIFEST = 64 * 1024;

const Manifest = z.object({
  format: z.literal('opsdeck-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  schema: z.number().int(),
  header: z.unknown(),
  database: z.object({ bytes: z.number().int().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
});
type Manifest = z.infer<typeof Manifest>;

export function backupFileName(date = new Date()): string {
  return `opsdeck-backup-${date.toISOString().slice(0, 19).replace(/[T:]/g, '-')}.opsdeck-backup`;
}

function writeAll(fd: number, data: Buffer): void {
  let off = 0;
  while (off < data.length) off += writeSync(fd, data, off, data.length - off);
}

function readAt(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return buf.subarray(0, got);
}

/** Copies `from` (whole) to the open `fd`, returning its SHA-256. */
function appendFile(fd: number, from: string): string {
  const hash = createHash('sha256');
  const src = openSync(from, 'r');
  try {
    const buf = Buffer.alloc(1024 * 1024);
    for (let pos = 0; ;) {
      const n = readSync(src, buf, 0, buf.length, pos);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      writeAll(fd, buf.subarray(0, n));
      pos += n;
    }
  } finally {
    closeSync(src);
  }
  return hash.digest('hex');
}

function sha256OfFile(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1024 * 1024);
    for (let pos = 0; ;) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Writes a backup of the unlocked vault to `outPath` (atomically: a temp file renamed into place).
 * Returns when it was made and its size.
 */
export function writeBackup(core: Core, outPath: string, overwrite: boolean): { createdAt: string; bytes: number } {
  const db = core.vault.db();
  if (!overwrite && existsSync(outPath))
    throw new OpsError('VALIDATION', `${outPath} already exists. Choose another file name (or overwrite it).`, 'path');
  if (!existsSync(dirname(outPath))) throw new OpsError('VALIDATION', `The folder ${dirname(outPath)} does not exist.`, 'path');
  const work = mkdtempSync(join(tmpdir(), 'opsdeck-backup-'));
  const copy = join(work, 'vault.db');
  const tmpOut = `${outPath}.tmp-${process.pid}-${randomUUID().slice(0, 8)}`;
  try {
    // A consistent snapshot (one read transaction, WAL included), encrypted with the same key.
    db.prepare('VACUUM INTO ?').run(copy);
    const header = readHeader(core.vault.headerPath);
    const createdAt = new Date().toISOString();
    const manifest: Manifest = {
      format: 'opsdeck-backup',
      version: 1,
      createdAt,
      schema: db.pragma('user_version', { simple: true }) as number,
      header,
      database: { bytes: statSync(copy).size, sha256: sha256OfFile(copy) },
    };
    const fd = openSync(tmpOut, 'w', 0o600);
    try {
      writeAll(fd, Buffer.from(BACKUP_MAGIC + JSON.stringify(manifest) + '\n', 'utf8'));
      const sha = appendFile(fd, copy);
      if (sha !== manifest.database.sha256) throw new Error('the database copy changed while it was written');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmpOut, outPath);
    fsyncDir(dirname(outPath));
    return { createdAt, bytes: statSync(outPath).size };
  } catch (e) {
    rmSync(tmpOut, { force: true });
    if (e instanceof OpsError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'ENOSPC' || code === 'EROFS' || code === 'EISDIR') {
      throw new OpsError('VALIDATION', `Cannot write the backup to ${outPath} (${code}). Nothing was written.`, 'path');
    }
    throw e;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

interface OpenedBackup {
  manifest: Manifest;
  header: VaultHeader;
  /** Offset of the database bytes in the file. */
  offset: number;
}

/** Reads and checks a backup file's framing and manifest (not yet the passphrase). */
function openBackup(path: string, label: string, work: string): OpenedBackup {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new OpsError('VALIDATION', `${label} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'error'})`}.`, 'source');
  }
  try {
    const head = readAt(fd, BACKUP_MAGIC.length + MAX_MANIFEST, 0);
    if (!head.subarray(0, BACKUP_MAGIC.length).equals(Buffer.from(BACKUP_MAGIC))) {
      throw new OpsError('VALIDATION', `${label} is not an OpsDeck backup (it does not start with "${BACKUP_MAGIC.trim()}").`, 'source');
    }
    const end = head.indexOf(0x0a, BACKUP_MAGIC.length);
    if (end === -1) throw new OpsError('VALIDATION', `${label} is damaged: its manifest is missing or too long.`, 'source');
    let manifest: Manifest;
    try {
      manifest = Manifest.parse(JSON.parse(head.subarray(BACKUP_MAGIC.length, end).toString('utf8')));
    } catch {
      throw new OpsError('VALIDATION', `${label} is damaged: its manifest cannot be read.`, 'source');
    }
    const offset = end + 1;
    const size = fstatSync(fd).size;
    if (size - offset !== manifest.database.bytes) {
      throw new OpsError(
        'VALIDATION',
        `${label} is incomplete: expected ${manifest.database.bytes} bytes of data, found ${size - offset} (was the copy cut short?).`,
        'source',
      );
    }
    // The header goes through the vault's own reader, so a backup can never smuggle in a header the vault would refuse.
    const headerPath = join(work, 'check.header');
    writeHeaderAtomic(headerPath, manifest.header as VaultHeader);
    let header: VaultHeader;
    try {
      header = readHeader(headerPath);
    } catch {
      throw new OpsError('VALIDATION', `${label} is damaged: its vault header is not valid.`, 'source');
    }
    return { manifest, header, offset };
  } finally {
    closeSync(fd);
  }
}

function copyRange(path: string, offset: number, bytes: number, to: string): string {
  const hash = createHash('sha256');
  const src = openSync(path, 'r');
  const dst = openSync(to, 'w', 0o600);
  try {
    const buf = Buffer.alloc(1024 * 1024);
    for (let done = 0; done < bytes;) {
      const n = readSync(src, buf, 0, Math.min(buf.length, bytes - done), offset + done);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      writeAll(dst, buf.subarray(0, n));
      done += n;
    }
    fsyncSync(dst);
  } finally {
    closeSync(src);
    closeSync(dst);
  }
  return hash.digest('hex');
}

export interface RestoreOutcome {
  createdAt: string;
  setAside: string | null;
  counts: { hosts: number; credentials: number; groups: number; scans: number };
}

const SIDE_FILES = ['-wal', '-shm'];

/**
 * Restores the backup at `path` as the vault at `core.vault.path`. Checks first, swaps last; on
 * any failure before the swap the current vault is untouched and the temp files are gone.
 */
export async function restoreBackup(
  core: Core,
  path: string,
  label: string,
  passphrase: string,
  opts: { replace: boolean; allowWeakKdf: boolean },
): Promise<RestoreOutcome> {
  const target = core.vault.path;
  const exists = existsSync(core.vault.headerPath) || existsSync(target);
  if (exists && !opts.replace) {
    throw new OpsError(
      'VAULT_EXISTS',
      `A vault already exists at ${target}. Restoring replaces it (the current one is kept beside it, renamed).`,
      'replace',
    );
  }
  const others = exists ? otherHolders(target) : [];
  if (others.length > 0) {
    throw new OpsError(
      'VAULT_BUSY',
      `This vault is open in ${describeHolders(others)}. Lock it or quit there first, then restore again: ` +
        'restoring now would pull the vault from under it. Nothing was changed.',
    );
  }
  // Staged beside the vault, so the final renames stay on one file system (and so atomic).
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  const work = mkdtempSync(join(dirname(target), '.opsdeck-restore-'));
  const stagedDb = join(work, basename(target));
  const stagedHeader = `${stagedDb}.header`;
  try {
    const { manifest, header, offset } = openBackup(path, label, work);
    if (manifest.schema > LATEST_VERSION) {
      throw new OpsError(
        'VALIDATION',
        `${label} was made by a newer OpsDeck (vault schema ${manifest.schema}). Update OpsDeck to restore it.`,
        'source',
      );
    }
    if (copyRange(path, offset, manifest.database.bytes, stagedDb) !== manifest.database.sha256) {
      throw new OpsError('VALIDATION', `${label} is damaged: the data does not match its checksum.`, 'source');
    }
    assertAboveFloor(header.kdf, opts.allowWeakKdf);
    const dataKey = await unwrapDataKey(header, passphrase).catch((e: unknown) => {
      if (e instanceof OpsError && e.code === 'WRONG_PASSPHRASE') {
        throw new OpsError(
          'WRONG_PASSPHRASE',
          'Wrong passphrase for this backup (it opens with the passphrase the vault had when the backup was made).',
          'passphrase',
        );
      }
      throw e;
    });
    let counts: RestoreOutcome['counts'];
    try {
      // Opening proves the key and the pages (ChaCha20-Poly1305 authenticates each), and migrates an older schema.
      const db = openEncrypted(stagedDb, dataKey);
      try {
        const check = db.pragma('quick_check', { simple: true });
        if (check !== 'ok') throw new OpsError('VALIDATION', `${label} is damaged: the database check says "${String(check)}".`, 'source');
        const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
        counts = { hosts: count('hosts'), credentials: count('credentials'), groups: count('groups'), scans: count('scans') };
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
    } finally {
      dataKey.fill(0);
    }
    writeHeaderAtomic(stagedHeader, header);

    // The swap. The current vault is closed and renamed aside (header first: from then on OpsDeck sees
    // no vault until the new header lands, never a header with the wrong database).
    core.vault.lock();
    let setAside: string | null = null;
    if (exists) {
      setAside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      if (existsSync(core.vault.headerPath)) renameSync(core.vault.headerPath, `${setAside}.header`);
      if (existsSync(target)) renameSync(target, setAside);
      for (const s of SIDE_FILES) if (existsSync(target + s)) renameSync(target + s, setAside + s);
    }
    renameSync(stagedDb, target);
    for (const s of SIDE_FILES) if (existsSync(stagedDb + s)) renameSync(stagedDb + s, target + s);
    fsyncDir(dirname(target));
    renameSync(stagedHeader, core.vault.headerPath);
    fsyncDir(dirname(target));
    return { createdAt: manifest.createdAt, setAside, counts };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
