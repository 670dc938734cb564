/**
 * The deep check against the real test fleet: every role's service with its version, the
 * web -> app -> db/cache edges with ports and direction, a stopped service as drift, an
 * unreachable host failing alone, a changed host key refused, a host behind a jump host.
 * Prints the cold wall time for the whole fleet.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { labExec, labStatus, type LabHost, type LabStatus } from '../fleet';
import { diffScans, runDeepCheck, type DeepCheckHost } from '../../electron/core/discovery';
import { layeredHostKeyStore, MemoryHostKeyStore } from '../../electron/core/ssh/host-keys';
import { KnownHostsFile } from '../../electron/core/ssh/known-hosts';
import { SshPool } from '../../electron/core/ssh/pool';
import type { DeepCheckProgress, HostScan } from '../../shared/model/scan';
import { ed25519Blob } from '../unit/ssh/keys';

let lab: LabStatus;
let key: Buffer;
const byRole = (role: LabHost['role']) => lab.hosts.find((h) => h.role === role)!;
const checkHost = (h: LabHost, jumps: LabHost[] = []): DeepCheckHost => {
  const t = (x: LabHost) => ({
    name: x.name,
    host: x.address,
    port: x.port,
    username: x.user,
    auth: { type: 'key' as const, privateKey: key },
  });
  return { name: h.name, target: { ...t(h), jumps: jumps.map(t) } };
};
const trustLab = () => layeredHostKeyStore(new MemoryHostKeyStore(), new KnownHostsFile(lab.hosts[0]!.knownHostsPath));
const service = (scan: HostScan, product: string) => scan.services.find((s) => s.product === product);

async function scanAll(hosts: DeepCheckHost[], store = trustLab(), peers: HostScan[] = []) {
  const pool = new SshPool({ hostKeys: store, readyTimeoutMs: 8000 });
  const progress: DeepCheckProgress[] = [];
  const t0 = Date.now();
  try {
    const scans = await runDeepCheck(pool, hosts, { onProgress: (p) => progress.push(p), peers });
    return { scans, progress, ms: Date.now() - t0 };
  } finally {
    await pool.closeAll();
  }
}

/** Wait until the app host holds a live connection to `port` again (the lab app retries every 2 s). */
async function waitForAppConnection(port: number): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const r = await labExec(byRole('app').name, `ss -Htn state established '( dport = :${port} )' | wc -l`, { user: 'root' });
    if (Number(r.stdout.trim()) > 0) return;
    await new Promise((r2) => setTimeout(r2, 1000));
  }
  throw new Error(`the app did not reconnect to port ${port}`);
}

beforeAll(async () => {
  lab = await labStatus();
  if (!lab.up) throw new Error('the test fleet is not up (npm run lab:up)');
  key = readFileSync(lab.hosts[0]!.privateKeyPath);
  await waitForAppConnection(5432);
  await waitForAppConnection(6379);
});

describe('deep check on the test fleet', () => {
  let fleet: HostScan[];

  it('scans every host (cold connections), with an unreachable address failing alone', async () => {
    const running = lab.hosts.filter((h) => h.state === 'running');
    const ghost: DeepCheckHost = {
      name: 'ghost',
      target: { name: 'ghost', host: '198.18.0.99', port: 22, username: 'ops', auth: { type: 'key', privateKey: key } },
    };
    const cold = await scanAll(running.map((h) => checkHost(h)));
    process.stdout.write(
      `[deepcheck] ${running.length} hosts, cold connections: ${cold.ms} ms wall; per host ${cold.scans.map((s) => `${s.host} ${s.durationMs} ms`).join(', ')}\n`,
    );
    expect(cold.scans.every((s) => s.status === 'ok')).toBe(true);
    fleet = cold.scans;

    const withGhost = await scanAll([...running.map((h) => checkHost(h)), ghost]);
    const g = withGhost.scans.find((s) => s.host === 'ghost')!;
    expect(g).toMatchObject({
      status: 'failed',
      facts: null,
      failure: { code: expect.stringMatching(/^(UNREACHABLE|TIMEOUT)$/) as string },
    });
    expect(withGhost.scans.filter((s) => s.host !== 'ghost').every((s) => s.status === 'ok')).toBe(true);
    // progress: every host queued, then done exactly once
    for (const h of [...running.map((x) => x.name), 'ghost']) {
      expect(withGhost.progress.filter((p) => p.host === h && p.phase === 'done')).toHaveLength(1);
      expect(withGhost.progress.find((p) => p.host === h)?.phase).toBe('queued');
    }
  });

  it("finds each role's service with product and version", () => {
    const scan = (role: LabHost['role']) => fleet.find((s) => s.host === byRole(role).name)!;
    expect(service(scan('web'), 'nginx')).toMatchObject({
      kind: 'web',
      state: 'running',
      version: expect.stringMatching(/^1\.\d+\.\d+$/) as string,
    });
    expect(service(scan('app'), 'python app')).toMatchObject({
      kind: 'app',
      unit: 'fleet-app.service',
      version: expect.stringMatching(/^3\.\d+/) as string,
    });
    expect(service(scan('app'), 'python app')!.listeners).toContainEqual({ proto: 'tcp', address: '0.0.0.0', port: 8080 });
    expect(service(scan('db'), 'postgresql')).toMatchObject({
      kind: 'database',
      state: 'running',
      version: expect.stringMatching(/^\d+\.\d+$/) as string,
    });
    expect(service(scan('cache'), 'redis')).toMatchObject({
      kind: 'cache',
      state: 'running',
      version: expect.stringMatching(/^\d+\.\d+\.\d+$/) as string,
    });
    for (const s of fleet) {
      expect(service(s, 'sshd')?.kind).toBe('ssh');
      expect(s.facts?.os.family).toBe('debian');
      expect(s.facts?.meta.privilege).toBe('sudo');
    }
  });

  it('builds web -> app -> db/cache edges with server ports and client -> server direction', () => {
    const [web, app, db, cache] = (['web', 'app', 'db', 'cache'] as const).map((r) => byRole(r).name);
    const all = new Map(fleet.flatMap((s) => s.edges).map((e) => [e.key, e]));
    const expectEdge = (from: string, fromSvc: string, to: string, toSvc: string, port: number) => {
      const e = all.get(`${from}/${fromSvc} -> ${to}/${toSvc}:${port}/tcp`);
      expect(e, `${from} -> ${to}:${port}`).toBeDefined();
      expect(e).toMatchObject({
        from: { host: from, service: fromSvc },
        to: { host: to, service: toSvc },
        port,
        state: 'established',
        seenBy: ['client', 'server'],
      });
    };
    expectEdge(web!, 'nginx.service', app!, 'fleet-app.service', 8080);
    expectEdge(
      app!,
      'fleet-app.service',
      db!,
      service(
        fleet.find((s) => s.host === db)!,
        'postgresql',
      )!.key,
      5432,
    );
    expectEdge(app!, 'fleet-app.service', cache!, 'redis-server.service', 6379);
    // The scanner's own session never shows up. Other SSH sessions to the fleet (a person, another
    // test) are real edges, so count: edges from the scanner's address carry every established
    // ssh socket from there except the scanner's own.
    for (const scan of fleet) {
      const [clientIp, clientPort] = (scan.facts!.meta.sshConnection ?? '').split(/\s+/);
      const fromScanner = scan.facts!.sockets.filter((x) => x.state === 'ESTAB' && x.localPort === 22 && x.peerAddress === clientIp);
      expect(fromScanner.some((x) => String(x.peerPort) === clientPort)).toBe(true);
      const edge = [...all.values()].find(
        (e) => e.to.host === scan.host && e.port === 22 && e.from.address === clientIp && e.state === 'established',
      );
      expect(edge?.connections ?? 0, scan.host).toBe(fromScanner.length - 1);
    }
    // each edge is listed on both hosts it touches
    expect(fleet.find((s) => s.host === db)!.edges.some((e) => e.from.host === app)).toBe(true);
  });

  it('reports findings with evidence (the web certificate is valid for 30 days; redis listens everywhere)', () => {
    const web = fleet.find((s) => s.host === byRole('web').name)!;
    expect(web.findings.find((f) => f.code === 'CERT_EXPIRING')).toMatchObject({
      subject: '/etc/ssl/certs/fleet-web.pem',
      evidence: [expect.stringContaining('fleet.test') as string],
    });
    expect(fleet.find((s) => s.host === byRole('cache').name)!.findings.map((f) => f.code)).toContain('INTERNAL_SERVICE_EXPOSED');
  });

  it('a stopped service shows as drift: state, closed ports, lost edges', async () => {
    const cache = byRole('cache');
    const app = byRole('app');
    const before = fleet.find((s) => s.host === cache.name)!;
    await labExec(cache.name, 'systemctl stop redis-server', { user: 'root' });
    try {
      const { scans } = await scanAll([checkHost(cache), checkHost(app)]);
      const after = scans.find((s) => s.host === cache.name)!;
      expect(service(after, 'redis')).toMatchObject({ state: 'stopped', pids: [], listeners: [] });
      const drift = diffScans(before, after);
      const summaries = drift.changes.map((c) => c.summary);
      expect(summaries).toContain('service redis-server stopped (was running)');
      expect(drift.changes.filter((c) => c.category === 'port' && c.change === 'removed').map((c) => c.subject)).toContain(
        'tcp 0.0.0.0:6379',
      );
      expect(drift.changes).toContainEqual(
        expect.objectContaining({
          category: 'edge',
          change: 'removed',
          subject: `${app.name}/fleet-app.service -> ${cache.name}/redis-server.service:6379/tcp`,
        }),
      );
    } finally {
      await labExec(cache.name, 'systemctl start redis-server', { user: 'root' });
      await waitForAppConnection(6379);
    }
    const { scans } = await scanAll([checkHost(cache), checkHost(app)]);
    expect(
      diffScans(
        before,
        scans.find((s) => s.host === cache.name)!,
      ).changes.filter((c) => c.category === 'service'),
    ).toEqual([]);
  });

  it('refuses a host whose key changed, and only that host', async () => {
    // A trust store with the lab's real keys, except for the db host, whose stored key is another one.
    const db = byRole('db');
    const store = new MemoryHostKeyStore();
    await store.add(db.address, 22, { keyType: 'ssh-ed25519', key: ed25519Blob() });
    const kh = new KnownHostsFile(lab.hosts[0]!.knownHostsPath);
    for (const h of lab.hosts.filter((x) => x.name !== db.name))
      for (const k of await kh.lookup(h.address, 22)) await store.add(h.address, 22, k);
    const { scans } = await scanAll(
      (['web', 'db', 'cache'] as const).map((r) => checkHost(byRole(r))),
      store,
    );
    const dbScan = scans.find((s) => s.host === db.name)!;
    expect(dbScan).toMatchObject({ status: 'failed', failure: { code: 'HOST_KEY_CHANGED' } });
    expect(dbScan.failure!.message).toMatch(/Expected ssh-ed25519 SHA256:.+ but the server presented ssh-ed25519 SHA256:/);
    expect(scans.filter((s) => s.host !== db.name).every((s) => s.status === 'ok')).toBe(true);
  });

  it('scans a host behind a jump host; neither leg of the jump is an edge', async () => {
    const spares = lab.hosts.filter((h) => h.role === 'spare');
    const [jump, inner] = [spares[0]!, spares[1]!];
    const { scans } = await scanAll([checkHost(jump), checkHost(inner, [jump])]);
    const innerScan = scans.find((s) => s.host === inner.name)!;
    expect(innerScan.status).toBe('ok');
    expect(innerScan.facts?.os.hostname).toBe(inner.name);
    expect(innerScan.facts?.meta.sshConnection?.split(' ')[0]).toBe(jump.address);
    expect(scans.flatMap((s) => s.edges).filter((e) => e.port === 22 && e.state === 'established')).toEqual([]);
  });
});
