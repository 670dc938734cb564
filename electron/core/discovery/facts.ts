/**
 * From the script's raw output to typed HostFacts: split sections, run each section's parser, and
 * say in plain words what the scan could not see (the reasons a result is "partial").
 */
import type { HostFacts, InitService, Privilege, Process } from '../../../shared/model/scan';
import { splitSections, type ScriptNote } from './sections';
import { parseCertificates } from './parsers/certs';
import { parseContainers } from './parsers/containers';
import { parseCron } from './parsers/cron';
import { parseFilesystems } from './parsers/disks';
import { parseHardware } from './parsers/hardware';
import { parseMeta } from './parsers/meta';
import { parseNetwork } from './parsers/network';
import { parseOs, parseUptime } from './parsers/os';
import { parseApk, parseDpkg, parseOwners, parseRpm } from './parsers/packages';
import { joinProcesses, parseCgroups, parseExes, parsePs } from './parsers/processes';
import { parseFailedUnits, parseOpenrc, parseSystemd, parseSysv, parseTimers } from './parsers/services';
import { parseSockets } from './parsers/sockets';
import { parseSshd } from './parsers/sshd';
import { parseSudoers, parseUsers } from './parsers/users';
import { parseUpdates } from './parsers/updates';

export interface ParsedDeepCheck {
  facts: HostFacts;
  /** Human reasons the scan is partial; empty = everything was seen. */
  gaps: string[];
}

export interface ParseContext {
  /** From exec.ts: root login, sudo, or unprivileged. */
  privilege?: Privilege;
  /** From exec.ts: $SSH_CONNECTION of our session (sudo drops it from the script's environment). */
  sshConnection?: string | null;
}

const DENIED_WORDS: Record<string, string> = {
  'proc.exe': "binaries of other users' processes",
  'sockets.processes': "which process owns other users' sockets (units are still known from cgroups)",
  'cron.users': 'per-user crontabs',
  sudoers: 'sudo rules',
  letsencrypt: '/etc/letsencrypt',
};

export function describeGaps(notes: ScriptNote[], complete: boolean): string[] {
  const gaps: string[] = [];
  for (const n of notes) {
    if (n.kind === 'denied') {
      const what =
        DENIED_WORDS[n.detail] ??
        (n.detail.startsWith('tls:')
          ? `certificate ${n.detail.slice(4)}`
          : n.detail.startsWith('containers.')
            ? `${n.detail.slice(11)} containers`
            : n.detail);
      gaps.push(`not readable without root: ${what}`);
    } else if (n.kind === 'timeout') gaps.push(`timed out: ${n.detail}`);
    else if (n.kind === 'error' && n.detail !== 'updates.nocache') gaps.push(`failed: ${n.detail}`);
  }
  if (!complete) gaps.push('the scan output ended early (cut off or the script was stopped)');
  return [...new Set(gaps)];
}

/**
 * Drop the scanner's own shell, everything it started, and the session processes above it (sudo,
 * "sshd: ops@notty"), stopping below the daemon that accepted the connection (its parent is pid 1).
 */
function withoutScanner(processes: Process[], nonce: string): Process[] {
  const byPid = new Map(processes.map((p) => [p.pid, p]));
  const ours = new Set(processes.filter((p) => p.command.includes(nonce)).map((p) => p.pid));
  for (const pid of [...ours]) {
    let up = byPid.get(pid);
    while (up && up.ppid !== null && up.ppid > 1) {
      const parent = byPid.get(up.ppid);
      if (!parent || parent.ppid === null || parent.ppid <= 1) break;
      ours.add(parent.pid);
      up = parent;
    }
  }
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of processes) {
      if (p.ppid !== null && ours.has(p.ppid) && !ours.has(p.pid)) {
        ours.add(p.pid);
        grew = true;
      }
    }
  }
  return processes.filter((p) => !ours.has(p.pid));
}

export function parseDeepCheck(output: string, nonce: string, ctx: ParseContext = {}): ParsedDeepCheck {
  const raw = splitSections(output, nonce);
  const s = (name: string) => raw.sections.get(name);
  const meta = parseMeta(s('meta'), raw.notes, ctx.privilege, ctx.sshConnection);

  const users = parseUsers(s('users.passwd'), s('users.group'));
  const uidNames = new Map(users.map((u) => [u.uid, u.name]));

  let services: InitService[] = [];
  let init: HostFacts['os']['init'] = 'other';
  if (raw.sections.has('svc.systemd')) {
    init = 'systemd';
    services = parseSystemd(s('svc.systemd'), s('svc.systemd.wants'));
  } else if (raw.sections.has('svc.openrc')) {
    init = 'openrc';
    services = parseOpenrc(s('svc.openrc'), s('svc.openrc.enabled'));
  } else if (raw.sections.has('svc.sysv')) {
    init = 'sysv';
    services = parseSysv(s('svc.sysv'));
  }

  const manager = raw.sections.has('pkg.dpkg') ? 'dpkg' : raw.sections.has('pkg.rpm') ? 'rpm' : raw.sections.has('pkg.apk') ? 'apk' : null;
  const items =
    manager === 'dpkg'
      ? parseDpkg(s('pkg.dpkg'))
      : manager === 'rpm'
        ? parseRpm(s('pkg.rpm'))
        : manager === 'apk'
          ? parseApk(s('pkg.apk'))
          : [];

  const processes = withoutScanner(
    joinProcesses(parsePs(s('proc.ps'), uidNames), parseCgroups(s('proc.cgroup')), parseExes(s('proc.exe'))),
    nonce,
  );
  const pidUnits = new Map(processes.map((p) => [p.pid, p.unit]));
  // ss -e gives the unit from the socket's cgroup; netstat only gives a pid: borrow the process's unit.
  const sockets = parseSockets(s('net.sockets')).map((sock) =>
    sock.unit === null && sock.pid !== null ? { ...sock, unit: pidUnits.get(sock.pid) ?? null } : sock,
  );

  const facts: HostFacts = {
    meta,
    os: { ...parseOs(s('os.release'), s('os.kernel')), init },
    hardware: parseHardware(s('hw.cpu'), s('hw.mem'), s('os.kernel')),
    filesystems: parseFilesystems(s('disk.df'), s('disk.inodes'), s('disk.mounts')),
    network: parseNetwork(s('net.addr'), s('net.route'), s('net.dns'), s('net.ports')),
    packages: { manager, items, owners: parseOwners(s('pkg.owners')) },
    services,
    failedUnits: parseFailedUnits(s('svc.systemd.failed')),
    timers: parseTimers(s('svc.timers')),
    processes,
    sockets,
    cron: parseCron(s('cron')),
    users,
    sudo: parseSudoers(s('users.sudo')),
    sshd: parseSshd(s('sshd')),
    containers: parseContainers(s('containers')),
    certificates: parseCertificates(s('tls')),
    updates: parseUpdates(
      s('updates'),
      raw.notes.some((n) => n.kind === 'error' && n.detail === 'updates.nocache'),
      raw.notes.some((n) => n.kind === 'timeout' && /^(apt|dnf|yum|apk)$/.test(n.detail)),
    ),
    uptime: parseUptime(s('uptime')),
  };
  // dnf and yum list only the new version: the installed one comes from the package list.
  const installed = new Map(items.map((p) => [p.name, p.version]));
  facts.updates.items = facts.updates.items.map((u) => (u.current === null ? { ...u, current: installed.get(u.name) ?? null } : u));
  return { facts, gaps: describeGaps(raw.notes, raw.complete) };
}
