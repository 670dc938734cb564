/** MapGraph -> the small, clonable input the layout worker needs. */
import type { MapPosition } from '../../../../shared/contract/map';
import type { MapGraph } from '../model/types';
import type { LayoutInput, LayoutStrategy } from './types';

/** The group (host or external) a node belongs to: what the layout moves. */
export function groupOf(graph: MapGraph, nodeId: string): string {
  const n = graph.nodes.get(nodeId);
  return n?.kind === 'service' ? n.hostId : nodeId;
}

export function layoutInputOf(graph: MapGraph, saved: readonly MapPosition[], strategy: LayoutStrategy = 'tiers'): LayoutInput {
  const weights = new Map<string, [string, string, number]>();
  for (const e of graph.edges) {
    const a = groupOf(graph, e.from);
    const b = groupOf(graph, e.to);
    if (a === b) continue;
    const key = `${a}\n${b}`;
    const w = weights.get(key);
    if (w) w[2]++;
    else weights.set(key, [a, b, 1]);
  }
  return {
    hosts: graph.hosts.map((h) => ({ id: h.id, tier: h.tier, services: h.services })),
    externals: graph.externals.map((x) => ({ id: x.id, tier: x.tier })),
    links: [...weights.values()].sort((x, y) => (x[0] + x[1] < y[0] + y[1] ? -1 : 1)),
    saved: [...saved],
    strategy,
  };
}
