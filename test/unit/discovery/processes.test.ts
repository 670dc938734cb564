import { describe, expect, it } from 'vitest';
import { fromCgroupPath } from '../../../electron/core/discovery/parsers/cgroup';
import { joinProcesses, parseCgroups, parseExes, parsePs } from '../../../electron/core/discovery/parsers/processes';
import { ALPINE, BUSYBOX, DEBIAN_ROOT, DEBIAN_USER, ROCKY, parsed, section } from './fixtures';

describe('processes', () => {
  it('procps ps with numeric uid mapped to names, cgroup units and exe paths (Rocky)', () => {
    const ps = parsePs(
      section(ROCKY, 'proc.ps'),
      new Map([
        [27, 'mysql'],
        [0, 'root'],
      ]),
    );
    const joined = joinProcesses(ps, parseCgroups(section(ROCKY, 'proc.cgroup')), parseExes(section(ROCKY, 'proc.exe')));
    expect(joined.find((p) => p.pid === 990)).toEqual({
      pid: 990,
      ppid: 1,
      user: 'mysql',
      rssKb: 98120,
      elapsedSec: 3898110,
      command: '/usr/libexec/mariadbd --basedir=/usr',
      exe: '/usr/libexec/mariadbd',
      unit: 'mariadb.service',
      container: null,
    });
    expect(joined.find((p) => p.pid === 1103)?.command).toBe('nginx: worker process');
  });

  it('busybox ps: user names, RSS with unit suffixes, kernel threads dropped', () => {
    const ps = parsePs(section(ALPINE, 'proc.ps'));
    expect(ps.find((p) => p.pid === 2100)).toMatchObject({ user: 'redis', rssKb: Math.round(9.8 * 1024), elapsedSec: null });
    const bb = parsePs(section(BUSYBOX, 'proc.ps'));
    expect(bb.find((p) => p.pid === 1)?.rssKb).toBe(11 * 1024);
    expect(bb.some((p) => p.command.startsWith('['))).toBe(false);
  });

  it('hybrid cgroups prefer the name=systemd hierarchy; containers are recognised', () => {
    const cg = parseCgroups(
      '/proc/5/cgroup:9:name=systemd:/system.slice/nginx.service\n/proc/5/cgroup:0::/init.scope\n/proc/6/cgroup:0::/system.slice/redis.service',
    );
    expect(cg.get(5)).toBe('/system.slice/nginx.service');
    expect(cg.get(6)).toBe('/system.slice/redis.service');
    expect(fromCgroupPath('/system.slice/docker-3f2a9c1d7e8b4a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f.scope')).toEqual({
      unit: null,
      container: '3f2a9c1d7e8b',
    });
    expect(fromCgroupPath('/user.slice/user-1000.slice/user@1000.service/app.slice/foo.service')).toEqual({
      unit: 'foo.service',
      container: null,
    });
  });

  it('the scanner itself (its shell, sudo, its sshd session) is not part of the facts', () => {
    for (const p of [...DEBIAN_ROOT, ...DEBIAN_USER, ROCKY, ALPINE]) {
      const procs = parsed(p).facts.processes;
      expect(procs.some((x) => / -s -- (cap|fx)$/.test(x.command) || x.command.startsWith('ps '))).toBe(false);
      expect(procs.some((x) => /^sshd: \w+@notty/.test(x.command))).toBe(false);
      expect(procs.some((x) => /sshd.*\[listener\]|^\/usr\/sbin\/sshd/.test(x.command))).toBe(true);
    }
  });
});
