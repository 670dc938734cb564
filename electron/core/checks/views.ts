/** Read models over the latest scans: the fleet overview table and the topology map. */
import type { FleetMap, FleetRow, MapHost } from '../../../shared/contract/checks';
import type { Edge, Finding, Host, HostScan, Severity } from '../../../shared/model';

const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
/** Kinds that say what a host is for; ssh and "other" are on every box and say nothing. */
const ROLE_KINDS = new Set(['web', 'app', 'database', 'cache', 'queue', 'mail', 'dns', 'monitoring']);

function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function osLabel(scan: HostScan | undefined): string | null {
  const os = scan?.facts?.os;
  if (!os) return null;
  return os.prettyName || `${os.name} ${os.version}`.trim() || null;
}

export function fleetOverview(hosts: Host[], latest: Map<string, HostScan>): FleetRow[] {
  return hosts.map((h) => {
    const scan = latest.get(h.id);
    const main = (scan?.services ?? []).filter((s) => ROLE_KINDS.has(s.kind));
    return {
      host: h.name,
      address: h.address,
      tags: h.tags,
      groups: h.groups,
      lastScan: scan?.startedAt ?? null,
      status: scan?.status ?? null,
      failure: scan?.failure?.message ?? null,
      os: osLabel(scan),
      roles: [...new Set(main.map((s) => s.kind))],
      services: main.map((s) => (s.version ? `${s.product} ${s.version}` : s.product)),
      findings: countFindings(scan?.findings ?? []),
    };
  });
}

export function fleetMap(hosts: Host[], latest: Map<string, HostScan>): FleetMap {
  const mapHosts: MapHost[] = hosts.map((h) => {
    const scan = latest.get(h.id);
    return {
      name: h.name,
      address: h.address,
      tags: h.tags,
      groups: h.groups,
      status: scan ? scan.status : 'never',
      lastScan: scan?.startedAt ?? null,
      failure: scan?.failure?.message ?? null,
      services: scan?.services ?? [],
      findings: countFindings(scan?.findings ?? []),
    };
  });
  // Each edge is stored with both hosts' scans; keep one copy, preferring the newest scan's view.
  const edges = new Map<string, Edge>();
  const ordered = [...latest.values()].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  for (const scan of ordered) for (const e of scan.edges) edges.set(e.key, e);
  const known = new Set(hosts.map((h) => h.name));
  const externals = new Map<string, Set<number>>();
  for (const e of edges.values()) {
    for (const end of [e.from, e.to]) {
      if (end.host && known.has(end.host)) continue;
      const ports = externals.get(end.address) ?? new Set<number>();
      if (end === e.to) ports.add(e.port);
      externals.set(end.address, ports);
    }
  }
  return {
    hosts: mapHosts,
    edges: [...edges.values()],
    externals: [...externals].map(([address, ports]) => ({ address, ports: [...ports].sort((a, b) => a - b) })),
  };
}
