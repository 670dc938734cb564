/**
 * Where the lab lives and what it is made of: paths under the lab directory, the names and
 * addresses from fleet.conf (shared with the shell scripts), and the host plan (h1 web, h2 app,
 * h3 db, h4 cache, the rest spares).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostRole } from './types';

export const FLEET_HOME = dirname(fileURLToPath(import.meta.url));
export const SH_DIR = join(FLEET_HOME, 'sh');
export const ROLES_DIR = join(FLEET_HOME, 'roles');

export const DEFAULT_HOSTS = 6;
/** web, app, db and cache need four hosts. */
export const MIN_HOSTS = 4;
/** Addresses .11 and up in a /24; memory, not addresses, is the real limit. */
export const MAX_HOSTS = 100;

const ROLES_BY_INDEX: readonly HostRole[] = ['web', 'app', 'db', 'cache'];

function readConf(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(join(FLEET_HOME, 'fleet.conf'), 'utf8').split('\n')) {
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m?.[1] !== undefined && m[2] !== undefined) out[m[1]] = m[2];
  }
  return out;
}

const raw = readConf();
function conf(key: string): string {
  const v = raw[key];
  if (v === undefined) throw new Error(`test/fleet/fleet.conf has no ${key}`);
  return v;
}

export const NET = {
  bridge: conf('FLEET_BRIDGE'),
  subnet: conf('FLEET_SUBNET'),
  gateway: conf('FLEET_GATEWAY'),
  prefixLen: Number(conf('FLEET_PREFIXLEN')),
  hostOffset: Number(conf('FLEET_HOST_OFFSET')),
  nsPrefix: conf('FLEET_NS_PREFIX'),
  cgroup: conf('FLEET_CGROUP'),
};

export function labDir(): string {
  return resolve(process.env.OPSDECK_FLEET_DIR || '/var/cache/opsdeck-fleet');
}

export function labPaths(dir = labDir()) {
  const state = join(dir, 'state');
  return {
    dir,
    state,
    privateKey: join(dir, 'keys', 'id_ed25519'),
    knownHosts: join(dir, 'keys', 'known_hosts'),
    hostKeys: (name: string) => join(dir, 'keys', 'hosts', name),
    hostState: (name: string) => join(state, name),
    /** {"hosts": N}: written by up, removed by down. */
    planFile: join(state, 'lab.json'),
    /** /etc/hosts of every host, copied in at each boot. */
    etcHosts: join(state, 'etc-hosts'),
    lock: join(dir, 'lock'),
    timings: join(dir, 'timings.log'),
  };
}

export interface PlannedHost {
  name: string;
  role: HostRole;
  address: string;
}

/** Host hN (N from 1): name, role and address. */
export function plannedHost(n: number): PlannedHost {
  return { name: `h${n}`, role: ROLES_BY_INDEX[n - 1] ?? 'spare', address: `${NET.subnet}.${NET.hostOffset + n}` };
}

export function planHosts(count: number): PlannedHost[] {
  return Array.from({ length: count }, (_, i) => plannedHost(i + 1));
}

/** "h3" -> 3, anything else -> null. */
export function hostNumber(name: string): number | null {
  const m = /^h([1-9][0-9]*)$/.exec(name);
  return m ? Number(m[1]) : null;
}

export function roleAddress(plan: PlannedHost[], role: HostRole): string {
  const h = plan.find((p) => p.role === role);
  if (!h) throw new Error(`the lab plan has no ${role} host`);
  return h.address;
}
