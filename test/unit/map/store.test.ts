// The map's state in a real (temporary, cheap-KDF) vault through the core API: positions survive a
// rename and go with a deleted host; drift between a host's last two scans until acknowledged.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../../electron/core/api';
import { diffMapScans } from '../../../electron/core/handlers/map';
import type { HostScan } from '../../../shared/model';
import { edge, service } from './fixtures';

let dir: string;
let core: Core;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'opsdeck-map-'));
  core = new Core({ path: join(dir, 'v.opsdeck'), insecureTestKdf: true, log: () => undefined });
  await core.invoke('vault.create', { passphrase: 'map test passphrase' });
  for (const name of ['h1', 'h2', 'h3']) await core.invoke('hosts.add', { name, address: `10.0.0.${name.slice(1)}` });
});
afterEach(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

function scan(host: string, startedAt: string, parts: Partial<HostScan> = {}): HostScan {
  return {
    host,
    address: '10.0.0.2',
    startedAt,
    durationMs: 10,
    status: 'ok',
    failure: null,
    notes: [],
    facts: null,
    services: [],
    edges: [],
    findings: [],
    ...parts,
  };
}

const save = (host: string, s: HostScan) => core.scans.save('run', core.hosts.get(host).id, s);

describe('map positions in the vault', () => {
  it('round-trip, follow a renamed host, and leave with a deleted one', async () => {
    await core.invoke('map.positions.save', {
      positions: [
        { node: 'host:h1', x: 10, y: 20, pinned: true },
        { node: 'host:h2', x: 300, y: 20, pinned: false },
        { node: 'ext:203.0.113.5', x: -200, y: 40, pinned: false },
        { node: 'host:no-such-host', x: 1, y: 1, pinned: true },
      ],
    });
    expect(await core.invoke('map.positions.get', {})).toEqual([
      { node: 'ext:203.0.113.5', x: -200, y: 40, pinned: false },
      { node: 'host:h1', x: 10, y: 20, pinned: true },
      { node: 'host:h2', x: 300, y: 20, pinned: false },
    ]);
    await core.invoke('map.positions.save', { positions: [{ node: 'host:h1', x: 11, y: 21, pinned: true }] });
    await core.invoke('hosts.update', { name: 'h1', patch: { name: 'web-1' } });
    await core.invoke('hosts.remove', { name: 'h2' });
    expect(await core.invoke('map.positions.get', {})).toEqual([
      { node: 'ext:203.0.113.5', x: -200, y: 40, pinned: false },
      { node: 'host:web-1', x: 11, y: 21, pinned: true },
    ]);
  });

  it('reset forgets laid-out positions, and dragged ones too unless asked to keep them', async () => {
    await core.invoke('map.positions.save', {
      positions: [
        { node: 'host:h1', x: 10, y: 20, pinned: true },
        { node: 'host:h2', x: 300, y: 20, pinned: false },
      ],
    });
    await core.invoke('map.positions.reset', { keepPinned: true });
    expect((await core.invoke('map.positions.get', {})).map((p) => p.node)).toEqual(['host:h1']);
    await core.invoke('map.positions.reset', {});
    expect(await core.invoke('map.positions.get', {})).toEqual([]);
  });

  it('refuses nodes that are not hosts or externals, and absurd coordinates', async () => {
    await expect(core.invoke('map.positions.save', { positions: [{ node: 'svc:h1/x', x: 0, y: 0, pinned: false }] })).rejects.toThrow();
    await expect(core.invoke('map.positions.save', { positions: [{ node: 'host:h1', x: 1e12, y: 0, pinned: false }] })).rejects.toThrow();
  });
});

describe('map drift', () => {
  const app = service('app.service', 'app', 8080);
  const cron = service('cron.service', 'other');
  const worker = service('worker.service', 'app');
  const toDb = edge(['h2', 'app.service', '10.0.0.2'], ['h3', 'pg.service', '10.0.0.3'], 5432);
  const workerToDb = edge(['h2', 'worker.service', '10.0.0.2'], ['h3', 'pg.service', '10.0.0.3'], 5432);

  it('diffs two scans into new and gone services and edges; nothing changed is null', () => {
    const older = scan('h2', '2026-01-01T00:00:00.000Z', { services: [app, cron], edges: [toDb] });
    const newer = scan('h2', '2026-01-02T00:00:00.000Z', { services: [app, worker], edges: [toDb, workerToDb] });
    expect(diffMapScans(older, newer)).toEqual({
      host: 'h2',
      from: older.startedAt,
      to: newer.startedAt,
      addedServices: ['worker.service'],
      removedServices: [cron],
      addedEdges: [workerToDb.key],
      removedEdges: [],
    });
    expect(diffMapScans(older, { ...older, startedAt: newer.startedAt })).toBeNull();
  });

  it('shows drift since the previous scan until acknowledged, then again after the next change', async () => {
    save('h2', scan('h2', '2026-01-01T00:00:00.000Z', { services: [app, cron], edges: [toDb] }));
    expect(await core.invoke('map.drift.get', {})).toEqual([]);
    save('h2', scan('h2', '2026-01-02T00:00:00.000Z', { services: [app, worker], edges: [toDb, workerToDb] }));
    save('h1', scan('h1', '2026-01-02T00:00:00.000Z'));
    const drift = await core.invoke('map.drift.get', {});
    expect(drift).toHaveLength(1);
    expect(drift[0]).toMatchObject({
      host: 'h2',
      addedServices: ['worker.service'],
      removedServices: [cron],
      addedEdges: [workerToDb.key],
    });

    await core.invoke('map.drift.ack', { hosts: ['h2'] });
    expect(await core.invoke('map.drift.get', {})).toEqual([]);

    save('h2', scan('h2', '2026-01-03T00:00:00.000Z', { services: [app], edges: [toDb] }));
    expect(await core.invoke('map.drift.get', {})).toMatchObject([{ host: 'h2', removedServices: [worker], removedEdges: [workerToDb] }]);
    await core.invoke('map.drift.ack', {});
    expect(await core.invoke('map.drift.get', {})).toEqual([]);
  });

  it('shows no drift for a host whose newest check failed (the map shows it as failed)', async () => {
    save('h2', scan('h2', '2026-01-01T00:00:00.000Z', { services: [app] }));
    save('h2', scan('h2', '2026-01-02T00:00:00.000Z', { services: [app, worker] }));
    save('h2', scan('h2', '2026-01-03T00:00:00.000Z', { status: 'failed', failure: { code: 'UNREACHABLE', message: 'no route' } }));
    expect(await core.invoke('map.drift.get', {})).toEqual([]);
  });
});
