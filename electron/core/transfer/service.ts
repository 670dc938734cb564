/**
 * Imports, exports and backups behind the contract's transfer methods: picks the parser for the
 * kind of file, plans against a snapshot of the vault, applies in one transaction, and stages
 * backups that travel in chunks.
 */
import { homedir, userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import {
  BACKUP_CHUNK_BYTES,
  type BackupCreated,
  type BackupSource,
  type ExportFile,
  type ExportFormat,
  type ImportBatch,
  type ImportPlan,
  type RestoreResult,
} from '../../../shared/contract/transfer';
import type { z } from 'zod';
import { OpsError } from '../../../shared/model';
import type { HostScan } from '../../../shared/model/scan';
import type { ImportRequest as ImportRequestSchema } from '../../../shared/contract/transfer';
import type { Core } from '../api';
import { parseAnsible, resolveAnsible } from './ansible';
import { backupFileName, restoreBackup, writeBackup } from './backup';
import { applyOps, listBatches, storedHostKeys, undoBatch } from './batches';
import { csvToInventory, guessColumns, parseCsv } from './csv';
import { exportInventory } from './exporters';
import { fileError, readOrFail, realFileReader, resolvePath, type FileReader } from './files';
import { parseKnownHostsSource } from './known-hosts';
import { excludeSet, planInventory, planKnownHosts, type Planned, type VaultView } from './planner';
import { parseSshConfig } from './ssh-config';
import { Staging } from './staging';

type Request = z.output<typeof ImportRequestSchema>;

export interface TransferOptions {
  /** Accept backups whose header has test-strength KDF parameters (tests only, like the vault's own flag). */
  allowWeakKdf: boolean;
  /** The file system imports read from (tests pass a fake one). */
  fs?: FileReader;
}

function localUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'root';
  }
}

export class TransferService {
  private readonly staging = new Staging();
  private readonly fs: FileReader;

  constructor(
    private readonly core: Core,
    private readonly opts: TransferOptions,
  ) {
    this.fs = opts.fs ?? realFileReader(homedir());
  }

  private view(): VaultView {
    const core = this.core;
    return {
      hosts: core.hosts.list(),
      credentials: core.credentials.list(),
      groups: core.groups.list(),
      hostKeys: storedHostKeys(core),
      revokedKeys: new Set(core.hostKeys.revoked().map((r) => r.key)),
      defaultUser: localUser(),
    };
  }

  private plan(req: Request): Planned {
    this.core.vault.db(); // locked → VAULT_LOCKED before any file is read
    const home = this.fs.home;
    let source = req.source;
    if (!source) {
      if (req.kind === 'ssh-config') source = { path: join(home, '.ssh', 'config') };
      else if (req.kind === 'known-hosts') source = { path: join(home, '.ssh', 'known_hosts') };
      else throw new OpsError('VALIDATION', `Choose the ${req.kind === 'csv' ? 'CSV file' : 'inventory file'} to import.`, 'source');
    }
    // `~/x` and relative paths (as typed in the wizard) are read from the user's home.
    if ('path' in source) source = { path: resolvePath(source.path, home, home) };
    const label = 'path' in source ? source.path : source.fileName;
    const baseDir = 'path' in source ? dirname(source.path) : home;
    const passphrases = req.keyPassphrases ?? {};
    const exclude = excludeSet(req.exclude);
    const view = this.view();
    switch (req.kind) {
      case 'ssh-config': {
        const parsed = parseSshConfig(source, { fs: this.fs, localUser: localUser() });
        return planInventory(parsed, view, { kind: req.kind, source: label, fs: this.fs, keyPassphrases: passphrases, exclude });
      }
      case 'known-hosts':
        return planKnownHosts(parseKnownHostsSource(source, this.fs), view, label, exclude);
      case 'ansible': {
        const text = 'path' in source ? readOrFail(this.fs, source.path) : source.text;
        const parsed = resolveAnsible(parseAnsible(text, label), { baseDir, home });
        return planInventory(parsed, view, { kind: req.kind, source: label, fs: this.fs, keyPassphrases: passphrases, exclude });
      }
      case 'csv': {
        const text = 'path' in source ? readOrFail(this.fs, source.path) : source.text;
        const table = parseCsv(text, label);
        const columns = req.csvColumns ?? guessColumns(table.headers);
        if (columns.length !== table.headers.length) {
          throw fileError(label, 1, `the column mapping has ${columns.length} entries but the header has ${table.headers.length} columns`);
        }
        const csv = {
          headers: table.headers,
          columns,
          rows: table.rows.length,
          sample: table.rows.slice(0, 5).map((r) => r.cells),
          delimiter: table.delimiter,
        };
        // The mapping step needs the preview even when the mapping cannot import anything yet.
        if (!columns.includes('name') && !columns.includes('address')) {
          return planInventory(
            {
              hosts: [],
              skipped: [],
              notes: [
                { source: { file: label, line: 1 }, message: 'Map a column to the host name or the address to see what would be imported' },
              ],
            },
            view,
            { kind: req.kind, source: label, fs: this.fs, keyPassphrases: passphrases, csv, exclude },
          );
        }
        const parsed = csvToInventory(table, columns, label, baseDir, home);
        return planInventory(parsed, view, { kind: req.kind, source: label, fs: this.fs, keyPassphrases: passphrases, csv, exclude });
      }
    }
  }

  preview(req: Request): ImportPlan {
    return this.plan(req).plan;
  }

  apply(req: Request & { fingerprint: string }): { batch: ImportBatch | null; plan: ImportPlan } {
    const planned = this.plan(req);
    if (planned.plan.fingerprint !== req.fingerprint) {
      throw new OpsError(
        'VALIDATION',
        'The file or the vault changed since the preview. Review the new preview, then import again.',
        'fingerprint',
      );
    }
    const batch = applyOps(this.core, planned.ops, { kind: req.kind, source: planned.plan.source, counts: planned.plan.counts });
    if (batch) for (const what of ['credentials', 'groups', 'hosts'] as const) this.core.changed(what);
    return { batch, plan: planned.plan };
  }

  undo(batchId: string): ImportBatch {
    const batch = undoBatch(this.core, batchId);
    for (const what of ['credentials', 'groups', 'hosts'] as const) this.core.changed(what);
    return batch;
  }

  history(): ImportBatch[] {
    return listBatches(this.core);
  }

  exportInventory(format: ExportFormat): ExportFile {
    const hosts = this.core.hosts.list();
    const file = exportInventory(format, hosts, this.core.credentials.list());
    return { ...file, count: hosts.length };
  }

  exportScans(hostNames: string[] | undefined, latestOnly: boolean): ExportFile {
    const hosts = this.core.hosts.list().filter((h) => !hostNames || hostNames.some((n) => n.toLowerCase() === h.name.toLowerCase()));
    const missing = (hostNames ?? []).filter((n) => !hosts.some((h) => h.name.toLowerCase() === n.toLowerCase()));
    if (missing.length > 0) throw new OpsError('NOT_FOUND', `No host named "${missing[0]}".`, 'hosts');
    const scans: HostScan[] = [];
    for (const h of hosts) {
      if (latestOnly) scans.push(...this.core.scans.latest(h.id, 1));
      else
        for (const s of this.core.scans.list(h.id, 1_000_000))
          scans.push(...[this.core.scans.get(s.id)].filter((x): x is HostScan => x !== null));
    }
    const exportedAt = new Date().toISOString();
    const content = JSON.stringify({ format: 'opsdeck-scans', version: 1, exportedAt, scans }, null, 2) + '\n';
    return { fileName: `opsdeck-scans-${exportedAt.slice(0, 10)}.json`, mimeType: 'application/json', content, count: scans.length };
  }

  backupCreate(typed: string | undefined, overwrite: boolean): BackupCreated {
    const path = typed === undefined ? undefined : resolvePath(typed, this.fs.home, this.fs.home);
    const fileName = path ? basename(path) : backupFileName();
    if (path) {
      const { createdAt, bytes } = writeBackup(this.core, path, overwrite);
      return { fileName, bytes, createdAt, path, downloadId: null };
    }
    const staged = this.staging.newPath(fileName);
    const { createdAt, bytes } = writeBackup(this.core, staged.path, false);
    this.staging.adopt(staged.id, staged.path);
    return { fileName, bytes, createdAt, path: null, downloadId: staged.id };
  }

  backupDownload(id: string, offset: number): { data: string; offset: number; bytes: number; done: boolean } {
    const { data, bytes } = this.staging.read(id, offset, BACKUP_CHUNK_BYTES);
    const done = offset + data.length >= bytes;
    if (done) this.staging.drop(id);
    return { data: data.toString('base64'), offset, bytes, done };
  }

  backupUpload(id: string | undefined, data: string): { uploadId: string; bytes: number } {
    const r = this.staging.append(id, Buffer.from(data, 'base64'));
    return { uploadId: r.id, bytes: r.bytes };
  }

  async restore(source: BackupSource, passphrase: string, replace: boolean): Promise<RestoreResult> {
    const path = 'path' in source ? resolvePath(source.path, this.fs.home, this.fs.home) : this.staging.get(source.uploadId).path;
    const label = 'path' in source ? source.path : 'The uploaded backup';
    const outcome = await restoreBackup(this.core, path, label, passphrase, { replace, allowWeakKdf: this.opts.allowWeakKdf });
    if ('uploadId' in source) this.staging.drop(source.uploadId);
    await this.core.vault.unlock(passphrase);
    const status = this.core.afterUnlock();
    for (const what of ['settings', 'credentials', 'groups', 'hosts', 'scans'] as const) this.core.changed(what);
    return { status, ...outcome };
  }
}
