/**
 * Checks that the roles made a live system: web -> app:8080, app -> db:5432 and app -> cache:6379
 * are established TCP connections, seen with `ss` on both ends. A request through the web host
 * is sent while waiting, so nginx opens its keepalive upstream connection.
 */
import { get } from 'node:http';
import { roleAddress, type PlannedHost } from './config';
import { sshExec, type SshKeys } from './ssh';
import { LabError, type HostRole } from './types';

export interface Conn {
  local: string;
  peer: string;
}

/** `ss -Htn state established` lines -> local and peer "addr:port". */
export function parseEstablished(out: string): Conn[] {
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 4)
    .map((f) => ({ local: f[2] ?? '', peer: f[3] ?? '' }));
}

function poke(address: string): Promise<void> {
  return new Promise((resolvePromise) => {
    const req = get({ host: address, port: 80, path: '/', timeout: 5000 }, (res) => {
      res.resume();
      res.on('end', () => resolvePromise());
    });
    req.on('error', () => resolvePromise());
    req.on('timeout', () => req.destroy());
  });
}

interface Edge {
  from: HostRole;
  to: HostRole;
  port: number;
}
const EDGES: Edge[] = [
  { from: 'web', to: 'app', port: 8080 },
  { from: 'app', to: 'db', port: 5432 },
  { from: 'app', to: 'cache', port: 6379 },
];

export async function verifyConnections(keys: SshKeys, plan: PlannedHost[], timeoutMs = 90_000): Promise<void> {
  const byRole = (role: HostRole) => {
    const h = plan.find((p) => p.role === role);
    if (!h) throw new LabError('verify', `no ${role} host in the plan`);
    return h;
  };
  const roles: HostRole[] = ['web', 'app', 'db', 'cache'];
  const deadline = Date.now() + timeoutMs;
  let missing: string[] = [];
  for (;;) {
    await poke(roleAddress(plan, 'web'));
    const conns = new Map<HostRole, Conn[]>();
    await Promise.all(
      roles.map(async (role) => {
        const r = await sshExec(keys, byRole(role), 'ss -Htn state established', { user: 'root', timeoutMs: 15_000 });
        conns.set(role, r.code === 0 ? parseEstablished(r.stdout) : []);
      }),
    );
    missing = [];
    for (const e of EDGES) {
      const from = byRole(e.from);
      const to = byRole(e.to);
      const client = (conns.get(e.from) ?? []).some((c) => c.peer === `${to.address}:${e.port}` && c.local.startsWith(`${from.address}:`));
      const server = (conns.get(e.to) ?? []).some((c) => c.local === `${to.address}:${e.port}` && c.peer.startsWith(`${from.address}:`));
      if (!client || !server)
        missing.push(
          `${e.from} ${from.name} -> ${e.to} ${to.name}:${e.port} (${client ? '' : 'not seen on client'}${!client && !server ? ', ' : ''}${server ? '' : 'not seen on server'})`,
        );
    }
    if (missing.length === 0) return;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new LabError('verify', `connections not established after ${timeoutMs / 1000}s: ${missing.join('; ')}`);
}
