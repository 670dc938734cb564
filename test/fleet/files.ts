/**
 * The small files the lab writes on the machine side: the client key pair, known_hosts built from
 * each host's kept identity, the hosts' shared /etc/hosts, and the plan (how many hosts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { NET, type PlannedHost, type labPaths } from './config';

type Paths = ReturnType<typeof labPaths>;

export function ensureClientKey(paths: Paths): void {
  if (existsSync(paths.privateKey) && existsSync(`${paths.privateKey}.pub`)) return;
  mkdirSync(dirname(paths.privateKey), { recursive: true });
  rmSync(paths.privateKey, { force: true });
  rmSync(`${paths.privateKey}.pub`, { force: true });
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'opsdeck-lab', '-f', paths.privateKey]);
}

/** `ADDRESS,hN,hN.fleet.test TYPE KEY` for every host key of every planned host. */
export function writeKnownHosts(paths: Paths, plan: PlannedHost[]): void {
  const lines: string[] = [];
  for (const h of plan) {
    const dir = paths.hostKeys(h.name);
    for (const f of readdirSync(dir)
      .filter((n) => n.endsWith('_key.pub'))
      .sort()) {
      const [type, key] = readFileSync(`${dir}/${f}`, 'utf8').trim().split(/\s+/);
      lines.push(`${h.address},${h.name},${h.name}.fleet.test ${type} ${key}`);
    }
  }
  writeFileSync(paths.knownHosts, lines.join('\n') + '\n');
}

export function etcHosts(plan: PlannedHost[]): string {
  const lines = ['127.0.0.1\tlocalhost', '::1\t\tlocalhost ip6-localhost ip6-loopback', `${NET.gateway}\tfleet-gw`];
  for (const h of plan) lines.push(`${h.address}\t${h.name}.fleet.test ${h.name}`);
  return lines.join('\n') + '\n';
}

export function readPlanCount(paths: Paths): number | null {
  try {
    const n = (JSON.parse(readFileSync(paths.planFile, 'utf8')) as { hosts?: unknown }).hosts;
    return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

export function writePlan(paths: Paths, plan: PlannedHost[]): void {
  mkdirSync(paths.state, { recursive: true });
  writeFileSync(paths.etcHosts, etcHosts(plan));
  writeFileSync(paths.planFile, JSON.stringify({ hosts: plan.length }) + '\n');
}

/** A role is applied once per host disk; down removes the disk and with it the marker. */
export function roleDone(paths: Paths, name: string): boolean {
  return existsSync(`${paths.hostState(name)}/role.done`);
}

export function markRoleDone(paths: Paths, name: string, role: string): void {
  writeFileSync(`${paths.hostState(name)}/role.done`, role + '\n');
}
