// Filters, search, neighbours and paths over the map's graph.
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../renderer/features/map/model/buildGraph';
import { facets, hiddenNodes, NO_FILTERS } from '../../../renderer/features/map/model/filters';
import { neighbours, shortestPath } from '../../../renderer/features/map/model/neighbours';
import { searchNodes } from '../../../renderer/features/map/model/search';
import { edge, labMap } from './fixtures';

const hostsShown = (hidden: Set<string>) => ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].filter((h) => !hidden.has(`host:${h}`));

describe('filters', () => {
  const g = buildGraph(labMap());

  it('hide nothing by default', () => expect(hiddenNodes(g, NO_FILTERS).size).toBe(0));

  it('by tag and by group keep only those hosts, with their services', () => {
    const byTag = hiddenNodes(g, { ...NO_FILTERS, tag: 'role:db' });
    expect(hostsShown(byTag)).toEqual(['h3']);
    expect(byTag.has('svc:h1/nginx.service')).toBe(true);
    expect(byTag.has('svc:h3/postgresql@15-main.service')).toBe(false);
    expect(hostsShown(hiddenNodes(g, { ...NO_FILTERS, group: 'data' }))).toEqual(['h3', 'h4']);
  });

  it('by kind keep only hosts running that kind', () => {
    const hidden = hiddenNodes(g, { ...NO_FILTERS, kinds: ['cache', 'web'] });
    expect(hostsShown(hidden)).toEqual(['h1', 'h4']);
    expect(hidden.has('svc:h1/ssh.service')).toBe(true);
  });

  it('hiding system services keeps every host', () => {
    const hidden = hiddenNodes(g, { ...NO_FILTERS, hideSystem: true });
    expect(hostsShown(hidden)).toHaveLength(6);
    expect([...hidden].sort()).toEqual(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => `svc:${h}/ssh.service`));
  });

  it('hide an external endpoint once nothing visible talks to it', () => {
    const map = labMap();
    map.edges.push(edge([null, null, '203.0.113.5'], ['h5', 'ssh.service', '10.0.0.5'], 22));
    const withExt = buildGraph(map);
    expect(hiddenNodes(withExt, NO_FILTERS).has('ext:203.0.113.5')).toBe(false);
    expect(hiddenNodes(withExt, { ...NO_FILTERS, hideSystem: true }).has('ext:203.0.113.5')).toBe(true);
  });

  it('offer the tags, groups and kinds present, with counts', () => {
    const f = facets(g);
    expect(f.groups).toEqual([
      ['data', 2],
      ['frontend', 2],
    ]);
    expect(f.tags).toContainEqual(['role:spare', 2]);
    expect(f.kinds).toEqual(['web', 'app', 'database', 'cache', 'ssh']);
  });
});

describe('search', () => {
  const g = buildGraph(labMap());
  it('finds services by name and product, hosts by name and address; names first', () => {
    expect(searchNodes(g, 'redis')[0]).toMatchObject({ id: 'svc:h4/redis-server.service', kind: 'service' });
    expect(searchNodes(g, 'postgres')[0]!.id).toBe('svc:h3/postgresql@15-main.service');
    expect(searchNodes(g, 'h2')[0]).toMatchObject({ id: 'host:h2', kind: 'host' });
    expect(searchNodes(g, '10.0.0.4')[0]!.id).toBe('host:h4');
    expect(searchNodes(g, '6379').map((h) => h.id)).toContain('svc:h4/redis-server.service');
    expect(searchNodes(g, '  ')).toEqual([]);
    expect(searchNodes(g, 'nothing-like-this')).toEqual([]);
  });
});

describe('neighbours and paths', () => {
  const g = buildGraph(labMap());
  it("light up a service's edges and the nodes at their other ends, with their hosts", () => {
    const n = neighbours(g, 'svc:h2/fleet-app.service');
    expect(n.edges.size).toBe(3);
    expect([...n.nodes].sort()).toEqual(
      [
        'host:h1',
        'host:h2',
        'host:h3',
        'host:h4',
        'svc:h1/nginx.service',
        'svc:h2/fleet-app.service',
        'svc:h3/postgresql@15-main.service',
        'svc:h4/redis-server.service',
      ].sort(),
    );
  });

  it("light up every edge of a host's services when the host is selected", () => {
    const n = neighbours(g, 'host:h1');
    expect(n.edges.size).toBe(2);
    expect(n.nodes.has('host:h2')).toBe(true);
  });

  it('find the shortest path between hosts through their services', () => {
    const p = shortestPath(g, 'host:h1', 'host:h4')!;
    expect(p.order).toEqual(['host:h1', 'svc:h1/nginx.service', 'svc:h2/fleet-app.service', 'svc:h4/redis-server.service', 'host:h4']);
    expect(p.edges.size).toBe(2);
    expect(shortestPath(g, 'svc:h3/postgresql@15-main.service', 'svc:h4/redis-server.service')!.edges.size).toBe(2);
  });

  it('say when there is no path, also when the only way is hidden', () => {
    expect(shortestPath(g, 'host:h1', 'host:h5')).toBeNull();
    expect(shortestPath(g, 'host:h1', 'host:h4', new Set(['svc:h2/fleet-app.service']))).toBeNull();
  });
});
