import { describe, expect, it } from 'vitest';
import { classifyServices } from '../../../electron/core/discovery/classify';
import { diffScans } from '../../../electron/core/discovery/drift';
import type { Edge, HostFacts, HostScan } from '../../../shared/model/scan';
import { DEBIAN_ROOT, parsed } from './fixtures';

function scan(facts: HostFacts, edges: Edge[] = [], at = '2026-11-27T20:00:00Z'): HostScan {
  return {
    host: 'h4',
    address: '198.18.0.14',
    startedAt: at,
    durationMs: 1,
    status: 'ok',
    failure: null,
    notes: [],
    facts,
    services: classifyServices(facts),
    edges,
    findings: [],
  };
}

const edge = (key: string): Edge => ({
  key,
  from: { host: 'h2', service: 'fleet-app.service', address: '198.18.0.12' },
  to: { host: 'h4', service: 'redis-server.service', address: '198.18.0.14' },
  port: 6379,
  proto: 'tcp',
  connections: 1,
  seenBy: ['client', 'server'],
  state: 'established',
});

describe('drift', () => {
  const before = parsed(DEBIAN_ROOT[3]!).facts;

  it('no change, no drift', () => {
    expect(diffScans(scan(before), scan(before)).changes).toEqual([]);
  });

  it('a stopped service: state change, closed ports and the lost edge', () => {
    const after: HostFacts = {
      ...before,
      sockets: before.sockets.filter((s) => s.unit !== 'redis-server.service'),
      processes: before.processes.filter((p) => p.unit !== 'redis-server.service'),
      services: before.services.map((s) => (s.name === 'redis-server.service' ? { ...s, state: 'stopped' as const, sub: 'dead' } : s)),
    };
    const e = edge('h2/fleet-app.service -> h4/redis-server.service:6379/tcp');
    const d = diffScans(scan(before, [e]), scan(after, [], '2026-11-27T21:00:00Z'));
    expect(d).toMatchObject({ host: 'h4', from: '2026-11-27T20:00:00Z', to: '2026-11-27T21:00:00Z' });
    const summaries = d.changes.map((c) => c.summary);
    expect(summaries).toContain('service redis-server stopped (was running)');
    expect(summaries).toContain('port tcp 0.0.0.0:6379 closed (was redis-server.service)');
    expect(summaries).toContain('port tcp [::1]:6379 closed (was redis-server.service)');
    expect(summaries).toContain(`connection lost ${e.key}`);
    expect(d.changes.find((c) => c.category === 'service')).toMatchObject({
      change: 'changed',
      before: 'running 7.0.15',
      after: 'stopped 7.0.15',
    });
  });

  it('packages, users, sudo rules and certificates', () => {
    const after: HostFacts = {
      ...before,
      packages: {
        ...before.packages,
        items: [
          ...before.packages.items
            .filter((p) => p.name !== 'curl')
            .map((p) => (p.name === 'redis-server' ? { ...p, version: '5:7.0.99-1' } : p)),
          { name: 'htop', version: '3.2.2-2', arch: 'amd64' },
        ],
      },
      users: [
        ...before.users,
        { name: 'mallory', uid: 1001, gid: 1001, home: '/home/mallory', shell: '/bin/bash', canLogin: true, groups: ['mallory'] },
      ],
      sudo: [...before.sudo, { principal: 'mallory', rule: 'ALL=(ALL) NOPASSWD: ALL', source: '/etc/sudoers.d/x', nopasswd: true }],
      certificates: [
        {
          path: '/etc/ssl/new.pem',
          source: 'nginx',
          subject: 'CN=x',
          issuer: 'CN=x',
          dnsNames: [],
          notBefore: '2026-01-01T00:00:00.000Z',
          notAfter: '2027-01-01T00:00:00.000Z',
          fingerprint256: 'AA',
          selfSigned: true,
        },
      ],
    };
    const d = diffScans(scan(before), scan(after));
    const by = (cat: string) => d.changes.filter((c) => c.category === cat).map((c) => `${c.change} ${c.subject}`);
    expect(by('package').sort()).toEqual(['added htop', 'changed redis-server', 'removed curl']);
    expect(by('user')).toEqual(['added mallory']);
    expect(by('sudo')).toEqual(['added mallory ALL=(ALL) NOPASSWD: ALL']);
    expect(by('certificate')).toEqual(['added /etc/ssl/new.pem']);
  });
});
