/**
 * runDeepCheck end to end through real SSH (loopback test servers), with a stand-in script that
 * replays a captured output: outcome per host, progress, failure isolation, peers for edges.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeepCheck, type DeepCheckHost } from '../../../electron/core/discovery/run';
import { MemoryHostKeyStore } from '../../../electron/core/ssh/host-keys';
import { SshPool } from '../../../electron/core/ssh/pool';
import type { DeepCheckProgress, HostScan } from '../../../shared/model/scan';
import { newKeyPair, startTestServer, type TestServer } from '../ssh/test-server';
import { ROCKY, parsed, raw } from './fixtures';

const user = newKeyPair();
/** Replays a fixture with the run's nonce ($1), like the real script would print it. */
const replay = (path: string) => `sed "s/^@@fx/@@$1/" <<'OPSDECK_FIXTURE'\n${raw(path)}\nOPSDECK_FIXTURE\n`;

let a: TestServer;
let b: TestServer;
const host = (name: string, port: number): DeepCheckHost => ({
  name,
  target: { name, host: '127.0.0.1', port, username: 'tester', auth: { type: 'key', privateKey: user.private } },
});

beforeAll(async () => {
  a = await startTestServer({ publicKey: user.public });
  b = await startTestServer({ publicKey: user.public });
});
afterAll(async () => {
  await a.close();
  await b.close();
});

describe('runDeepCheck', () => {
  it('returns one result per host in input order; one failure does not affect the others', async () => {
    const pool = new SshPool({ hostKeys: new MemoryHostKeyStore(), confirmNewKey: () => Promise.resolve(true), readyTimeoutMs: 2000 });
    const progress: DeepCheckProgress[] = [];
    // a peer scanned earlier: the app server nginx talks to (10.0.1.22:8000)
    const peerFacts = parsed(ROCKY).facts;
    const peer: HostScan = {
      host: 'app1',
      address: '10.0.1.22',
      startedAt: '2026-11-27T19:00:00Z',
      durationMs: 1,
      status: 'ok',
      failure: null,
      notes: [],
      services: [],
      edges: [],
      findings: [],
      facts: {
        ...peerFacts,
        meta: { ...peerFacts.meta, sshConnection: null },
        network: {
          ...peerFacts.network,
          interfaces: [{ name: 'eth0', mac: null, up: true, addresses: [{ family: 'inet', address: '10.0.1.22', prefix: 24 }] }],
        },
        sockets: [
          {
            proto: 'tcp',
            state: 'LISTEN',
            localAddress: '0.0.0.0',
            localPort: 8000,
            peerAddress: '0.0.0.0',
            peerPort: 0,
            pid: null,
            process: null,
            uid: null,
            unit: 'gunicorn.service',
          },
        ],
      },
    };
    try {
      const scans = await runDeepCheck(pool, [host('web1', a.port), host('down', 1), host('web2', b.port)], {
        script: replay(ROCKY),
        onProgress: (p) => progress.push(p),
        peers: [peer],
        now: () => new Date('2026-11-28T00:00:00Z'),
      });
      expect(scans.map((s) => [s.host, s.status])).toEqual([
        ['web1', 'ok'],
        ['down', 'failed'],
        ['web2', 'ok'],
      ]);
      expect(scans[1]!.failure).toMatchObject({ code: 'UNREACHABLE', message: expect.stringContaining('connection refused') as string });
      const web1 = scans[0]!;
      expect(web1.facts?.meta.privilege).toBe('root'); // the test server runs commands as this machine's user
      expect(web1.services.map((s) => s.product)).toContain('mariadb');
      expect(web1.findings.map((f) => f.code)).toContain('DISK_FULL');
      expect(web1.edges.map((e) => e.key)).toContain('web1/nginx.service -> app1/gunicorn.service:8000/tcp');
      expect(
        progress
          .filter((p) => p.phase === 'done')
          .map((p) => `${p.host}:${p.status}`)
          .sort(),
      ).toEqual(['down:failed', 'web1:ok', 'web2:ok']);
      expect(progress.filter((p) => p.host === 'web1').map((p) => p.phase)).toEqual(['queued', 'connecting', 'running', 'parsing', 'done']);
    } finally {
      await pool.closeAll();
    }
  });

  it('a script that never answers times out; one cut short is partial', async () => {
    const pool = new SshPool({ hostKeys: new MemoryHostKeyStore(), confirmNewKey: () => Promise.resolve(true) });
    try {
      const [silent] = await runDeepCheck(pool, [host('slow', a.port)], { script: 'sleep 20', timeoutMs: 600 });
      expect(silent).toMatchObject({ status: 'failed', failure: { code: 'TIMEOUT' } });
      const cut = `printf '@@%s meta\\nversion=1\\nuid=0\\n' "$1"; sleep 20`;
      const [partial] = await runDeepCheck(pool, [host('cut', b.port)], { script: cut, timeoutMs: 600 });
      expect(partial!.status).toBe('partial');
      expect(partial!.notes).toEqual(
        expect.arrayContaining([
          'the scan output ended early (cut off or the script was stopped)',
          'the script was stopped after 1 s',
        ]) as string[],
      );
    } finally {
      await pool.closeAll();
    }
  });
});
