/**
 * Services of a host: every actor that listens or holds outbound connections, plus init-system
 * services of known products even when they are stopped (so "redis stopped" is visible and drifts),
 * each classified by the product table with its version from the package that owns its binary.
 */
import type { HostFacts, InitService, Listener, Package, Service } from '../../../shared/model/scan';
import { actorIndex, actorName, processActorKey, processNames, socketActorKey } from './actors';
import { PRODUCTS, upstreamVersion, type ProductRule } from './products';

/** UDP ports bound by clients (DHCP), not services. */
const CLIENT_UDP_PORTS = new Set([68, 546]);

interface Draft {
  key: string;
  unit: string | null;
  pids: Set<number>;
  listeners: Map<string, Listener>;
}

function matchRule(unit: string | null, names: string[], commands: string[]): ProductRule | null {
  const base = unit?.replace(/\.(service|scope)$/, '') ?? null;
  for (const r of PRODUCTS) {
    if (r.unit && base && r.unit.test(base)) return r;
    if (r.proc && names.some((n) => r.proc!.test(n))) return r;
    if (r.args && commands.some((c) => r.args!.test(c))) return r;
  }
  return null;
}

function findPackage(facts: HostFacts, rule: ProductRule | null, exes: string[]): Package | null {
  const byName = new Map(facts.packages.items.map((p) => [p.name, p]));
  // The package that owns the running binary is the surest answer.
  for (const exe of exes) {
    const owner = facts.packages.owners[exe];
    const pkg = owner ? byName.get(owner) : undefined;
    // ...unless it is a helper package (Debian's redis-server binary belongs to redis-tools): prefer the rule's own.
    if (pkg && (!rule || rule.packages.some((re) => re.test(pkg.name)))) return pkg;
  }
  if (!rule) return null;
  // Several majors installed side by side (postgresql-13 and -15): prefer the one in the binary's path.
  const major = exes.map((e) => /\/(\d+(?:\.\d+)?)\/bin\//.exec(e)?.[1]).find(Boolean);
  for (const re of rule.packages) {
    const candidates = facts.packages.items.filter((p) => re.test(p.name));
    const pick = (major && candidates.find((p) => p.name.includes(major))) || candidates[0];
    if (pick) return pick;
  }
  return null;
}

export interface HostServices {
  services: Service[];
  /** Socket actor key -> service key (they differ only where an OpenRC/SysV service adopted a process). */
  serviceOf: Map<string, string>;
}

export function classifyHost(facts: HostFacts): HostServices {
  const index = actorIndex(facts);
  const drafts = new Map<string, Draft>();
  const draft = (key: string, unit: string | null): Draft => {
    let d = drafts.get(key);
    if (!d) {
      d = { key, unit, pids: new Set(), listeners: new Map() };
      drafts.set(key, d);
    }
    return d;
  };

  const listenPorts = new Set(facts.sockets.filter((s) => s.state === 'LISTEN').map((s) => `${s.proto}:${s.localPort}`));
  for (const s of facts.sockets) {
    const key = socketActorKey(s, index);
    if (!key) continue;
    const unit = key.includes(':') ? null : key;
    const isListener = s.state === 'LISTEN' || (s.proto === 'udp' && s.state === 'UNCONN' && !CLIENT_UDP_PORTS.has(s.localPort));
    if (isListener) {
      const d = draft(key, unit);
      d.listeners.set(`${s.proto}:${s.localAddress}:${s.localPort}`, { proto: s.proto, address: s.localAddress, port: s.localPort });
      if (s.pid !== null) d.pids.add(s.pid);
    } else if (s.state === 'ESTAB' && !listenPorts.has(`${s.proto}:${s.localPort}`)) {
      // A client (its local port is not a listener): worth showing, it is one end of an edge.
      const d = draft(key, unit);
      if (s.pid !== null) d.pids.add(s.pid);
    }
  }
  // Every process of an actor (nginx workers, postgres backends) belongs to its service.
  for (const p of facts.processes) drafts.get(processActorKey(p))?.pids.add(p.pid);

  const ruleOf = (d: Draft) => {
    const procs = [...d.pids].map((pid) => index.byPid.get(pid)).filter((p) => p !== undefined);
    const keyName = d.key.startsWith('proc:') ? [d.key.slice(5)] : [];
    return matchRule(
      d.unit,
      [...keyName, ...procs.flatMap(processNames)],
      procs.map((p) => p.command),
    );
  };

  // Known products managed by the init system, running or not, so a stopped database still shows.
  const serviceOf = new Map<string, string>();
  const initOf = new Map<string, InitService>();
  for (const i of facts.services) {
    // "active (exited)" oneshot wrappers (Debian's postgresql.service) are not daemons.
    if (i.sub === 'exited') continue;
    const rule = PRODUCTS.find((r) => r.unit?.test(i.name.replace(/\.service$/, '')));
    if (!rule) {
      if (drafts.has(i.name)) initOf.set(i.name, i);
      continue;
    }
    if (drafts.has(i.name)) {
      initOf.set(i.name, i);
      continue;
    }
    // OpenRC/SysV processes carry no unit: adopt the process actor of the same product under the init name.
    const adopted = [...drafts.values()].find((d) => d.key.startsWith('proc:') && ruleOf(d)?.product === rule.product);
    if (adopted) {
      drafts.delete(adopted.key);
      serviceOf.set(adopted.key, i.name);
      drafts.set(i.name, { ...adopted, key: i.name, unit: i.name });
    } else draft(i.name, i.name);
    initOf.set(i.name, i);
  }

  const services: Service[] = [];
  for (const d of drafts.values()) {
    const procs = [...d.pids].map((pid) => index.byPid.get(pid)).filter((p) => p !== undefined);
    const exes = [...new Set(procs.map((p) => p.exe).filter((e): e is string => e !== null))];
    const rule = ruleOf(d);
    const pkg = findPackage(facts, rule, exes);
    const init = initOf.get(d.key);
    const state: Service['state'] = init ? init.state : procs.length > 0 || d.listeners.size > 0 ? 'running' : 'unknown';
    const main = [...procs].sort((a, b) => a.pid - b.pid)[0];
    serviceOf.set(d.key, d.key);
    services.push({
      key: d.key,
      name: actorName(d.key),
      kind: rule?.kind ?? 'other',
      product: rule?.product ?? actorName(d.key),
      version: pkg ? upstreamVersion(pkg.version) : null,
      packageName: pkg?.name ?? null,
      packageVersion: pkg?.version ?? null,
      unit: d.unit,
      state,
      pids: [...d.pids].sort((a, b) => a - b),
      // Workers usually run unprivileged under a root master: the worker's user says more.
      user: procs.find((p) => p.user && p.user !== 'root')?.user ?? main?.user ?? null,
      listeners: [...d.listeners.values()].sort((a, b) => a.port - b.port || a.address.localeCompare(b.address)),
    });
  }
  return { services: services.sort((a, b) => a.name.localeCompare(b.name)), serviceOf };
}

export function classifyServices(facts: HostFacts): Service[] {
  return classifyHost(facts).services;
}
