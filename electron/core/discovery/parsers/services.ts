/**
 * Init-system services and timers: systemd (`list-units` + `list-unit-files`), OpenRC (`rc-status -s`
 * + `rc-update show -v`) and SysV (`service --status-all`). States are normalised to running /
 * stopped / failed / starting so the UI and drift treat every init system alike.
 */
import type { InitService, Timer } from '../../../../shared/model/scan';
import { lines, stripAnsi } from '../sections';

function systemdState(active: string, sub: string): InitService['state'] {
  if (active === 'failed') return 'failed';
  if (active === 'active') return sub === 'exited' ? 'stopped' : 'running';
  if (active === 'activating' || active === 'reloading') return 'starting';
  if (active === 'inactive' || active === 'deactivating') return 'stopped';
  return 'unknown';
}

/** `ls -1 .../*.wants` listings: every unit linked into some target's .wants directory is enabled. */
export function parseWants(text: string | undefined): Set<string> {
  const set = new Set<string>();
  for (const line of lines(text)) {
    const name = line.trim();
    if (!name.endsWith(':') && /\.(service|socket|timer|path|target|mount)$/.test(name)) set.add(name);
  }
  return set;
}

export function parseSystemd(units: string | undefined, wants: string | undefined): InitService[] {
  const enabled = parseWants(wants);
  const out: InitService[] = [];
  for (const raw of lines(units)) {
    // Older systemd prints a "●" before failed units even with --plain.
    const line = raw.replace(/^[\s●*]+/, '');
    const m = /^(\S+\.service)\s+(\S+)\s+(\S+)\s+(\S+)\s*(.*)$/.exec(line);
    if (!m) continue;
    const [, name, load, active, sub, description] = m;
    // Units referenced by others but not installed (not-found) are not services on this host.
    if (load === 'not-found') continue;
    out.push({
      name: name!,
      manager: 'systemd',
      state: systemdState(active!, sub!),
      sub: load === 'masked' ? 'masked' : sub!,
      // Not in a .wants directory: disabled, or static (started by something else); only "masked" is certain.
      enabled: load === 'masked' ? false : enabled.has(name!) ? true : null,
      description: description!.trim(),
    });
  }
  return out;
}

/** `systemctl list-units --state=failed`: every failed unit (services, mounts, timers...). */
export function parseFailedUnits(text: string | undefined): string[] {
  return lines(text)
    .map((l) => l.replace(/^[\s●*]+/, '').split(/\s+/)[0] ?? '')
    .filter((u) => /\.\w+$/.test(u));
}

const DATE = /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?: [A-Z][A-Za-z0-9+-]*)?/g;

/** `systemctl list-timers --all`: columns have variable width, so anchor on the .timer unit and the dates. */
export function parseTimers(text: string | undefined): Timer[] {
  const out: Timer[] = [];
  for (const line of lines(text)) {
    const tokens = line.trim().split(/\s+/);
    const at = tokens.findIndex((t) => t.endsWith('.timer'));
    if (at < 0) continue;
    const dates = line.match(DATE) ?? [];
    const beforeUnit = line.slice(0, line.indexOf(tokens[at]!));
    const nextIsSet = !/^\s*(-|n\/a)\s/.test(beforeUnit);
    out.push({
      name: tokens[at]!,
      activates: tokens[at + 1] ?? null,
      next: nextIsSet ? (dates[0] ?? null) : null,
      last: nextIsSet ? (dates[1] ?? null) : (dates[0] ?? null),
    });
  }
  return out;
}

/** OpenRC: ` sshd   [  started  ]` per service, and `rc-update show -v` for runlevels. */
export function parseOpenrc(status: string | undefined, enabled: string | undefined): InitService[] {
  const runlevels = new Map<string, string>();
  for (const line of lines(stripAnsi(enabled ?? ''))) {
    const m = /^\s*(\S+)\s*\|\s*(.*)$/.exec(line);
    if (m) runlevels.set(m[1]!, m[2]!.trim());
  }
  const out: InitService[] = [];
  for (const line of lines(stripAnsi(status ?? ''))) {
    const m = /^\s*(\S+)\s+\[\s*([\w ]+?)\s*\]/.exec(line);
    if (!m) continue;
    const sub = m[2]!.toLowerCase();
    const state: InitService['state'] =
      sub === 'started'
        ? 'running'
        : sub === 'crashed'
          ? 'failed'
          : sub === 'starting'
            ? 'starting'
            : sub === 'stopped'
              ? 'stopped'
              : 'unknown';
    const levels = runlevels.get(m[1]!);
    out.push({ name: m[1]!, manager: 'openrc', state, sub, enabled: levels === undefined ? null : levels.length > 0, description: '' });
  }
  return out;
}

/** Debian's `service --status-all`: ` [ + ]  cron`, ` [ - ]  nginx`, ` [ ? ]  hwclock.sh`. */
export function parseSysv(text: string | undefined): InitService[] {
  const out: InitService[] = [];
  for (const line of lines(text)) {
    const m = /^\s*\[\s*([+?-])\s*\]\s+(\S+)/.exec(line);
    if (!m) continue;
    const state = m[1] === '+' ? 'running' : m[1] === '-' ? 'stopped' : 'unknown';
    out.push({ name: m[2]!, manager: 'sysv', state, sub: m[1]!, enabled: null, description: '' });
  }
  return out;
}
