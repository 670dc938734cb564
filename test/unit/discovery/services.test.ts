import { describe, expect, it } from 'vitest';
import { parseFailedUnits, parseOpenrc, parseSystemd, parseSysv, parseTimers } from '../../../electron/core/discovery/parsers/services';
import { ALPINE, DEBIAN_ROOT, ROCKY, section } from './fixtures';

describe('init services', () => {
  it('systemd (fleet web host): not-found units dropped, enabled from .wants links', () => {
    const svc = parseSystemd(section(DEBIAN_ROOT[0]!, 'svc.systemd'), section(DEBIAN_ROOT[0]!, 'svc.systemd.wants'));
    const nginx = svc.find((s) => s.name === 'nginx.service');
    expect(nginx).toMatchObject({ manager: 'systemd', state: 'running', sub: 'running', enabled: true });
    expect(svc.some((s) => s.name === 'auditd.service')).toBe(false);
    expect(svc.find((s) => s.name === 'e2scrub_reap.service')).toMatchObject({ sub: 'masked', enabled: false });
  });

  it('systemd (Rocky): failed units, inactive ones, failed list of any unit type', () => {
    const svc = parseSystemd(section(ROCKY, 'svc.systemd'), section(ROCKY, 'svc.systemd.wants'));
    expect(svc.find((s) => s.name === 'kdump.service')).toMatchObject({ state: 'failed', enabled: true });
    expect(svc.find((s) => s.name === 'tuned.service')).toMatchObject({ state: 'stopped', enabled: true });
    expect(svc.find((s) => s.name === 'systemd-journald.service')?.enabled).toBe(true);
    expect(parseFailedUnits(section(ROCKY, 'svc.systemd.failed'))).toEqual(['kdump.service']);
    expect(parseFailedUnits('● var-lib.mount loaded failed failed /var/lib\nfoo.service loaded failed failed Foo')).toEqual([
      'var-lib.mount',
      'foo.service',
    ]);
  });

  it('timers: columns of variable width, units never run', () => {
    expect(parseTimers(section(ROCKY, 'svc.timers'))).toEqual([
      {
        name: 'dnf-makecache.timer',
        activates: 'dnf-makecache.service',
        next: 'Fri 2026-11-27 21:00:00 UTC',
        last: 'Fri 2026-11-27 20:00:01 UTC',
      },
      { name: 'logrotate.timer', activates: 'logrotate.service', next: 'Sat 2026-11-28 00:00:00 UTC', last: 'Fri 2026-11-27 00:00:00 UTC' },
    ]);
    const fleet = parseTimers(section(DEBIAN_ROOT[0]!, 'svc.timers'));
    expect(fleet.find((t) => t.name === 'apt-daily.timer')).toMatchObject({ next: null });
  });

  it('OpenRC (Alpine): started / stopped / crashed with runlevels', () => {
    const svc = parseOpenrc(section(ALPINE, 'svc.openrc'), section(ALPINE, 'svc.openrc.enabled'));
    expect(svc.find((s) => s.name === 'nginx')).toMatchObject({ manager: 'openrc', state: 'running', enabled: true });
    expect(svc.find((s) => s.name === 'acpid')).toMatchObject({ state: 'stopped', enabled: true });
    expect(svc.find((s) => s.name === 'ntpd')).toMatchObject({ state: 'failed', sub: 'crashed' });
    expect(parseOpenrc('\u001b[1m sshd \u001b[0m [ \u001b[32mstarted\u001b[0m ]', '')[0]).toMatchObject({ name: 'sshd', state: 'running' });
  });

  it('SysV (service --status-all on a host without systemd)', () => {
    expect(parseSysv(' [ + ]  cron\n [ - ]  nginx\n [ ? ]  hwclock.sh').map((s) => [s.name, s.state])).toEqual([
      ['cron', 'running'],
      ['nginx', 'stopped'],
      ['hwclock.sh', 'unknown'],
    ]);
  });
});
