import { describe, expect, it } from 'vitest';
import { classifyHost, classifyServices } from '../../../electron/core/discovery/classify';
import { HostFacts } from '../../../shared/model/scan';
import { ALPINE, BUSYBOX, DEBIAN_ROOT, DEBIAN_USER, ROCKY, parsed } from './fixtures';

const brief = (path: string) => classifyServices(parsed(path).facts).map((s) => [s.key, s.kind, s.product, s.version, s.state]);

describe('facts are valid against the model', () => {
  it.each([...DEBIAN_ROOT, ...DEBIAN_USER, ROCKY, ALPINE, BUSYBOX, 'debian/cutoff-root.txt'])('%s', (p) => {
    expect(() => HostFacts.parse(parsed(p).facts)).not.toThrow();
  });
});

describe('service classification', () => {
  it('finds each fleet role with product and version, as root and unprivileged', () => {
    for (const set of [DEBIAN_ROOT, DEBIAN_USER]) {
      expect(brief(set[0]!)).toContainEqual(['nginx.service', 'web', 'nginx', '1.22.1', 'running']);
      expect(brief(set[1]!)).toContainEqual(['fleet-app.service', 'app', 'python app', '3.11.2', 'running']);
      expect(brief(set[2]!)).toContainEqual([
        'postgresql@15-main.service',
        'database',
        'postgresql',
        expect.stringMatching(/^15\.\d+$/) as string,
        'running',
      ]);
      expect(brief(set[3]!)).toContainEqual(['redis-server.service', 'cache', 'redis', '7.0.15', 'running']);
      expect(brief(set[3]!)).toContainEqual(['ssh.service', 'ssh', 'sshd', '9.2p1', 'running']);
    }
  });

  it('does not list the oneshot postgresql.service wrapper as a second database', () => {
    expect(brief(DEBIAN_ROOT[2]!).filter((s) => s[2] === 'postgresql')).toHaveLength(1);
  });

  it('Rocky: web, database, mail, ssh, and an unknown daemon as "other" with its package version', () => {
    const list = brief(ROCKY);
    expect(list).toEqual([
      ['chronyd.service', 'other', 'chronyd', '4.3', 'running'],
      ['mariadb.service', 'database', 'mariadb', '10.5.22', 'running'],
      ['nginx.service', 'web', 'nginx', '1.20.1', 'running'],
      ['postfix.service', 'mail', 'postfix', '3.5.9', 'running'],
      ['sshd.service', 'ssh', 'sshd', '8.7p1', 'running'],
    ]);
    const nginx = classifyServices(parsed(ROCKY).facts).find((s) => s.product === 'nginx')!;
    expect(nginx).toMatchObject({
      user: 'nginx',
      pids: [1102, 1103, 1104],
      packageName: 'nginx-core',
      packageVersion: '1:1.20.1-14.el9_2.1',
    });
  });

  it('Alpine: OpenRC services adopt their processes, so keys stay stable when a service stops', () => {
    const { services, serviceOf } = classifyHost(parsed(ALPINE).facts);
    expect(services.map((s) => [s.key, s.product, s.version, s.state])).toEqual([
      ['nginx', 'nginx', '1.24.0', 'running'],
      ['redis', 'redis', '7.2.4', 'running'],
      ['sshd', 'sshd', '9.6_p1', 'running'],
    ]);
    expect(serviceOf.get('proc:redis-server')).toBe('redis');
  });

  it('a stopped known service is still listed, with its state', () => {
    const facts = parsed(DEBIAN_ROOT[3]!).facts;
    const stopped = {
      ...facts,
      sockets: facts.sockets.filter((s) => s.unit !== 'redis-server.service'),
      processes: facts.processes.filter((p) => p.unit !== 'redis-server.service'),
      services: facts.services.map((s) => (s.name === 'redis-server.service' ? { ...s, state: 'stopped' as const, sub: 'dead' } : s)),
    };
    expect(classifyServices(stopped).find((s) => s.key === 'redis-server.service')).toMatchObject({
      state: 'stopped',
      pids: [],
      listeners: [],
      version: '7.0.15',
    });
  });
});
