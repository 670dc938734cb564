/**
 * Processes from one `ps` call (procps or busybox: columns are read from the header, because
 * busybox builds differ), joined with each pid's cgroup (-> systemd unit or container) and, where
 * readable, its executable path (-> owning package).
 */
import type { Process } from '../../../../shared/model/scan';
import { lines } from '../sections';
import { fromCgroupPath } from './cgroup';

const MAX_COMMAND = 1024;

/** busybox prints RSS as "11m" or "1.2g"; procps in plain KiB. */
function kib(value: string | undefined): number | null {
  if (!value) return null;
  const m = /^(\d+(?:\.\d+)?)([kmg]?)$/i.exec(value);
  if (!m) return null;
  const mult = { '': 1, k: 1, m: 1024, g: 1024 * 1024 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.round(Number(m[1]) * mult);
}

/** procps `etimes` is seconds; `etime` is [[dd-]hh:]mm:ss. */
function seconds(value: string | undefined): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value);
  const m = /^(?:(\d+)-)?(?:(\d+):)?(\d+):(\d+)$/.exec(value);
  if (!m) return null;
  return Number(m[1] ?? 0) * 86400 + Number(m[2] ?? 0) * 3600 + Number(m[3]) * 60 + Number(m[4]);
}

export function parsePs(text: string | undefined, uidNames: Map<number, string> = new Map()): Process[] {
  const rows = lines(text);
  const header =
    rows[0]
      ?.trim()
      .split(/\s+/)
      .map((h) => h.toUpperCase()) ?? [];
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const iPid = col('PID');
  if (iPid < 0) return [];
  const iPpid = col('PPID');
  const iUid = col('UID');
  const iUser = col('USER');
  const iRss = col('RSS');
  const iEt = col('ELAPSED');
  const width = header.length;
  const out: Process[] = [];
  for (const row of rows.slice(1)) {
    const parts = row.trim().split(/\s+/);
    if (parts.length < width) continue;
    const fields = parts.slice(0, width - 1);
    const command = parts.slice(width - 1).join(' ');
    const pid = Number(fields[iPid]);
    if (!Number.isInteger(pid)) continue;
    // Kernel threads ([kworker/0:1]) are not software anyone installed.
    if (/^\[.*\]$/.test(command)) continue;
    const uid = iUid >= 0 ? Number(fields[iUid]) : NaN;
    out.push({
      pid,
      ppid: iPpid >= 0 ? Number(fields[iPpid]) : null,
      user: Number.isInteger(uid) ? (uidNames.get(uid) ?? String(uid)) : iUser >= 0 ? (fields[iUser] ?? null) : null,
      rssKb: iRss >= 0 ? kib(fields[iRss]) : null,
      elapsedSec: iEt >= 0 ? seconds(fields[iEt]) : null,
      command: command.length > MAX_COMMAND ? `${command.slice(0, MAX_COMMAND)}…` : command,
      exe: null,
      unit: null,
      container: null,
    });
  }
  return out;
}

/** "/proc/255/cgroup:0::/system.slice/x.service" lines -> pid -> path (cgroup v1 name=systemd preferred). */
export function parseCgroups(text: string | undefined): Map<number, string> {
  const v1 = new Map<number, string>();
  const v2 = new Map<number, string>();
  for (const line of lines(text)) {
    const m = /^\/proc\/(\d+)\/cgroup:(\d+):([^:]*):(.*)$/.exec(line);
    if (!m) continue;
    const pid = Number(m[1]);
    if (m[3] === 'name=systemd') v1.set(pid, m[4]!);
    else if (m[2] === '0' && m[3] === '') v2.set(pid, m[4]!);
  }
  const out = new Map(v2);
  for (const [pid, path] of v1) out.set(pid, path);
  return out;
}

/** `ls -l /proc/[0-9]*\/exe` -> pid -> binary path (only where the link was readable). */
export function parseExes(text: string | undefined): Map<number, string> {
  const map = new Map<number, string>();
  for (const line of lines(text)) {
    const m = /\/proc\/(\d+)\/exe -> (.+)$/.exec(line);
    if (m) map.set(Number(m[1]), m[2]!.replace(/ \(deleted\)$/, ''));
  }
  return map;
}

export function joinProcesses(ps: Process[], cgroups: Map<number, string>, exes: Map<number, string>): Process[] {
  return ps.map((p) => {
    const cg = cgroups.get(p.pid);
    const { unit, container } = cg ? fromCgroupPath(cg) : { unit: null, container: null };
    return { ...p, exe: exes.get(p.pid) ?? null, unit, container };
  });
}
