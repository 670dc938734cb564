// The layout's promises: deterministic, host groups never overlap, services inside their host,
// the drawing within 3:1, tiers left to right, saved positions reused.
import { describe, expect, it } from 'vitest';
import type { FleetMap } from '../../../shared/contract/checks';
import type { MapPosition } from '../../../shared/contract/map';
import { checkLayout } from '../../../renderer/features/map/layout/checks';
import { computeLayout } from '../../../renderer/features/map/layout/computeLayout';
import { layoutInputOf } from '../../../renderer/features/map/layout/layoutInput';
import type { LayoutResult } from '../../../renderer/features/map/layout/types';
import { buildGraph } from '../../../renderer/features/map/model/buildGraph';
import { syntheticFleetMap } from '../../bench/map/synthetic';
import { edge, host, labMap, service } from './fixtures';

function layout(map: FleetMap, saved: MapPosition[] = []) {
  const input = layoutInputOf(buildGraph(map), saved);
  const result = computeLayout(input);
  return { input, result, checks: checkLayout(input, result) };
}

const withoutClock = (r: LayoutResult) => ({ ...r, ms: 0 });

describe('map layout', () => {
  it('lays out 2,000 services on 250 hosts readably, well inside the 2 s budget', () => {
    const started = performance.now();
    const { result, checks } = layout(syntheticFleetMap());
    expect(performance.now() - started).toBeLessThan(2000);
    expect(Object.keys(result.groups)).toHaveLength(270);
    expect(Object.keys(result.services)).toHaveLength(2000);
    expect(checks).toMatchObject({ overlappingPairs: 0, servicesOutside: 0, ok: true });
    expect(checks.aspect).toBeLessThanOrEqual(3);
  });

  it('is deterministic: the same graph gives the same picture, whatever order the data came in', () => {
    const map = syntheticFleetMap();
    const shuffled: FleetMap = {
      hosts: [...map.hosts].reverse(),
      edges: [...map.edges].reverse(),
      externals: [...map.externals].reverse(),
    };
    const a = layout(map).result;
    expect(withoutClock(layout(map).result)).toEqual(withoutClock(a));
    expect(withoutClock(layout(shuffled).result)).toEqual(withoutClock(a));
  });

  it('puts tiers left to right: clients, web, app, data, upstream', () => {
    const map = syntheticFleetMap({ apps: 3 });
    const { result } = layout(map);
    const xs = (pattern: RegExp) =>
      Object.entries(result.groups)
        .filter(([id]) => pattern.test(id))
        .map(([, r]) => r);
    const right = (rs: { x: number; w: number }[]) => Math.max(...rs.map((r) => r.x + r.w));
    const left = (rs: { x: number }[]) => Math.min(...rs.map((r) => r.x));
    const clients = xs(/^ext:203\./);
    const web = xs(/-web-/);
    const app = xs(/-app-/);
    const data = xs(/-(db|cache|queue)-/);
    const upstream = xs(/^ext:198\.51\./);
    expect(right(clients)).toBeLessThan(left(web));
    expect(right(web)).toBeLessThan(left(app));
    expect(right(app)).toBeLessThan(left(data));
    expect(right(data)).toBeLessThan(left(upstream));
  });

  it('draws the lab as one row web -> app -> data, with the unconnected spares on a shelf below', () => {
    const { result, checks } = layout(labMap());
    const g = result.groups;
    expect(checks.ok).toBe(true);
    expect(g['host:h1']!.x + g['host:h1']!.w).toBeLessThan(g['host:h2']!.x);
    expect(g['host:h2']!.x + g['host:h2']!.w).toBeLessThan(g['host:h3']!.x);
    expect(g['host:h3']!.x).toBe(g['host:h4']!.x);
    const flowBottom = Math.max(...['h1', 'h2', 'h3', 'h4'].map((h) => g[`host:${h}`]!.y + g[`host:${h}`]!.h));
    expect(g['host:h5']!.y).toBeGreaterThan(flowBottom);
    expect(g['host:h6']!.y).toBe(g['host:h5']!.y);
    // The web and app hosts sit level with the middle of the data column.
    const mid = (id: string) => g[id]!.y + g[id]!.h / 2;
    expect(mid('host:h1')).toBeCloseTo((mid('host:h3') + mid('host:h4')) / 2, 0);
  });

  it('packs services inside their host in drawing order, system services last', () => {
    const { input, result } = layout(labMap());
    const h1 = input.hosts.find((h) => h.id === 'host:h1')!;
    expect(h1.services).toEqual(['svc:h1/nginx.service', 'svc:h1/ssh.service']);
    expect(result.services['svc:h1/nginx.service']!.y).toBeLessThan(result.services['svc:h1/ssh.service']!.y);
  });

  it.each([
    ['nothing at all', { hosts: [], edges: [], externals: [] }],
    ['one host never checked', { hosts: [host('solo', [], { status: 'never' })], edges: [], externals: [] }],
    [
      '100 hosts never checked',
      { hosts: Array.from({ length: 100 }, (_, i) => host(`n${i}`, [], { status: 'never' })), edges: [], externals: [] },
    ],
    [
      'a host with 60 services',
      {
        hosts: [
          host(
            'big',
            Array.from({ length: 60 }, (_, i) => service(`s${i}.service`, 'other')),
          ),
        ],
        edges: [],
        externals: [],
      },
    ],
    [
      'a chain through every tier, one host each',
      {
        hosts: [
          host('w', [service('w.service', 'web', 80)]),
          host('a', [service('a.service', 'app', 8080)]),
          host('d', [service('d.service', 'database', 5432)]),
          host('m', [service('m.service', 'monitoring', 9090)]),
          host('o', [service('o.service', 'other', 7000)]),
        ],
        edges: [
          edge([null, null, '203.0.113.9'], ['w', 'w.service', '10.0.0.1'], 80),
          edge(['w', 'w.service', '10.0.0.1'], ['a', 'a.service', '10.0.0.2'], 8080),
          edge(['a', 'a.service', '10.0.0.2'], ['d', 'd.service', '10.0.0.3'], 5432),
          edge(['m', 'm.service', '10.0.0.4'], ['o', 'o.service', '10.0.0.5'], 7000),
          edge(['a', 'a.service', '10.0.0.2'], ['m', 'm.service', '10.0.0.4'], 9090),
          edge(['o', 'o.service', '10.0.0.5'], [null, null, '198.51.100.7'], 443),
        ],
        externals: [],
      },
    ],
  ] as Array<[string, FleetMap]>)('stays readable for %s', (_name, map) => {
    const { checks } = layout(map);
    expect(checks).toMatchObject({ overlappingPairs: 0, servicesOutside: 0 });
    expect(checks.aspect).toBeLessThanOrEqual(3);
  });
});

describe('saved positions', () => {
  it('keeps every saved group exactly where it was and reports nothing to save', () => {
    const first = layout(labMap()).result;
    const saved = Object.entries(first.groups).map(([node, r]) => ({ node, x: r.x + 500, y: r.y + 300, pinned: false }));
    const again = layout(labMap(), saved).result;
    for (const p of saved) expect(again.groups[p.node]).toMatchObject({ x: p.x, y: p.y });
    expect(again.fresh).toEqual([]);
    expect(again.services['svc:h1/nginx.service']!.x).toBe(first.services['svc:h1/nginx.service']!.x + 500);
  });

  it('places a new host next to its tier peers, clear of everything, and asks to save only it', () => {
    const before = layout(labMap()).result;
    const saved = Object.entries(before.groups).map(([node, r]) => ({ node, x: r.x, y: r.y, pinned: node === 'host:h2' }));
    const grown = labMap();
    grown.hosts.push(host('h7', [service('other-db.service', 'database', 5433)]));
    grown.edges.push(edge(['h2', 'fleet-app.service', '10.0.0.2'], ['h7', 'other-db.service', '10.0.0.7'], 5433));
    const { result, checks } = layout(grown, saved);
    expect(checks.overlappingPairs).toBe(0);
    expect(result.fresh).toEqual(['host:h7']);
    for (const p of saved) expect(result.groups[p.node]).toMatchObject({ x: p.x, y: p.y });
    // In the data column, beside h3 and h4 rather than somewhere else.
    expect(Math.abs(result.groups['host:h7']!.x - result.groups['host:h3']!.x)).toBeLessThan(400);
  });

  it('moves a remembered group that would overlap a dragged one, and asks to save the move', () => {
    const before = layout(labMap()).result;
    const h3 = before.groups['host:h3']!;
    const saved: MapPosition[] = [
      { node: 'host:h3', x: h3.x, y: h3.y, pinned: true },
      { node: 'host:h4', x: h3.x + 10, y: h3.y + 10, pinned: false },
    ];
    const { result, checks } = layout(labMap(), saved);
    expect(checks.overlappingPairs).toBe(0);
    expect(result.groups['host:h3']).toMatchObject({ x: h3.x, y: h3.y });
    expect(result.fresh).toContain('host:h4');
  });
});
