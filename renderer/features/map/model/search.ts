/** Finding a host, service or external address by what the user types: names first, then the rest. */
import type { MapGraph } from './types';

export interface SearchHit {
  id: string;
  label: string;
  detail: string;
  kind: 'host' | 'service' | 'external';
}

/** 0 = the name starts with the query, 1 = the name contains it, 2 = another field does; null = no match. */
function rank(q: string, name: string, others: readonly string[]): number | null {
  const n = name.toLowerCase();
  if (n.startsWith(q)) return 0;
  if (n.includes(q)) return 1;
  return others.some((o) => o.toLowerCase().includes(q)) ? 2 : null;
}

export function searchNodes(graph: MapGraph, query: string, limit = 12): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hits: Array<SearchHit & { rank: number }> = [];
  for (const h of graph.hosts) {
    const r = rank(q, h.name, [h.host.address, ...h.host.tags, ...h.host.groups]);
    if (r !== null) hits.push({ id: h.id, label: h.name, detail: `host · ${h.host.address}`, kind: 'host', rank: r });
  }
  for (const s of graph.services) {
    const svc = s.service;
    const r = rank(q, svc.name, [svc.product, svc.unit ?? '', ...svc.listeners.map((l) => String(l.port))]);
    const host = s.hostId.slice('host:'.length);
    if (r !== null) hits.push({ id: s.id, label: svc.name, detail: `${svc.kind} on ${host}`, kind: 'service', rank: r + 0.5 });
  }
  for (const x of graph.externals) {
    const r = rank(q, x.address, x.ports.map(String));
    if (r !== null) hits.push({ id: x.id, label: x.address, detail: 'external', kind: 'external', rank: r + 0.5 });
  }
  return hits
    .sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label))
    .slice(0, limit)
    .map(({ rank: _rank, ...hit }) => hit);
}
