/**
 * Recorded terminal sessions in the vault. Events arrive as gzip'd pages of asciicast lines (see
 * ../recorder.ts); the row keeps who, where and when, updated as pages land so a crash loses at
 * most the last unsaved page.
 */
import { gunzipSync } from 'node:zlib';
import { OpsError } from '../../../../shared/model';
import type { RecordingPage, RecordingSummary } from '../../../../shared/contract/terminals';
import type { Db } from '../../vault/database';

export interface NewRecording {
  id: string;
  hostId: string | null;
  host: string;
  address: string;
  remoteUser: string;
  localUser: string;
  startedAt: string;
  cols: number;
  rows: number;
  header: string;
}

interface Row {
  id: string;
  host_name: string;
  address: string;
  remote_user: string;
  local_user: string;
  started_at: string;
  ended_at: string | null;
  duration_ms: number;
  cols: number;
  rows: number;
  bytes: number;
  truncated: number;
}

const toModel = (r: Row): RecordingSummary => ({
  id: r.id,
  host: r.host_name,
  address: r.address,
  remoteUser: r.remote_user,
  localUser: r.local_user,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  durationMs: r.duration_ms,
  cols: r.cols,
  rows: r.rows,
  bytes: r.bytes,
  truncated: r.truncated === 1,
});

export class RecordingsRepo {
  constructor(private readonly db: () => Db) {}

  create(r: NewRecording): void {
    this.db()
      .prepare(
        `INSERT INTO recordings (id, host_id, host_name, address, remote_user, local_user, started_at, cols, rows, header)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(r.id, r.hostId, r.host, r.address, r.remoteUser, r.localUser, r.startedAt, r.cols, r.rows, r.header);
  }

  /** One page and the running totals, in one transaction. */
  appendPage(id: string, page: number, gz: Buffer, totals: { bytes: number; durationMs: number; truncated: boolean }): void {
    const db = this.db();
    db.transaction(() => {
      db.prepare('INSERT INTO recording_pages (recording_id, page, data) VALUES (?, ?, ?)').run(id, page, gz);
      this.setTotals(id, totals);
    })();
  }

  setTotals(id: string, t: { bytes: number; durationMs: number; truncated: boolean }, endedAt?: string): void {
    this.db()
      .prepare('UPDATE recordings SET bytes = ?, duration_ms = ?, truncated = ?, ended_at = COALESCE(?, ended_at) WHERE id = ?')
      .run(t.bytes, Math.round(t.durationMs), t.truncated ? 1 : 0, endedAt ?? null, id);
  }

  list(limit: number, hostId?: string): RecordingSummary[] {
    const rows = hostId
      ? this.db().prepare('SELECT * FROM recordings WHERE host_id = ? ORDER BY started_at DESC LIMIT ?').all(hostId, limit)
      : this.db().prepare('SELECT * FROM recordings ORDER BY started_at DESC LIMIT ?').all(limit);
    return (rows as Row[]).map(toModel);
  }

  read(id: string, page: number): RecordingPage {
    const rec = this.db().prepare('SELECT header FROM recordings WHERE id = ?').get(id) as { header: string } | undefined;
    if (!rec) throw new OpsError('NOT_FOUND', 'That recording does not exist (it may have been deleted).', 'id');
    const row = this.db().prepare('SELECT data FROM recording_pages WHERE recording_id = ? AND page = ?').get(id, page) as
      { data: Buffer } | undefined;
    const more = this.db().prepare('SELECT 1 FROM recording_pages WHERE recording_id = ? AND page > ? LIMIT 1').get(id, page) !== undefined;
    return {
      id,
      header: page === 0 ? rec.header : null,
      events: row ? gunzipSync(row.data).toString('utf8') : '',
      next: more ? page + 1 : null,
    };
  }

  remove(id: string): void {
    if (this.db().prepare('DELETE FROM recordings WHERE id = ?').run(id).changes === 0) {
      throw new OpsError('NOT_FOUND', 'That recording does not exist (it may have been deleted).', 'id');
    }
  }
}
