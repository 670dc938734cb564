import { describe, expect, it } from 'vitest';
import { parseCron } from '../../../electron/core/discovery/parsers/cron';
import { ALPINE, DEBIAN_ROOT, ROCKY, section } from './fixtures';

describe('cron', () => {
  it('fleet app host: system crontab, cron.d, the ops user crontab, run-parts dirs', () => {
    const jobs = parseCron(section(DEBIAN_ROOT[1]!, 'cron'));
    expect(jobs).toContainEqual({
      source: '/var/spool/cron/crontabs/ops',
      schedule: '*/5 * * * *',
      user: 'ops',
      command: expect.stringContaining('curl -fsS') as string,
    });
    expect(jobs).toContainEqual({
      source: '/etc/crontab',
      schedule: '17 * * * *',
      user: 'root',
      command: 'cd / && run-parts --report /etc/cron.hourly',
    });
    expect(jobs).toContainEqual({ source: '/etc/cron.daily', schedule: '@daily', user: 'root', command: 'dpkg' });
    expect(jobs.some((j) => j.command.startsWith('PATH='))).toBe(false);
  });

  it('Rocky: anacrontab, @reboot and a root crontab under /var/spool/cron', () => {
    const jobs = parseCron(section(ROCKY, 'cron'));
    expect(jobs).toContainEqual({
      source: '/etc/anacrontab',
      schedule: '@monthly',
      user: 'root',
      command: 'nice run-parts /etc/cron.monthly',
    });
    expect(jobs).toContainEqual({
      source: '/etc/anacrontab',
      schedule: 'every 7 day(s)',
      user: 'root',
      command: 'nice run-parts /etc/cron.weekly',
    });
    expect(jobs).toContainEqual({
      source: '/var/spool/cron/root',
      schedule: '@reboot',
      user: 'root',
      command: '/usr/local/bin/warm-cache.sh',
    });
  });

  it('Alpine: busybox crontabs and /etc/periodic', () => {
    const jobs = parseCron(section(ALPINE, 'cron'));
    expect(jobs).toContainEqual({
      source: '/etc/crontabs/root',
      schedule: '0 2 * * *',
      user: 'root',
      command: 'run-parts /etc/periodic/daily',
    });
    expect(jobs).toContainEqual({ source: '/etc/periodic/daily', schedule: '@daily', user: 'root', command: 'logrotate' });
  });
});
