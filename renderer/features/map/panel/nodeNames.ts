/** How a node is named in the panel's lists: "postgresql on h3", "h3", "203.0.113.7". */
import type { MapGraph } from '../model/types';

export function nodeName(graph: MapGraph, id: string): string {
  const n = graph.nodes.get(id);
  if (!n) return id;
  if (n.kind === 'host') return n.name;
  if (n.kind === 'external') return n.address;
  return `${n.service.name} on ${n.hostId.slice('host:'.length)}`;
}

/** The inventory host a node belongs to (for "open host" and "deep check again"); null for externals. */
export function hostNameOf(graph: MapGraph, id: string): string | null {
  const n = graph.nodes.get(id);
  if (n?.kind === 'host') return n.name;
  if (n?.kind === 'service') return n.hostId.slice('host:'.length);
  return null;
}
