// The deep check through the vault and the core API, against the real test fleet: host-key trust,
// per-host isolation, services and edges, changed keys, drift.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckRun } from '../../shared/contract/checks';
import { Core } from '../../electron/core/api';
import { labExec, labStatus, type LabHost } from '../fleet/index';
import { tempDir } from './helpers/tmp';

const tmp = tempDir('checks');
let core: Core;
let fleet: LabHost[];
const byRole = (role: LabHost['role']) => fleet.find((h) => h.role === role)!;

beforeAll(async () => {
  const status = await labStatus();
  if (!status.up) throw new Error('The test fleet is not up: run `npm run lab:up` (the integration global setup normally does).');
  fleet = status.hosts.filter((h) => h.state === 'running');
  core = new Core({ path: join(tmp.dir, 'vault.opsdeck'), insecureTestKdf: true, log: () => undefined });
  await core.invoke('vault.create', { passphrase: 'checks passphrase' });
  await core.invoke('credentials.add', { kind: 'private-key', name: 'fleet', path: fleet[0]!.privateKeyPath });
  for (const h of fleet)
    await core.invoke('hosts.add', { name: h.name, address: h.address, user: 'ops', credential: 'fleet', tags: [h.role] });
  // Nothing answers at .99: the host must fail alone, quickly, without stalling the others.
  await core.invoke('hosts.add', { name: 'ghost', address: '198.18.0.99', user: 'ops', credential: 'fleet', tags: ['ghost'] });
});
afterAll(() => {
  core?.close();
  tmp.cleanup();
});

function result(run: CheckRun, host: string) {
  const r = run.results.find((x) => x.host === host);
  if (!r) throw new Error(`no result for ${host}`);
  return r;
}

describe('deep check through the vault', () => {
  it('refuses unknown host keys when nobody can confirm them, and trusts nothing', async () => {
    const run = await core.invoke('checks.run', { hosts: [byRole('web').name] });
    expect(result(run, byRole('web').name)).toMatchObject({ status: 'failed', failure: { code: 'HOST_KEY_REJECTED' } });
    expect(result(run, byRole('web').name).failure?.message).toMatch(/--accept-new/);
    expect(await core.invoke('hostkeys.list', {})).toEqual([]);
  });

  it('asks about each new key through hostkey.confirm; a rejected host fails alone', async () => {
    const spare = fleet.filter((h) => h.role === 'spare');
    const asked: string[] = [];
    const off = core.onEvent((event, payload) => {
      if (event !== 'hostkey.confirm') return;
      const q = payload as { requestId: string; host: string; fingerprint: string };
      asked.push(q.host);
      expect(q.fingerprint).toMatch(/^SHA256:/);
      void core.invoke('hostkeys.answer', { requestId: q.requestId, accept: q.host !== spare[1]!.address });
    });
    try {
      const run = await core.invoke('checks.run', { hosts: [spare[0]!.name, spare[1]!.name] });
      expect(asked.sort()).toEqual([spare[0]!.address, spare[1]!.address].sort());
      expect(result(run, spare[0]!.name).status).toBe('ok');
      expect(result(run, spare[1]!.name)).toMatchObject({ status: 'failed', failure: { code: 'HOST_KEY_REJECTED' } });
      expect((await core.invoke('hostkeys.list', {})).map((k) => k.host)).toEqual([spare[0]!.address]);
    } finally {
      off();
    }
  });

  it('a key revoked by an imported known_hosts is refused for that host without asking, even with accept-new; undo lifts it', async () => {
    const h = fleet.filter((x) => x.role === 'spare').at(-1)!;
    const own = new Core({ path: join(tmp.dir, 'revoked', 'vault.opsdeck'), insecureTestKdf: true, log: () => undefined });
    await own.invoke('vault.create', { passphrase: 'revoked passphrase' });
    await own.invoke('credentials.add', { kind: 'private-key', name: 'fleet', path: h.privateKeyPath });
    await own.invoke('hosts.add', { name: h.name, address: h.address, user: 'ops', credential: 'fleet' });
    // Every key the host has, revoked for all hosts (a customer's file with a leaked host key).
    const revoked = readFileSync(h.knownHostsPath, 'utf8')
      .split('\n')
      .filter((l) => l.split(' ')[0]?.split(',').includes(h.address))
      .map((l) => `@revoked * ${l.split(' ').slice(1, 3).join(' ')}`);
    expect(revoked.length).toBeGreaterThan(0);
    const req = { kind: 'known-hosts' as const, source: { text: revoked.join('\n') + '\n', fileName: 'customer_known_hosts' } };
    const plan = await own.invoke('import.preview', req);
    const { batch } = await own.invoke('import.apply', { ...req, fingerprint: plan.fingerprint });
    const asked: string[] = [];
    const off = own.onEvent((event) => event === 'hostkey.confirm' && asked.push(event));
    try {
      const refused = await own.invoke('checks.run', { hosts: [h.name], acceptNew: true });
      expect(result(refused, h.name)).toMatchObject({ status: 'failed', failure: { code: 'HOST_KEY_REJECTED' } });
      expect(result(refused, h.name).failure?.message).toMatch(
        /is revoked \(the vault \(revoked, from customer_known_hosts, line \d\)\) and is never trusted/,
      );
      expect(asked).toEqual([]);
      expect(await own.invoke('hostkeys.list', {})).toEqual([]);

      await own.invoke('import.undo', { batchId: batch?.id ?? '' });
      const lifted = await own.invoke('checks.run', { hosts: [h.name], acceptNew: true });
      expect(result(lifted, h.name).status).toBe('ok');
    } finally {
      off();
      own.close();
    }
  });

  it('checks the whole fleet: every host succeeds and the unreachable one fails alone', async () => {
    const progress: string[] = [];
    const off = core.onEvent((event, payload) => {
      if (event === 'check.progress') progress.push(`${(payload as { host: string }).host}:${(payload as { phase: string }).phase}`);
    });
    const run = await core.invoke('checks.run', { acceptNew: true });
    off();
    for (const h of fleet) expect(result(run, h.name), h.name).toMatchObject({ status: 'ok', failure: null });
    expect(result(run, 'ghost')).toMatchObject({ status: 'failed' });
    expect(['UNREACHABLE', 'TIMEOUT']).toContain(result(run, 'ghost').failure?.code);
    expect(progress).toContain(`${byRole('db').name}:done`);
    expect(progress).toContain('ghost:done');
  });

  it('finds each role with its product and version', async () => {
    const services = async (host: string) => (await core.invoke('scans.latest', { host }))!.services;
    const find = async (host: string, product: string) => (await services(host)).find((s) => s.product === product);
    expect(await find(byRole('web').name, 'nginx')).toMatchObject({
      kind: 'web',
      state: 'running',
      version: expect.stringMatching(/^1\.\d+\.\d+$/) as string,
    });
    expect(await find(byRole('db').name, 'postgresql')).toMatchObject({
      kind: 'database',
      version: expect.stringMatching(/^15(\.\d+)?/) as string,
    });
    expect(await find(byRole('cache').name, 'redis')).toMatchObject({ kind: 'cache', version: expect.stringMatching(/^7\.\d+/) as string });
    expect((await services(byRole('app').name)).some((s) => s.kind === 'app' && s.listeners.some((l) => l.port === 8080))).toBe(true);
  });

  it('draws web -> app -> database and cache edges with the right ports and direction', async () => {
    const map = await core.invoke('map.get', {});
    const edge = (from: string, to: string, port: number) =>
      map.edges.find((e) => e.from.host === from && e.to.host === to && e.port === port);
    expect(edge(byRole('web').name, byRole('app').name, 8080)).toBeDefined();
    expect(edge(byRole('app').name, byRole('db').name, 5432)).toMatchObject({ seenBy: ['client', 'server'] });
    expect(edge(byRole('app').name, byRole('cache').name, 6379)).toMatchObject({ seenBy: ['client', 'server'] });
    expect(edge(byRole('app').name, byRole('web').name, 8080)).toBeUndefined(); // direction is client -> server
    // The scanner's own SSH sessions are not edges.
    expect(map.edges.some((e) => e.port === 22 && e.from.address === '198.18.0.1' && e.to.host === byRole('db').name)).toBe(false);
    expect(map.hosts.find((h) => h.name === 'ghost')).toMatchObject({ status: 'failed' });
  });

  it('the fleet overview has one row per host with OS and roles', async () => {
    const rows = await core.invoke('fleet.overview', {});
    const db = rows.find((r) => r.host === byRole('db').name)!;
    expect(db).toMatchObject({ status: 'ok', roles: ['database'] });
    expect(db.os).toMatch(/Debian GNU\/Linux 12/);
  });

  it('cancelling a run refuses its open host-key question and ends the run at once', async () => {
    const spare = fleet.filter((h) => h.role === 'spare')[1]!;
    await core.invoke('hostkeys.forget', { host: spare.name });
    const runId = '2f1c6a3e-8a47-4d0b-9a51-6f7f3b2f9c10';
    const off = core.onEvent((event) => {
      // Nobody answers: the user walked away. Cancelling must not wait for the 5-minute timeout.
      if (event === 'hostkey.confirm') void core.invoke('checks.cancel', { runId });
    });
    try {
      // Without the fix this waits for the 5-minute question timeout and the test times out.
      const run = await core.invoke('checks.run', { hosts: [spare.name], runId });
      expect(run.runId).toBe(runId);
      expect(result(run, spare.name)).toMatchObject({ status: 'failed', failure: { code: 'HOST_KEY_REJECTED' } });
    } finally {
      off();
    }
  });

  it('stops on a changed host key and shows both fingerprints', async () => {
    const db = byRole('db');
    const keyFile = join(tmp.dir, 'impostor');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', keyFile]);
    const blob = Buffer.from(readFileSync(`${keyFile}.pub`, 'utf8').split(' ')[1]!, 'base64');
    await core.invoke('hostkeys.forget', { host: db.name });
    await core.hostKeys.add(db.address, 22, { keyType: 'ssh-ed25519', key: blob });
    try {
      const run = await core.invoke('checks.run', { hosts: [db.name], acceptNew: true });
      const r = result(run, db.name);
      expect(r).toMatchObject({ status: 'failed', failure: { code: 'HOST_KEY_CHANGED' } });
      const fingerprints = r.failure!.message.match(/SHA256:[A-Za-z0-9+/]{43}/g) ?? [];
      expect(new Set(fingerprints).size).toBe(2);
    } finally {
      await core.invoke('hostkeys.forget', { host: db.name });
    }
  });

  it('a stopped service shows as drift on the next scan', async () => {
    const cache = byRole('cache');
    await core.invoke('checks.run', { hosts: [cache.name], acceptNew: true });
    await labExec(cache.name, 'systemctl stop redis-server', { user: 'root' });
    try {
      await core.invoke('checks.run', { hosts: [cache.name] });
      const drift = await core.invoke('drift.get', { host: cache.name });
      expect(drift?.changes.some((c) => c.category === 'service' && /redis/.test(c.subject))).toBe(true);
      expect(drift?.changes.some((c) => c.category === 'port' && /6379/.test(c.subject) && c.change === 'removed')).toBe(true);
    } finally {
      await labExec(cache.name, 'systemctl start redis-server', { user: 'root' });
      // The app reconnects to redis within ~10 s; later tests expect that edge again.
      await labExec(
        byRole('app').name,
        'for i in $(seq 60); do ss -tn state established "( dport = :6379 )" | grep -q 6379 && exit 0; sleep 0.5; done; exit 1',
        { user: 'root' },
      );
    }
  });
});
