/**
 * Service -> service edges across hosts, from one snapshot of every host's sockets.
 *
 * Each TCP connection is seen as a 4-tuple from one or both ends. A socket whose local port is a
 * listener of its host is the server end; otherwise it is the client end. Both observations of a
 * tuple are merged (the client end knows the client's process, the server end the server's), then
 * tuples are aggregated per (client service -> server service, port): client ports never split an
 * edge. Addresses resolve to hosts through every address of every scanned host; loopback and a
 * host's own addresses stay on that host; anything else is an external endpoint. The scanner's own
 * SSH sessions (each host's $SSH_CONNECTION, jump legs included) are never edges.
 */
import type { Edge, HostFacts, Socket } from '../../../shared/model/scan';
import { actorIndex, socketActorKey, type ActorIndex } from './actors';
import { isLoopback, isWildcard, normalizeAddress } from './address';
import { classifyHost } from './classify';

export interface EdgeHost {
  name: string;
  facts: HostFacts;
  /** From classifyHost; computed when absent. */
  serviceOf?: Map<string, string>;
}

interface HostCtx {
  name: string;
  facts: HostFacts;
  index: ActorIndex;
  serviceOf: Map<string, string>;
  own: Set<string>;
  listeners: Socket[];
}

interface Tuple {
  proto: 'tcp' | 'udp';
  clientHost: string | null;
  clientAddr: string;
  clientService: string | null;
  serverHost: string | null;
  serverAddr: string;
  serverPort: number;
  serverService: string | null;
  seenBy: Set<'client' | 'server'>;
  established: boolean;
}

const isLinkLocal = (a: string) => a.startsWith('fe80:');

/** Address -> host, for addresses that belong to exactly one scanned host (docker0's 172.17.0.1 is everywhere). */
function addressBook(hosts: HostCtx[]): Map<string, string> {
  const owners = new Map<string, Set<string>>();
  for (const h of hosts)
    for (const a of h.own) if (!isLoopback(a) && !isLinkLocal(a)) owners.set(a, (owners.get(a) ?? new Set()).add(h.name));
  const book = new Map<string, string>();
  for (const [a, names] of owners) if (names.size === 1) book.set(a, [...names][0]!);
  return book;
}

interface Scanner {
  tuples: Set<string>;
  /** "serverIp:sshPort|clientIp": closed sessions from the scanner (TIME-WAIT) are earlier scans. */
  origins: Set<string>;
}

function scannerSessions(hosts: HostCtx[]): Scanner {
  const tuples = new Set<string>();
  const origins = new Set<string>();
  for (const h of hosts) {
    const f = (h.facts.meta.sshConnection ?? '').trim().split(/\s+/);
    if (f.length < 4) continue;
    const [ca, cp, sa, sp] = [normalizeAddress(f[0]!), f[1], normalizeAddress(f[2]!), f[3]];
    tuples.add(`${sa}:${sp}|${ca}:${cp}`); // as the server (the scanned host) sees it
    tuples.add(`${ca}:${cp}|${sa}:${sp}`); // as a jump host's forwarding socket sees it
    origins.add(`${sa}:${sp}|${ca}`);
  }
  return { tuples, origins };
}

function isScanner(s: Socket, scanner: Scanner): boolean {
  if (scanner.tuples.has(`${s.localAddress}:${s.localPort}|${s.peerAddress}:${s.peerPort}`)) return true;
  return s.state === 'TIME-WAIT' && scanner.origins.has(`${s.localAddress}:${s.localPort}|${s.peerAddress}`);
}

function listenerFor(h: HostCtx, proto: string, address: string, port: number): Socket | undefined {
  const candidates = h.listeners.filter((l) => l.proto === proto && l.localPort === port);
  return candidates.find((l) => l.localAddress === address) ?? candidates.find((l) => isWildcard(l.localAddress));
}

function serviceKey(h: HostCtx, s: Socket | undefined): string | null {
  if (!s) return null;
  const actor = socketActorKey(s, h.index);
  return actor ? (h.serviceOf.get(actor) ?? actor) : null;
}

export function buildEdges(input: readonly EdgeHost[]): Edge[] {
  const hosts: HostCtx[] = input.map((h) => ({
    name: h.name,
    facts: h.facts,
    index: actorIndex(h.facts),
    serviceOf: h.serviceOf ?? classifyHost(h.facts).serviceOf,
    own: new Set(h.facts.network.interfaces.flatMap((i) => i.addresses.map((a) => normalizeAddress(a.address)))),
    listeners: h.facts.sockets.filter((s) => s.state === 'LISTEN' || (s.proto === 'udp' && s.state === 'UNCONN')),
  }));
  const byName = new Map(hosts.map((h) => [h.name, h]));
  const book = addressBook(hosts);
  const scanner = scannerSessions(hosts);
  const tuples = new Map<string, Tuple>();

  const hostOf = (h: HostCtx, addr: string) => (isLoopback(addr) || h.own.has(addr) ? h.name : (book.get(addr) ?? null));

  for (const h of hosts) {
    for (const s of h.facts.sockets) {
      const live = s.state === 'ESTAB';
      if (!live && s.state !== 'TIME-WAIT') continue;
      if (isScanner(s, scanner)) continue;
      const listener = listenerFor(h, s.proto, s.localAddress, s.localPort);
      const peerHost = hostOf(h, s.peerAddress);
      const server = listener !== undefined;
      const client = server ? { addr: s.peerAddress, port: s.peerPort } : { addr: s.localAddress, port: s.localPort };
      const srv = server ? { addr: s.localAddress, port: s.localPort } : { addr: s.peerAddress, port: s.peerPort };
      // Loopback tuples repeat on every host: keep them per host.
      const scope = isLoopback(s.peerAddress) ? `${h.name}|` : '';
      const id = `${scope}${s.proto}|${client.addr}:${client.port}>${srv.addr}:${srv.port}`;
      let t = tuples.get(id);
      if (!t) {
        t = {
          proto: s.proto,
          clientHost: server ? peerHost : h.name,
          clientAddr: client.addr,
          clientService: null,
          serverHost: server ? h.name : peerHost,
          serverAddr: srv.addr,
          serverPort: srv.port,
          serverService: null,
          seenBy: new Set(),
          established: false,
        };
        tuples.set(id, t);
      }
      t.established ||= live;
      t.seenBy.add(server ? 'server' : 'client');
      if (server) t.serverService ??= serviceKey(h, listener);
      else {
        t.clientService ??= serviceKey(h, s);
        // The client end names the server service through the server host's listeners.
        const target = peerHost ? byName.get(peerHost) : undefined;
        if (target) t.serverService ??= serviceKey(target, listenerFor(target, s.proto, s.peerAddress, s.peerPort));
      }
    }
  }

  attributeClosedClients([...tuples.values()]);

  const edges = new Map<string, Edge>();
  for (const t of tuples.values()) {
    const fromId = t.clientHost ? `${t.clientHost}/${t.clientService ?? '?'}` : `ext:${t.clientAddr}`;
    const toId = t.serverHost ? `${t.serverHost}/${t.serverService ?? '?'}` : `ext:${t.serverAddr}`;
    const key = `${fromId} -> ${toId}:${t.serverPort}/${t.proto}`;
    const e = edges.get(key);
    if (e) {
      e.connections++;
      for (const side of t.seenBy) if (!e.seenBy.includes(side)) e.seenBy.push(side);
      if (t.established) e.state = 'established';
      continue;
    }
    edges.set(key, {
      key,
      from: { host: t.clientHost, service: t.clientService, address: t.clientAddr },
      to: { host: t.serverHost, service: t.serverService, address: t.serverAddr },
      port: t.serverPort,
      proto: t.proto,
      connections: 1,
      seenBy: [...t.seenBy],
      state: t.established ? 'established' : 'recent',
    });
  }
  for (const e of edges.values()) e.seenBy.sort();
  return [...edges.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * A client socket in TIME-WAIT has no process any more. When the same host holds live connections
 * to the same server endpoint from exactly one service, the closed one was almost surely that
 * service reconnecting (pools recycle connections): attribute it instead of drawing an unknown client.
 */
function attributeClosedClients(tuples: Tuple[]): void {
  const owners = new Map<string, Set<string>>();
  const dest = (t: Tuple) => `${t.clientHost}|${t.proto}|${t.serverAddr}:${t.serverPort}`;
  for (const t of tuples) if (t.clientHost && t.clientService) owners.set(dest(t), (owners.get(dest(t)) ?? new Set()).add(t.clientService));
  for (const t of tuples) {
    if (t.clientService || !t.clientHost) continue;
    const o = owners.get(dest(t));
    if (o?.size === 1) t.clientService = [...o][0]!;
  }
}

export function edgesOfHost(edges: readonly Edge[], host: string): Edge[] {
  return edges.filter((e) => e.from.host === host || e.to.host === host);
}
