import { describe, expect, it } from 'vitest';
import { buildEdges } from '../../../electron/core/discovery/edges';
import type { HostFacts } from '../../../shared/model/scan';
import { ALPINE, DEBIAN_ROOT, DEBIAN_USER, ROCKY, parsed } from './fixtures';

const fleet = (paths: string[]) => paths.map((p, i) => ({ name: `h${i + 1}`, facts: parsed(p).facts }));
const keys = (hosts: { name: string; facts: HostFacts }[]) => buildEdges(hosts).map((e) => e.key);

/** The captures ran through `sudo`, which drops $SSH_CONNECTION: give it back as exec.ts would. */
function withSession(hosts: { name: string; facts: HostFacts }[]) {
  return hosts.map((h) => {
    const own = h.facts.sockets.find((s) => s.state === 'ESTAB' && s.localPort === 22 && s.peerAddress === '198.18.0.1');
    const conn = own ? `${own.peerAddress} ${own.peerPort} ${own.localAddress} 22` : null;
    return { ...h, facts: { ...h.facts, meta: { ...h.facts.meta, sshConnection: conn } } };
  });
}

describe('edges across the fleet', () => {
  for (const [label, set] of [
    ['root', DEBIAN_ROOT],
    ['unprivileged', DEBIAN_USER],
  ] as const) {
    it(`web -> app -> db and cache, client to server with the server port (${label})`, () => {
      const edges = buildEdges(withSession(fleet([...set])));
      const byKey = new Map(edges.map((e) => [e.key, e]));
      const web = byKey.get('h1/nginx.service -> h2/fleet-app.service:8080/tcp')!;
      expect(web).toMatchObject({
        from: { host: 'h1', service: 'nginx.service', address: '198.18.0.11' },
        to: { host: 'h2', service: 'fleet-app.service', address: '198.18.0.12' },
        port: 8080,
        state: 'established',
      });
      expect(web.seenBy).toEqual(['client', 'server']);
      expect(byKey.get('h2/fleet-app.service -> h3/postgresql@15-main.service:5432/tcp')?.seenBy).toEqual(['client', 'server']);
      expect(byKey.get('h2/fleet-app.service -> h4/redis-server.service:6379/tcp')?.seenBy).toEqual(['client', 'server']);
      // the scanner's own SSH sessions are not edges
      expect(edges.some((e) => e.to.service === 'ssh.service')).toBe(false);
    });
  }

  it('with only one end scanned, the other end resolves to an external endpoint', () => {
    const onlyApp = buildEdges(withSession(fleet([DEBIAN_ROOT[1]!])));
    expect(onlyApp.map((e) => e.key)).toEqual(
      expect.arrayContaining([
        'ext:198.18.0.11 -> h1/fleet-app.service:8080/tcp',
        'h1/fleet-app.service -> ext:198.18.0.13:5432/tcp',
        'h1/fleet-app.service -> ext:198.18.0.14:6379/tcp',
      ]) as string[],
    );
  });

  it('loopback connections stay inside the host (Alpine nginx -> local redis)', () => {
    const edges = buildEdges([{ name: 'edge1', facts: parsed(ALPINE).facts }]);
    expect(edges.find((e) => e.port === 6379)).toMatchObject({
      key: 'edge1/nginx -> edge1/redis:6379/tcp',
      seenBy: ['client', 'server'],
      connections: 1,
    });
  });

  it('attributes a closed client connection (TIME-WAIT) to the only live client of that server, and matches v4-mapped peers', () => {
    const edges = buildEdges([{ name: 'web1', facts: parsed(ROCKY).facts }]);
    expect(edges.find((e) => e.port === 8000)).toMatchObject({ key: 'web1/nginx.service -> ext:10.0.1.22:8000/tcp', connections: 2 });
    expect(edges.find((e) => e.port === 3306)).toMatchObject({
      from: { host: null, address: '10.0.1.22' },
      to: { host: 'web1', service: 'mariadb.service' },
    });
    // the scanner session (from $SSH_CONNECTION) is dropped; other inbound HTTPS stays
    expect(keys([{ name: 'web1', facts: parsed(ROCKY).facts }])).not.toContain('ext:10.0.0.5 -> web1/sshd.service:22/tcp');
    expect(keys([{ name: 'web1', facts: parsed(ROCKY).facts }])).toContain('ext:203.0.113.9 -> web1/nginx.service:443/tcp');
  });

  it('resolves hosts through secondary addresses and ignores addresses several hosts share', () => {
    const rocky = parsed(ROCKY).facts;
    const client: HostFacts = {
      ...rocky,
      meta: { ...rocky.meta, sshConnection: null },
      network: {
        ...rocky.network,
        interfaces: [
          {
            name: 'eth0',
            mac: null,
            up: true,
            addresses: [
              { family: 'inet', address: '10.0.1.99', prefix: 24 },
              { family: 'inet', address: '172.17.0.1', prefix: 16 },
            ],
          },
        ],
      },
      sockets: [
        {
          proto: 'tcp',
          state: 'ESTAB',
          localAddress: '10.0.1.99',
          localPort: 50000,
          peerAddress: '10.0.1.50',
          peerPort: 443,
          pid: null,
          process: 'curl',
          uid: null,
          unit: 'probe.service',
        },
      ],
    };
    const server = {
      ...rocky,
      network: {
        ...rocky.network,
        interfaces: [
          ...rocky.network.interfaces,
          { name: 'docker0', mac: null, up: true, addresses: [{ family: 'inet' as const, address: '172.17.0.1', prefix: 16 }] },
        ],
      },
    };
    const edges = buildEdges([
      { name: 'probe', facts: client },
      { name: 'web1', facts: server },
    ]);
    expect(edges.map((e) => e.key)).toContain('probe/probe.service -> web1/nginx.service:443/tcp');
  });
});
