/**
 * What to light up: a node's neighbours (every edge touching it, or touching any service of a
 * selected host) and the shortest path between two nodes. A service and its host count as one step
 * apart, so "path from host A to host C" finds the services that carry it.
 */
import type { GraphEdge, MapGraph } from './types';

export interface Highlight {
  nodes: Set<string>;
  edges: Set<string>;
  /** For a path: the nodes from start to end (services and hosts as walked). */
  order?: string[];
}

/** A host's unattributed local client talking to its own service: not a link between two places. */
export function isLocalLoop(graph: MapGraph, e: Pick<GraphEdge, 'from' | 'to'>): boolean {
  const a = graph.nodes.get(e.from);
  const b = graph.nodes.get(e.to);
  return (
    (a?.kind === 'host' && b?.kind === 'service' && b.hostId === a.id) || (b?.kind === 'host' && a?.kind === 'service' && a.hostId === b.id)
  );
}

function withHosts(graph: MapGraph, nodes: Set<string>): Set<string> {
  for (const id of [...nodes]) {
    const n = graph.nodes.get(id);
    if (n?.kind === 'service') nodes.add(n.hostId);
  }
  return nodes;
}

export function neighbours(graph: MapGraph, id: string): Highlight {
  const edge = graph.edges.find((e) => e.id === id);
  if (edge) return { nodes: withHosts(graph, new Set([edge.from, edge.to])), edges: new Set([edge.id]) };
  const node = graph.nodes.get(id);
  const own = new Set([id, ...(node?.kind === 'host' ? node.services : [])]);
  const nodes = new Set(own);
  const edges = new Set<string>();
  for (const e of graph.edges) {
    if (!own.has(e.from) && !own.has(e.to)) continue;
    edges.add(e.id);
    nodes.add(e.from).add(e.to);
  }
  return { nodes: withHosts(graph, nodes), edges };
}

type Step = { to: string; edge: string | null };
const adjacencyCache = new WeakMap<MapGraph, Map<string, Step[]>>();

function adjacency(graph: MapGraph): Map<string, Step[]> {
  const adj = adjacencyCache.get(graph);
  if (adj) return adj;
  const built = new Map<string, Step[]>();
  const link = (a: string, b: string, edge: string | null) => {
    let list = built.get(a);
    if (!list) built.set(a, (list = []));
    list.push({ to: b, edge });
  };
  for (const s of graph.services) {
    link(s.id, s.hostId, null);
    link(s.hostId, s.id, null);
  }
  for (const e of graph.edges) {
    if (isLocalLoop(graph, e)) continue;
    link(e.from, e.to, e.id);
    link(e.to, e.from, e.id);
  }
  adjacencyCache.set(graph, built);
  return built;
}

/** Shortest path (fewest steps, either direction of traffic) from `a` to `b`; null when unconnected. */
export function shortestPath(graph: MapGraph, a: string, b: string, hidden: ReadonlySet<string> = new Set()): Highlight | null {
  if (!graph.nodes.has(a) || !graph.nodes.has(b)) return null;
  const adj = adjacency(graph);
  const came = new Map<string, Step & { from: string }>();
  const seen = new Set([a]);
  const queue = [a];
  for (let i = 0; i < queue.length && !seen.has(b); i++) {
    const cur = queue[i]!;
    for (const step of adj.get(cur) ?? []) {
      if (seen.has(step.to) || hidden.has(step.to)) continue;
      seen.add(step.to);
      came.set(step.to, { ...step, from: cur });
      queue.push(step.to);
    }
  }
  if (!seen.has(b)) return null;
  const order = [b];
  const edges = new Set<string>();
  for (let cur = b; cur !== a;) {
    const step = came.get(cur)!;
    if (step.edge) edges.add(step.edge);
    order.push(step.from);
    cur = step.from;
  }
  order.reverse();
  return { nodes: withHosts(graph, new Set(order)), edges, order };
}
