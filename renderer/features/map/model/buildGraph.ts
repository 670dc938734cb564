/**
 * FleetMap (+ drift not yet acknowledged) -> MapGraph. Gone services and edges are kept as nodes and
 * edges marked 'gone' so the map can still draw what disappeared until the user acknowledges it.
 */
import type { FleetMap, MapHost } from '../../../../shared/contract/checks';
import type { MapDrift } from '../../../../shared/contract/map';
import type { Edge, EdgeEnd, Service, ServiceKind } from '../../../../shared/model';
import { hostTier } from './tiers';
import type { DriftMark, ExternalNode, GraphEdge, HostNode, MapGraph, MapNode, ServiceNode } from './types';

/** Drawing order of services inside a host: the ones that say what the host is for first. */
const KIND_ORDER: readonly ServiceKind[] = ['web', 'app', 'database', 'cache', 'queue', 'mail', 'dns', 'monitoring', 'other', 'ssh'];

/** Daemons every Linux box runs: hidden by "hide ssh/system services". */
const SYSTEM_PRODUCT =
  /^(systemd|cron|crond|anacron|dbus|rsyslog|syslog|chrony|ntp|ntpd|avahi|cups|polkit|udisks|snapd|getty|agetty|atd|dhclient)/i;

export const hostId = (name: string) => `host:${name}`;
export const serviceId = (host: string, key: string) => `svc:${host}/${key}`;
export const externalId = (address: string) => `ext:${address}`;

export function isSystemService(s: Pick<Service, 'kind' | 'product' | 'name'>): boolean {
  return s.kind === 'ssh' || (s.kind === 'other' && (SYSTEM_PRODUCT.test(s.product) || SYSTEM_PRODUCT.test(s.name)));
}

function serviceOrder(a: ServiceNode, b: ServiceNode): number {
  if (a.system !== b.system) return a.system ? 1 : -1;
  const k = KIND_ORDER.indexOf(a.service.kind) - KIND_ORDER.indexOf(b.service.kind);
  return k !== 0 ? k : a.service.name.localeCompare(b.service.name) || a.service.key.localeCompare(b.service.key);
}

function hostNodes(map: FleetMap, driftByHost: Map<string, MapDrift>): { hosts: HostNode[]; services: ServiceNode[] } {
  const hosts: HostNode[] = [];
  const services: ServiceNode[] = [];
  const sorted = [...map.hosts].sort((a, b) => a.name.localeCompare(b.name));
  for (const h of sorted) {
    const drift = driftByHost.get(h.name);
    const added = new Set(drift?.addedServices ?? []);
    const present = new Set(h.services.map((s) => s.key));
    const own: ServiceNode[] = [];
    const add = (service: Service, mark: DriftMark) =>
      own.push({
        id: serviceId(h.name, service.key),
        kind: 'service',
        hostId: hostId(h.name),
        service,
        system: isSystemService(service),
        drift: mark,
      });
    for (const s of h.services) add(s, added.has(s.key) ? 'new' : null);
    for (const s of drift?.removedServices ?? []) if (!present.has(s.key)) add(s, 'gone');
    own.sort(serviceOrder);
    services.push(...own);
    hosts.push({ id: hostId(h.name), kind: 'host', name: h.name, host: h, services: own.map((s) => s.id), tier: hostTier(h, own) });
  }
  return { hosts, services };
}

/** Resolves an edge end to the most precise node the map has for it. */
function endNode(end: EdgeEnd, hosts: Map<string, MapHost>, nodes: Map<string, MapNode>): string {
  if (end.host && hosts.has(end.host)) {
    const svc = end.service ? serviceId(end.host, end.service) : null;
    return svc && nodes.has(svc) ? svc : hostId(end.host);
  }
  return externalId(end.address);
}

export function buildGraph(map: FleetMap, drifts: readonly MapDrift[] = []): MapGraph {
  const driftByHost = new Map(drifts.map((d) => [d.host, d]));
  const { hosts, services } = hostNodes(map, driftByHost);
  const nodes = new Map<string, MapNode>();
  for (const n of [...hosts, ...services]) nodes.set(n.id, n);
  const hostByName = new Map(map.hosts.map((h) => [h.name, h]));

  const addedEdges = new Set(drifts.flatMap((d) => d.addedEdges));
  const all: { edge: Edge; drift: DriftMark }[] = map.edges.map((e) => ({ edge: e, drift: addedEdges.has(e.key) ? 'new' : null }));
  const present = new Set(map.edges.map((e) => e.key));
  for (const d of drifts)
    for (const e of d.removedEdges)
      if (!present.has(e.key)) {
        present.add(e.key);
        all.push({ edge: e, drift: 'gone' });
      }

  const edges: GraphEdge[] = [];
  const externals = new Map<string, { node: ExternalNode; marks: DriftMark[]; asServer: number; asClient: number }>();
  const external = (address: string) => {
    const id = externalId(address);
    let x = externals.get(id);
    if (!x) {
      x = { node: { id, kind: 'external', address, ports: [], tier: 'clients', drift: null }, marks: [], asServer: 0, asClient: 0 };
      externals.set(id, x);
    }
    return x;
  };
  for (const { edge, drift } of all) {
    const from = endNode(edge.from, hostByName, nodes);
    const to = endNode(edge.to, hostByName, nodes);
    if (from.startsWith('ext:')) external(edge.from.address).asClient++;
    if (to.startsWith('ext:')) {
      const x = external(edge.to.address);
      x.asServer++;
      if (!x.node.ports.includes(edge.port)) x.node.ports.push(edge.port);
    }
    for (const id of [from, to]) if (id.startsWith('ext:')) externals.get(id)?.marks.push(drift);
    edges.push({ id: edge.key, from, to, port: edge.port, edge, drift });
  }
  // Addresses the core lists without an edge we kept (should not happen, but never drop data).
  for (const x of map.externals) external(x.address);

  const extNodes = [...externals.values()]
    .map(({ node, marks, asServer, asClient }) => {
      node.ports.sort((a, b) => a - b);
      // Something our services call is upstream (right); something that only calls us is a client (left).
      node.tier = asServer > 0 && asServer >= asClient ? 'upstream' : 'clients';
      node.drift =
        marks.length > 0 && marks.every((m) => m === 'new') ? 'new' : marks.length > 0 && marks.every((m) => m === 'gone') ? 'gone' : null;
      return node;
    })
    .sort((a, b) => a.address.localeCompare(b.address));
  for (const n of extNodes) nodes.set(n.id, n);
  edges.sort((a, b) => a.id.localeCompare(b.id));
  return { hosts, services, externals: extNodes, edges, nodes };
}
