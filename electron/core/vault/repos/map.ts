/**
 * The topology map's state: node positions and drift acknowledgements. Hosts are stored by id so a
 * rename keeps the host where the user put it, and a deleted host takes its rows with it (cascade);
 * at the door they are "host:NAME", as the renderer knows them.
 */
import type { MapPosition } from '../../../../shared/contract/map';
import type { Db } from '../database';
import { now } from './ids';

interface PositionRow {
  node: string;
  x: number;
  y: number;
  pinned: number;
}

export class MapRepo {
  constructor(private readonly db: () => Db) {}

  positions(): MapPosition[] {
    const rows = this.db()
      .prepare(
        `SELECT CASE WHEN p.host_id IS NULL THEN p.node ELSE 'host:' || h.name END AS node, p.x, p.y, p.pinned
         FROM map_positions p LEFT JOIN hosts h ON h.id = p.host_id
         WHERE p.host_id IS NULL OR h.id IS NOT NULL
         ORDER BY node`,
      )
      .all() as PositionRow[];
    return rows.map((r) => ({ node: r.node, x: r.x, y: r.y, pinned: r.pinned === 1 }));
  }

  /** Upserts; positions of hosts that no longer exist are skipped (the map may be a moment stale). */
  savePositions(positions: readonly MapPosition[]): void {
    const db = this.db();
    const ids = this.hostIds();
    const upsert = db.prepare(
      `INSERT INTO map_positions (node, host_id, x, y, pinned, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(node) DO UPDATE SET x = excluded.x, y = excluded.y, pinned = excluded.pinned, updated_at = excluded.updated_at`,
    );
    const at = now();
    db.transaction(() => {
      for (const p of positions) {
        if (p.node.startsWith('host:')) {
          const id = ids.get(p.node.slice(5).toLowerCase());
          if (id) upsert.run(`host:${id}`, id, p.x, p.y, p.pinned ? 1 : 0, at);
        } else {
          upsert.run(p.node, null, p.x, p.y, p.pinned ? 1 : 0, at);
        }
      }
    })();
  }

  resetPositions(keepPinned: boolean): void {
    this.db().exec(keepPinned ? 'DELETE FROM map_positions WHERE pinned = 0' : 'DELETE FROM map_positions');
  }

  /** Host id -> startedAt of the newest scan whose drift the user acknowledged. */
  acks(): Map<string, string> {
    const rows = this.db().prepare('SELECT host_id AS hostId, scan_started_at AS at FROM map_drift_acks').all() as {
      hostId: string;
      at: string;
    }[];
    return new Map(rows.map((r) => [r.hostId, r.at]));
  }

  ack(entries: ReadonlyArray<{ hostId: string; scanStartedAt: string }>): void {
    const db = this.db();
    const upsert = db.prepare(
      `INSERT INTO map_drift_acks (host_id, scan_started_at) VALUES (?, ?)
       ON CONFLICT(host_id) DO UPDATE SET scan_started_at = excluded.scan_started_at`,
    );
    db.transaction(() => {
      for (const e of entries) upsert.run(e.hostId, e.scanStartedAt);
    })();
  }

  private hostIds(): Map<string, string> {
    const rows = this.db().prepare('SELECT id, name FROM hosts').all() as { id: string; name: string }[];
    // Host names are unique without regard to case (COLLATE NOCASE), so look them up that way.
    return new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
  }
}
