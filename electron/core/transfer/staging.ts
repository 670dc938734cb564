/**
 * Temporary files for backups that travel through a door in chunks: a backup made for download
 * waits here until the renderer has fetched it, an uploaded backup collects here until it is
 * restored. Files live in a private temp folder (0700), hold only encrypted data, are capped in
 * size and forgotten after a while or when used.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpsError } from '../../../shared/model';

const TTL_MS = 30 * 60 * 1000;
const MAX_UPLOAD = 4 * 1024 * 1024 * 1024;

interface Entry {
  path: string;
  bytes: number;
  touched: number;
}

export class Staging {
  private dir: string | null = null;
  private readonly entries = new Map<string, Entry>();

  private folder(): string {
    if (!this.dir) {
      this.dir = mkdtempSync(join(tmpdir(), 'opsdeck-transfer-'));
      const dir = this.dir;
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    }
    return this.dir;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, e] of this.entries) {
      if (now - e.touched > TTL_MS) this.drop(id);
    }
  }

  /** A fresh path to write a file to; register it with `adopt` once written. */
  newPath(name: string): { id: string; path: string } {
    this.sweep();
    const id = randomUUID();
    return { id, path: join(this.folder(), `${id}-${name}`) };
  }

  adopt(id: string, path: string): void {
    this.entries.set(id, { path, bytes: statSync(path).size, touched: Date.now() });
  }

  get(id: string): Entry {
    const e = this.entries.get(id);
    if (!e) throw new OpsError('NOT_FOUND', 'This transfer has expired or is unknown; start again.', 'id');
    e.touched = Date.now();
    return e;
  }

  read(id: string, offset: number, length: number): { data: Buffer; bytes: number } {
    const e = this.get(id);
    const fd = openSync(e.path, 'r');
    try {
      const buf = Buffer.alloc(Math.max(0, Math.min(length, e.bytes - offset)));
      let got = 0;
      while (got < buf.length) {
        const n = readSync(fd, buf, got, buf.length - got, offset + got);
        if (n === 0) break;
        got += n;
      }
      return { data: buf.subarray(0, got), bytes: e.bytes };
    } finally {
      closeSync(fd);
    }
  }

  append(id: string | undefined, data: Buffer): { id: string; bytes: number } {
    if (id === undefined) {
      const fresh = this.newPath('upload');
      closeSync(openSync(fresh.path, 'w', 0o600));
      this.adopt(fresh.id, fresh.path);
      id = fresh.id;
    }
    const e = this.get(id);
    if (e.bytes + data.length > MAX_UPLOAD) throw new OpsError('VALIDATION', 'The file is too large for a backup.', 'data');
    appendFileSync(e.path, data);
    e.bytes += data.length;
    return { id, bytes: e.bytes };
  }

  drop(id: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    rmSync(e.path, { force: true });
    this.entries.delete(id);
  }
}
