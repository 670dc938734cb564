/** Small hand-made fleets for the map tests, shaped like the lab: web -> app -> database and cache. */
import type { FleetMap, MapHost } from '../../../shared/contract/checks';
import type { Edge, Service, ServiceKind } from '../../../shared/model';

export function service(key: string, kind: ServiceKind, port: number | null = null, product = key.replace(/\.service$/, '')): Service {
  return {
    key,
    name: key.replace(/\.service$/, ''),
    kind,
    product,
    version: null,
    packageName: null,
    packageVersion: null,
    unit: key,
    state: 'running',
    pids: [],
    user: null,
    listeners: port === null ? [] : [{ proto: 'tcp', address: '0.0.0.0', port }],
  };
}

export function host(name: string, services: Service[], extra: Partial<MapHost> = {}): MapHost {
  return {
    name,
    address: `10.0.0.${name.replace(/\D/g, '') || '1'}`,
    tags: [],
    groups: [],
    status: 'ok',
    lastScan: '2026-01-01T00:00:00.000Z',
    failure: null,
    services,
    findings: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
    ...extra,
  };
}

export function edge(from: [string | null, string | null, string], to: [string | null, string | null, string], port: number): Edge {
  const end = ([host, service, address]: [string | null, string | null, string]) => ({ host, service, address });
  return {
    key: `${from[0] ?? `ext:${from[2]}`}/${from[1] ?? '?'} -> ${to[0] ?? `ext:${to[2]}`}/${to[1] ?? '?'}:${port}/tcp`,
    from: end(from),
    to: end(to),
    port,
    proto: 'tcp',
    connections: 1,
    seenBy: ['client', 'server'],
    state: 'established',
  };
}

/** The lab's shape: h1 web, h2 app, h3 postgres, h4 redis, h5 and h6 spares (ssh only). */
export function labMap(): FleetMap {
  const ssh = service('ssh.service', 'ssh', 22);
  const hosts = [
    host('h1', [service('nginx.service', 'web', 80), ssh], { tags: ['role:web'], groups: ['frontend'] }),
    host('h2', [service('fleet-app.service', 'app', 8080), ssh], { tags: ['role:app'], groups: ['frontend'] }),
    host('h3', [service('postgresql@15-main.service', 'database', 5432, 'postgresql'), ssh], { tags: ['role:db'], groups: ['data'] }),
    host('h4', [service('redis-server.service', 'cache', 6379, 'redis'), ssh], { tags: ['role:cache'], groups: ['data'] }),
    host('h5', [ssh], { tags: ['role:spare'] }),
    host('h6', [ssh], { tags: ['role:spare'] }),
  ];
  const edges = [
    edge(['h1', 'nginx.service', '10.0.0.1'], ['h2', 'fleet-app.service', '10.0.0.2'], 8080),
    edge(['h2', 'fleet-app.service', '10.0.0.2'], ['h3', 'postgresql@15-main.service', '10.0.0.3'], 5432),
    edge(['h2', 'fleet-app.service', '10.0.0.2'], ['h4', 'redis-server.service', '10.0.0.4'], 6379),
    // The lab's load generator: an unattributed local client of nginx.
    edge(['h1', null, '127.0.0.1'], ['h1', 'nginx.service', '127.0.0.1'], 80),
  ];
  return { hosts, edges, externals: [] };
}
