/**
 * The graph as JSON for other tools: nodes (hosts with their services, externals) with positions,
 * and edges with their ports and evidence. Stable field names; a version to evolve them.
 */
import type { Rect } from '../layout/types';
import type { MapGraph } from '../model/types';

export interface MapExport {
  format: 'opsdeck-map';
  version: 1;
  exportedAt: string;
  hosts: Array<{
    id: string;
    name: string;
    address: string;
    status: string;
    tier: string;
    tags: string[];
    groups: string[];
    lastScan: string | null;
    position: Rect | null;
    services: Array<{
      id: string;
      key: string;
      name: string;
      kind: string;
      product: string;
      version: string | null;
      state: string;
      ports: number[];
      drift: string | null;
    }>;
  }>;
  externals: Array<{ id: string; address: string; ports: number[]; position: Rect | null; drift: string | null }>;
  edges: Array<{
    id: string;
    from: string;
    to: string;
    port: number;
    proto: string;
    connections: number;
    seenBy: string[];
    state: string;
    drift: string | null;
  }>;
}

export function graphJson(graph: MapGraph, rects: ReadonlyMap<string, Rect>, hidden: ReadonlySet<string>, now = new Date()): MapExport {
  const pos = (id: string) => {
    const r = rects.get(id);
    return r ? { x: Math.round(r.x), y: Math.round(r.y), w: r.w, h: r.h } : null;
  };
  const visibleHosts = graph.hosts.filter((h) => !hidden.has(h.id));
  return {
    format: 'opsdeck-map',
    version: 1,
    exportedAt: now.toISOString(),
    hosts: visibleHosts.map((h) => ({
      id: h.id,
      name: h.name,
      address: h.host.address,
      status: h.host.status,
      tier: h.tier,
      tags: h.host.tags,
      groups: h.host.groups,
      lastScan: h.host.lastScan,
      position: pos(h.id),
      services: h.services
        .filter((id) => !hidden.has(id))
        .flatMap((id) => {
          const s = graph.nodes.get(id);
          if (s?.kind !== 'service') return [];
          const v = s.service;
          const ports = [...new Set(v.listeners.map((l) => l.port))].sort((a, b) => a - b);
          return [
            { id, key: v.key, name: v.name, kind: v.kind, product: v.product, version: v.version, state: v.state, ports, drift: s.drift },
          ];
        }),
    })),
    externals: graph.externals
      .filter((x) => !hidden.has(x.id))
      .map((x) => ({ id: x.id, address: x.address, ports: x.ports, position: pos(x.id), drift: x.drift })),
    edges: graph.edges
      .filter((e) => !hidden.has(e.from) && !hidden.has(e.to))
      .map((e) => ({
        id: e.id,
        from: e.from,
        to: e.to,
        port: e.port,
        proto: e.edge.proto,
        connections: e.edge.connections,
        seenBy: e.edge.seenBy,
        state: e.edge.state,
        drift: e.drift,
      })),
  };
}
