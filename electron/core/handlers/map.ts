/** Handlers for the map's own state: node positions and drift marks (shared/contract/map.ts). */
import type { MapDrift, mapContract } from '../../../shared/contract/map';
import type { HostScan } from '../../../shared/model';
import type { Core } from '../api';
import { MapRepo } from '../vault/repos/map';
import type { SectionHandlers } from './types';

/** New and gone services and edges between two scans of one host; null when nothing changed. */
export function diffMapScans(older: HostScan, newer: HostScan): MapDrift | null {
  const oldServices = new Set(older.services.map((s) => s.key));
  const newServices = new Set(newer.services.map((s) => s.key));
  const oldEdges = new Set(older.edges.map((e) => e.key));
  const newEdges = new Set(newer.edges.map((e) => e.key));
  const drift: MapDrift = {
    host: newer.host,
    from: older.startedAt,
    to: newer.startedAt,
    addedServices: newer.services.filter((s) => !oldServices.has(s.key)).map((s) => s.key),
    removedServices: older.services.filter((s) => !newServices.has(s.key)),
    addedEdges: newer.edges.filter((e) => !oldEdges.has(e.key)).map((e) => e.key),
    removedEdges: older.edges.filter((e) => !newEdges.has(e.key)),
  };
  const changes = drift.addedServices.length + drift.removedServices.length + drift.addedEdges.length + drift.removedEdges.length;
  return changes > 0 ? drift : null;
}

export function mapHandlers(core: Core): SectionHandlers<typeof mapContract> {
  const repo = new MapRepo(() => core.vault.db());
  const ok = { ok: true as const };

  /** The newest scan of a host when the map shows it (not failed); null otherwise. */
  const newestShown = (hostId: string) => {
    const [newest] = core.scans.list(hostId, 1);
    return newest && newest.status !== 'failed' ? newest : null;
  };

  return {
    'map.positions.get': () => repo.positions(),
    'map.positions.save': ({ positions }) => {
      repo.savePositions(positions);
      return ok;
    },
    'map.positions.reset': ({ keepPinned }) => {
      repo.resetPositions(keepPinned);
      return ok;
    },
    'map.drift.get': () => {
      const acks = repo.acks();
      const out: MapDrift[] = [];
      for (const host of core.hosts.list()) {
        const newest = newestShown(host.id);
        // Checked on the summary first: acknowledged hosts never pay for reading two whole scans.
        if (!newest || (acks.get(host.id) ?? '') >= newest.startedAt) continue;
        const [newer, older] = core.scans.latest(host.id, 2, true);
        if (!newer || !older || newer.startedAt !== newest.startedAt) continue;
        const drift = diffMapScans(older, newer);
        if (drift) out.push({ ...drift, host: host.name });
      }
      return out;
    },
    'map.drift.ack': ({ hosts }) => {
      const wanted = new Set(hosts.map((h) => h.toLowerCase()));
      const entries: { hostId: string; scanStartedAt: string }[] = [];
      for (const host of core.hosts.list()) {
        if (wanted.size > 0 && !wanted.has(host.name.toLowerCase())) continue;
        const newest = newestShown(host.id);
        if (newest) entries.push({ hostId: host.id, scanStartedAt: newest.startedAt });
      }
      repo.ack(entries);
      return ok;
    },
  };
}
