/**
 * A synthetic fleet for the map benchmark and the layout tests, the same shape as the graph the
 * library measurements used (research/map-measured.md): 10 applications x 25 hosts (web 5, app 10,
 * database 5, cache 3, queue 2), 8 services per host = 2,000 services; 4,000 service edges (web->app
 * 1,000, app->app 800, app->db 900, app->cache 600, app->queue 300, 85 % within the application,
 * plus 400 inside hosts); 20 external endpoints with 2 edges each. Seeded: always the same graph.
 */
import type { FleetMap, MapHost } from '../../../shared/contract/checks';
import type { Edge, Service, ServiceKind } from '../../../shared/model';

export interface SyntheticOptions {
  apps?: number;
  seed?: number;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROLES: ReadonlyArray<{ role: string; kind: ServiceKind; count: number; product: string; port: number }> = [
  { role: 'web', kind: 'web', count: 5, product: 'nginx', port: 443 },
  { role: 'app', kind: 'app', count: 10, product: 'java app', port: 8080 },
  { role: 'db', kind: 'database', count: 5, product: 'postgresql', port: 5432 },
  { role: 'cache', kind: 'cache', count: 3, product: 'redis', port: 6379 },
  { role: 'queue', kind: 'queue', count: 2, product: 'rabbitmq', port: 5672 },
];

function service(key: string, kind: ServiceKind, product: string, port: number | null): Service {
  return {
    key,
    name: key.replace(/\.service$/, ''),
    kind,
    product,
    version: '1.0',
    packageName: product,
    packageVersion: '1.0-1',
    unit: key,
    state: 'running',
    pids: [100],
    user: 'svc',
    listeners: port === null ? [] : [{ proto: 'tcp', address: '0.0.0.0', port }],
  };
}

/** 3 services of the host's role on consecutive ports, then ssh, a metrics agent and 3 helpers. */
function hostServices(role: (typeof ROLES)[number]): Service[] {
  return [
    ...[0, 1, 2].map((i) => service(`${role.role}-${i}.service`, role.kind, role.product, role.port + i)),
    service('ssh.service', 'ssh', 'sshd', 22),
    service('node-exporter.service', 'monitoring', 'prometheus-node-exporter', 9100),
    ...[0, 1, 2].map((i) => service(`helper-${i}.service`, 'other', 'helper', null)),
  ];
}

interface Made {
  name: string;
  app: number;
  role: (typeof ROLES)[number];
}

export function syntheticFleetMap(options: SyntheticOptions = {}): FleetMap {
  const apps = options.apps ?? 10;
  const rand = mulberry32(options.seed ?? 20240611);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const made: Made[] = [];
  const hosts: MapHost[] = [];
  for (let a = 0; a < apps; a++)
    for (const role of ROLES)
      for (let i = 0; i < role.count; i++) {
        const name = `a${String(a).padStart(2, '0')}-${role.role}-${i + 1}`;
        made.push({ name, app: a, role });
        hosts.push({
          name,
          address: `10.${a}.${ROLES.indexOf(role)}.${i + 10}`,
          tags: [`app:a${a}`, `role:${role.role}`],
          groups: [`app-${a}`],
          status: 'ok',
          lastScan: '2026-01-01T00:00:00.000Z',
          failure: null,
          services: hostServices(role),
          findings: { critical: 0, high: 0, medium: a % 3, low: 1, info: 0 },
        });
      }
  const byRole = (role: string, app: number | null) => made.filter((m) => m.role.role === role && (app === null || m.app === app));
  const address = new Map(hosts.map((h) => [h.name, h.address]));

  const edges = new Map<string, Edge>();
  const add = (
    fromHost: string | null,
    fromSvc: string | null,
    fromAddr: string,
    toHost: string | null,
    toSvc: string | null,
    toAddr: string,
    port: number,
  ) => {
    const key = `${fromHost ?? `ext:${fromAddr}`}/${fromSvc ?? '?'} -> ${toHost ?? `ext:${toAddr}`}/${toSvc ?? '?'}:${port}/tcp`;
    if (edges.has(key)) return false;
    edges.set(key, {
      key,
      from: { host: fromHost, service: fromSvc, address: fromAddr },
      to: { host: toHost, service: toSvc, address: toAddr },
      port,
      proto: 'tcp',
      connections: 1 + Math.floor(rand() * 4),
      seenBy: ['client', 'server'],
      state: 'established',
    });
    return true;
  };
  const between = (fromRole: string, toRole: string, count: number) => {
    let made = 0;
    while (made < count) {
      const app = Math.floor(rand() * apps);
      const from = pick(byRole(fromRole, app));
      const to = pick(byRole(toRole, rand() < 0.85 ? app : Math.floor(rand() * apps)));
      if (from.name === to.name) continue;
      const i = Math.floor(rand() * 3);
      const j = Math.floor(rand() * 3);
      const fromSvc = `${from.role.role}-${i}.service`;
      const toSvc = `${to.role.role}-${j}.service`;
      if (add(from.name, fromSvc, address.get(from.name)!, to.name, toSvc, address.get(to.name)!, to.role.port + j)) made++;
    }
  };
  between('web', 'app', 1000 * (apps / 10));
  between('app', 'app', 800 * (apps / 10));
  between('app', 'db', 900 * (apps / 10));
  between('app', 'cache', 600 * (apps / 10));
  between('app', 'queue', 300 * (apps / 10));
  let inside = 0;
  while (inside < 400 * (apps / 10)) {
    const h = pick(made);
    const i = Math.floor(rand() * 3);
    const j = (i + 1 + Math.floor(rand() * 2)) % 3;
    const ip = address.get(h.name)!;
    if (add(h.name, `${h.role.role}-${i}.service`, ip, h.name, `${h.role.role}-${j}.service`, ip, h.role.port + j)) inside++;
  }
  const externals: FleetMap['externals'] = [];
  for (let x = 0; x < 10; x++) {
    const client = `203.0.113.${x + 10}`;
    const upstream = `198.51.100.${x + 10}`;
    externals.push({ address: client, ports: [] }, { address: upstream, ports: [443] });
    for (let k = 0; k < 2; k++) {
      const web = pick(byRole('web', null));
      add(null, null, client, web.name, `web-${k}.service`, address.get(web.name)!, 443 + k);
      const app = pick(byRole('app', null));
      add(app.name, `app-${k}.service`, address.get(app.name)!, null, null, upstream, 443);
    }
  }
  return { hosts, edges: [...edges.values()], externals };
}
