// From 'map.get' (+ drift) to the map's graph: node ids, edge ends, externals, drift marks.
import { describe, expect, it } from 'vitest';
import type { MapDrift } from '../../../shared/contract/map';
import { buildGraph, isSystemService } from '../../../renderer/features/map/model/buildGraph';
import { isLocalLoop } from '../../../renderer/features/map/model/neighbours';
import { edge, labMap, service } from './fixtures';

describe('buildGraph', () => {
  it('makes hosts groups of their services, with tiers from what they run', () => {
    const g = buildGraph(labMap());
    expect(g.hosts.map((h) => [h.name, h.tier])).toEqual([
      ['h1', 'web'],
      ['h2', 'app'],
      ['h3', 'data'],
      ['h4', 'data'],
      ['h5', 'other'],
      ['h6', 'other'],
    ]);
    expect(g.hosts[0]!.services).toEqual(['svc:h1/nginx.service', 'svc:h1/ssh.service']);
    expect(g.nodes.get('svc:h3/postgresql@15-main.service')).toMatchObject({ kind: 'service', hostId: 'host:h3', system: false });
    expect(g.nodes.get('svc:h3/ssh.service')).toMatchObject({ system: true });
  });

  it('resolves edge ends to services, to the host when the process is unknown, and to externals', () => {
    const map = labMap();
    map.edges.push(edge([null, null, '203.0.113.5'], ['h1', 'nginx.service', '10.0.0.1'], 443));
    map.edges.push(edge(['h2', 'fleet-app.service', '10.0.0.2'], [null, null, '198.51.100.9'], 443));
    map.edges.push(edge(['h2', 'gone-away.service', '10.0.0.2'], ['h3', 'postgresql@15-main.service', '10.0.0.3'], 5432));
    const g = buildGraph(map);
    const byPort = (port: number, to: string) => g.edges.find((e) => e.port === port && e.to === to)!;
    expect(byPort(8080, 'svc:h2/fleet-app.service').from).toBe('svc:h1/nginx.service');
    expect(byPort(80, 'svc:h1/nginx.service').from).toBe('host:h1');
    expect(g.edges.find((e) => e.edge.from.service === 'gone-away.service')!.from).toBe('host:h2');
    expect(g.externals.map((x) => [x.id, x.tier, x.ports])).toEqual([
      ['ext:198.51.100.9', 'upstream', [443]],
      ['ext:203.0.113.5', 'clients', []],
    ]);
  });

  it("does not count a host's local client of its own service as a link", () => {
    const g = buildGraph(labMap());
    const local = g.edges.find((e) => e.port === 80)!;
    expect(isLocalLoop(g, local)).toBe(true);
    expect(
      isLocalLoop(
        g,
        g.edges.find((e) => e.port === 8080)!,
      ),
    ).toBe(false);
  });

  it('marks drift: new services and edges, and keeps gone ones as ghosts', () => {
    const map = labMap();
    const worker = service('worker.service', 'app');
    map.hosts[1]!.services.push(worker);
    const newEdge = edge(['h2', 'worker.service', '10.0.0.2'], ['h3', 'postgresql@15-main.service', '10.0.0.3'], 5432);
    map.edges.push(newEdge);
    const goneEdge = edge(['h2', 'cron.service', '10.0.0.2'], ['h4', 'redis-server.service', '10.0.0.4'], 6379);
    const drift: MapDrift[] = [
      {
        host: 'h2',
        from: '2026-01-01T00:00:00.000Z',
        to: '2026-01-02T00:00:00.000Z',
        addedServices: ['worker.service'],
        removedServices: [service('cron.service', 'other')],
        addedEdges: [newEdge.key],
        removedEdges: [goneEdge],
      },
    ];
    const g = buildGraph(map, drift);
    expect(g.nodes.get('svc:h2/worker.service')).toMatchObject({ drift: 'new' });
    expect(g.nodes.get('svc:h2/cron.service')).toMatchObject({ drift: 'gone' });
    expect(g.edges.find((e) => e.id === newEdge.key)!.drift).toBe('new');
    expect(g.edges.find((e) => e.id === goneEdge.key)).toMatchObject({ drift: 'gone', from: 'svc:h2/cron.service' });
    expect(g.edges.filter((e) => e.drift === null)).toHaveLength(4);
    // A gone service never decides the host's tier.
    expect(g.hosts[1]!.tier).toBe('app');
  });

  it('recognises ssh and the daemons every box runs as system services', () => {
    expect(isSystemService(service('ssh.service', 'ssh', 22))).toBe(true);
    expect(isSystemService(service('cron.service', 'other'))).toBe(true);
    expect(isSystemService(service('systemd-resolved.service', 'other'))).toBe(true);
    expect(isSystemService(service('helper.service', 'other'))).toBe(false);
    expect(isSystemService(service('nginx.service', 'web'))).toBe(false);
  });
});
