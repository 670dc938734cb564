/**
 * What the lab looks like right now, read from the machine (never cached): the plan, each host's
 * state as the shell helpers judge it (verified pids, own cgroups), and whether the bridge exists.
 * Hosts left behind by a crash show up too, as "orphan".
 */
import { existsSync, readFileSync } from 'node:fs';
import { hostNumber, labPaths, NET, plannedHost } from './config';
import { readPlanCount } from './files';
import { runScript } from './shell';
import type { HostRole, HostState, LabHost, LabStatus } from './types';

const STATES: readonly HostState[] = ['running', 'stopped', 'orphan', 'absent'];
const ROLES: readonly HostRole[] = ['web', 'app', 'db', 'cache', 'spare'];

/** `host.sh state [HOST...]`: with no host, every host found on the machine. */
export async function hostStates(dir: string, names: string[] = []): Promise<Map<string, HostState>> {
  const out = await runScript('host.sh', ['state', ...names], { dir, step: 'status' });
  const states = new Map<string, HostState>();
  for (const line of out.split('\n')) {
    const [name, state] = line.trim().split(/\s+/);
    if (name && STATES.includes(state as HostState)) states.set(name, state as HostState);
  }
  return states;
}

function recordedRole(stateDir: string): HostRole | null {
  try {
    const r = readFileSync(`${stateDir}/role`, 'utf8').trim();
    return ROLES.includes(r as HostRole) ? (r as HostRole) : null;
  } catch {
    return null;
  }
}

export async function labStatus(): Promise<LabStatus> {
  const paths = labPaths();
  const count = readPlanCount(paths);
  const states = await hostStates(paths.dir);
  const numbers = new Set<number>();
  for (let n = 1; n <= (count ?? 0); n++) numbers.add(n);
  for (const name of states.keys()) {
    const n = hostNumber(name);
    if (n !== null) numbers.add(n);
  }
  const hosts: LabHost[] = [...numbers]
    .sort((a, b) => a - b)
    .map((n) => {
      const p = plannedHost(n);
      return {
        name: p.name,
        role: count !== null && n <= count ? p.role : (recordedRole(paths.hostState(p.name)) ?? p.role),
        address: p.address,
        port: 22,
        user: 'ops',
        privateKeyPath: paths.privateKey,
        knownHostsPath: paths.knownHosts,
        state: states.get(p.name) ?? 'absent',
      };
    });
  const up = count !== null && existsSync(`/sys/class/net/${NET.bridge}`);
  return { up, dir: paths.dir, hosts };
}
