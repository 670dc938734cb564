/**
 * Who owns a socket. Sockets are grouped into "actors": a systemd unit when one is known (from the
 * socket's cgroup or its process), else a container, else a process name. Login-session scopes
 * (session-3.scope) say only "someone's shell", so the process name is used there instead.
 * Service keys are actor keys, which is what lets edges point at services.
 */
import type { HostFacts, Process, Socket } from '../../../shared/model/scan';

export function processName(p: Pick<Process, 'exe' | 'command'>): string {
  if (p.exe) return p.exe.split('/').pop() ?? p.exe;
  // Retitled processes: "nginx: worker process", "postgres: 15/main: checkpointer", "sshd: ops [priv]".
  const argv0 = (p.command.split(/\s+/)[0] ?? '').replace(/:$/, '');
  return argv0.split('/').pop() || argv0;
}

/** Every name a process goes by: its binary (sshd.pam) and its argv[0] (sshd), for product matching. */
export function processNames(p: Pick<Process, 'exe' | 'command'>): string[] {
  const argv0 = (p.command.split(/\s+/)[0] ?? '').replace(/:$/, '');
  return [...new Set([processName(p), argv0.split('/').pop() || argv0])];
}

export interface ActorIndex {
  byPid: Map<number, Process>;
}

export function actorIndex(facts: Pick<HostFacts, 'processes'>): ActorIndex {
  return { byPid: new Map(facts.processes.map((p) => [p.pid, p])) };
}

const isSessionScope = (unit: string) => /^(session-.+|run-.+)\.scope$/.test(unit) || unit.startsWith('user@');

export function processActorKey(p: Process): string {
  if (p.container) return `ctr:${p.container}`;
  if (p.unit && !isSessionScope(p.unit)) return p.unit;
  return `proc:${processName(p)}`;
}

/** Null when nothing on the host says who owns the socket (TIME-WAIT, or no cgroup and no pid). */
export function socketActorKey(s: Socket, index: ActorIndex): string | null {
  const p = s.pid !== null ? index.byPid.get(s.pid) : undefined;
  if (p?.container) return `ctr:${p.container}`;
  if (s.unit && !isSessionScope(s.unit)) return s.unit;
  if (p) return processActorKey(p);
  if (s.process) return `proc:${s.process}`;
  return null;
}

/** Display name of an actor key: nginx.service -> nginx, proc:python3 -> python3. */
export function actorName(key: string): string {
  return key.replace(/^(proc|ctr):/, '').replace(/\.service$/, '');
}
