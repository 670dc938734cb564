/**
 * Cron jobs from /etc/crontab and /etc/cron.d (with a user field), per-user crontabs (without),
 * anacrontab, and the run-parts directories (listed as one job per script).
 */
import type { CronJob } from '../../../../shared/model/scan';
import { lines, subBlocks } from '../sections';

const NICKNAMES = /^@(reboot|yearly|annually|monthly|weekly|daily|midnight|hourly)$/;

export function parseCron(text: string | undefined): CronJob[] {
  const jobs: CronJob[] = [];
  for (const block of subBlocks(text ?? '')) {
    const periodic = /^periodic:(\S+)\s*(.*)$/.exec(block.name);
    if (periodic) {
      // /etc/cron.daily (Debian, RHEL) or /etc/periodic/daily (Alpine): the directory names the schedule.
      const dir = periodic[1]!;
      const period = dir
        .split('/')
        .pop()!
        .replace(/^cron\./, '');
      const schedule = /^\d+min$/.test(period) ? `every ${period.replace('min', ' min')}` : `@${period}`;
      for (const script of periodic[2]!.split(/\s+/).filter(Boolean)) jobs.push({ source: dir, schedule, user: 'root', command: script });
      continue;
    }
    const userTab = /^user:(\S+)\s+(\S+)$/.exec(block.name);
    const source = userTab ? userTab[2]! : block.name;
    const anacron = source.endsWith('anacrontab');
    for (const line of lines(block.body)) {
      const l = line.trim();
      if (/^[A-Za-z_][A-Za-z0-9_]*\s*=/.test(l)) continue; // environment settings (SHELL=, PATH=, MAILTO=)
      const t = l.split(/\s+/);
      if (anacron) {
        // period delay job-id command
        if (t.length >= 4)
          jobs.push({
            source,
            schedule: t[0]!.startsWith('@') ? t[0]! : `every ${t[0]} day(s)`,
            user: 'root',
            command: t.slice(3).join(' '),
          });
        continue;
      }
      const nick = NICKNAMES.test(t[0] ?? '');
      const schedLen = nick ? 1 : 5;
      if (t.length < schedLen + 1) continue;
      const schedule = t.slice(0, schedLen).join(' ');
      if (userTab) jobs.push({ source, schedule, user: userTab[1]!, command: t.slice(schedLen).join(' ') });
      else if (t.length >= schedLen + 2) jobs.push({ source, schedule, user: t[schedLen]!, command: t.slice(schedLen + 1).join(' ') });
    }
  }
  return jobs;
}
