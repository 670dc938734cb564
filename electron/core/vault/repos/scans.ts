/** Deep-check results: one stored scan per host per run, kept so drift between scans shows. */
import { HostScan, type ScanStatus } from '../../../../shared/model/scan';
import type { Db } from '../database';
import { newId } from './ids';

export interface ScanSummary {
  id: string;
  runId: string;
  host: string;
  startedAt: string;
  status: ScanStatus;
}

export class ScansRepo {
  constructor(private readonly db: () => Db) {}

  save(runId: string, hostId: string | null, scan: HostScan): string {
    const id = newId();
    this.db()
      .prepare('INSERT INTO scans (id, run_id, host_id, host_name, started_at, status, data) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, runId, hostId, scan.host, scan.startedAt, scan.status, JSON.stringify(scan));
    return id;
  }

  /** Newest first. */
  list(hostId: string, limit = 50): ScanSummary[] {
    return this.db()
      .prepare(
        `SELECT id, run_id AS runId, host_name AS host, started_at AS startedAt, status FROM scans
         WHERE host_id = ? ORDER BY started_at DESC LIMIT ?`,
      )
      .all(hostId, limit) as ScanSummary[];
  }

  get(id: string): HostScan | null {
    const row = this.db().prepare('SELECT data FROM scans WHERE id = ?').get(id) as { data: string } | undefined;
    return row ? parse(row.data) : null;
  }

  /** The newest scans of a host; `successfulOnly` skips failed ones (drift compares facts). */
  latest(hostId: string, count: number, successfulOnly = false): HostScan[] {
    const rows = this.db()
      .prepare(
        `SELECT data FROM scans WHERE host_id = ? ${successfulOnly ? "AND status != 'failed'" : ''} ORDER BY started_at DESC LIMIT ?`,
      )
      .all(hostId, count) as { data: string }[];
    return rows.map((r) => parse(r.data));
  }

  /** The newest scan of every host that has one (for the fleet overview and the map). */
  latestPerHost(): Map<string, HostScan> {
    const rows = this.db()
      .prepare(
        `SELECT s.host_id AS hostId, s.data FROM scans s
         JOIN (SELECT host_id, max(started_at) AS t FROM scans GROUP BY host_id) m ON m.host_id = s.host_id AND m.t = s.started_at`,
      )
      .all() as { hostId: string; data: string }[];
    return new Map(rows.map((r) => [r.hostId, parse(r.data)]));
  }
}

function parse(data: string): HostScan {
  // Stored by this code, but maybe by an older version: parse leniently so old scans stay readable.
  const r = HostScan.safeParse(JSON.parse(data));
  return r.success ? r.data : (JSON.parse(data) as HostScan);
}
