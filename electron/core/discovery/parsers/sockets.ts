/**
 * TCP/UDP sockets from `ss -tuanpe` (preferred: netlink, and `-e` gives uid and cgroup even without
 * root), `netstat -tuanp` (net-tools or busybox), or raw /proc/net/{tcp,udp}[6] with an fd map.
 */
import type { Socket, SocketState } from '../../../../shared/model/scan';
import { splitHostPort } from '../address';
import { lines, subBlocks } from '../sections';
import { fromCgroupPath } from './cgroup';

function state(raw: string, proto: 'tcp' | 'udp'): SocketState {
  const s = raw.toUpperCase().replace(/_/g, '-');
  if (s === 'LISTEN') return 'LISTEN';
  if (s === 'ESTAB' || s === 'ESTABLISHED') return 'ESTAB';
  if (s === 'TIME-WAIT') return 'TIME-WAIT';
  if (s === 'CLOSE-WAIT') return 'CLOSE-WAIT';
  if (s === 'SYN-SENT') return 'SYN-SENT';
  if (s === 'SYN-RECV') return 'SYN-RECV';
  if (s.startsWith('FIN-WAIT')) return 'FIN-WAIT';
  if (s === 'CLOSING' || s === 'LAST-ACK') return 'CLOSING';
  if (s === 'UNCONN' || s === 'CLOSE' || s === '' || (proto === 'udp' && s === '-')) return 'UNCONN';
  return 'OTHER';
}

export function parseSs(text: string): Socket[] {
  const out: Socket[] = [];
  for (const line of lines(text)) {
    const t = line.trim().split(/\s+/);
    const netid = t[0];
    if (netid !== 'tcp' && netid !== 'udp') continue; // header, or other families
    const local = splitHostPort(t[4] ?? '');
    const peer = splitHostPort(t[5] ?? '');
    if (!local || !peer) continue;
    const rest = t.slice(6).join(' ');
    const proc = /users:\(\("((?:[^"\\]|\\.)*)",pid=(\d+)/.exec(rest);
    const uid = /\buid:(\d+)/.exec(rest);
    const cgroup = /\bcgroup:(\S+)/.exec(rest);
    out.push({
      proto: netid,
      state: state(t[1] ?? '', netid),
      localAddress: local.address,
      localPort: local.port,
      peerAddress: peer.address,
      peerPort: peer.port,
      pid: proc ? Number(proc[2]) : null,
      process: proc ? proc[1]! : null,
      // ss leaves uid out for root-owned sockets when it prints process details
      uid: uid ? Number(uid[1]) : null,
      unit: cgroup ? fromCgroupPath(cgroup[1]!).unit : null,
    });
  }
  return out;
}

export function parseNetstat(text: string): Socket[] {
  const out: Socket[] = [];
  for (const line of lines(text)) {
    const t = line.trim().split(/\s+/);
    const proto = t[0]?.startsWith('tcp') ? 'tcp' : t[0]?.startsWith('udp') ? 'udp' : null;
    if (!proto) continue;
    const local = splitHostPort(t[3] ?? '');
    const peer = splitHostPort(t[4] ?? '');
    if (!local || !peer) continue;
    // UDP rows have no state column: the next field is already PID/Program (or nothing).
    const hasState = t[5] !== undefined && !/^(\d+\/|-$)/.test(t[5]);
    const st = hasState ? t[5]! : '';
    const prog = (hasState ? t[6] : t[5]) ?? '';
    const pm = /^(\d+)\/(.*)$/.exec(prog);
    out.push({
      proto,
      state: state(st, proto),
      localAddress: local.address,
      localPort: local.port,
      peerAddress: peer.address,
      peerPort: peer.port,
      pid: pm ? Number(pm[1]) : null,
      process: pm ? pm[2]! || null : null,
      uid: null,
      unit: null,
    });
  }
  return out;
}

const PROC_STATES: Record<string, SocketState> = {
  '01': 'ESTAB',
  '02': 'SYN-SENT',
  '03': 'SYN-RECV',
  '04': 'FIN-WAIT',
  '05': 'FIN-WAIT',
  '06': 'TIME-WAIT',
  '07': 'UNCONN',
  '08': 'CLOSE-WAIT',
  '09': 'CLOSING',
  '0A': 'LISTEN',
  '0B': 'CLOSING',
};

/** Kernel hex address: IPv4 is one little-endian word; IPv6 is four of them. */
export function hexAddress(hex: string): string {
  const word = (w: string) => [6, 4, 2, 0].map((i) => parseInt(w.slice(i, i + 2), 16));
  if (hex.length === 8) return word(hex).join('.');
  const bytes = [0, 8, 16, 24].flatMap((i) => word(hex.slice(i, i + 8)));
  // IPv4-mapped (::ffff:a.b.c.d) sockets are IPv4 peers of a dual-stack listener.
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 255 && bytes[11] === 255) return bytes.slice(12).join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  // The WHATWG URL parser prints IPv6 in canonical RFC 5952 form (zero runs compressed).
  return new URL(`http://[${groups.join(':')}]/`).hostname.slice(1, -1);
}

export function parseProcNet(blocks: { name: string; body: string }[]): Socket[] {
  // fd map: "/proc/123/fd:" headers, then "... -> socket:[inode]" entries
  const owner = new Map<number, number>();
  const fdmap = blocks.find((b) => b.name === 'fdmap');
  let pid = 0;
  for (const line of lines(fdmap?.body)) {
    const head = /^\/proc\/(\d+)\/fd:?$/.exec(line.trim());
    if (head) pid = Number(head[1]);
    const sock = /socket:\[(\d+)\]/.exec(line);
    if (sock && pid) owner.set(Number(sock[1]), pid);
  }
  const out: Socket[] = [];
  for (const b of blocks) {
    const m = /^proc (tcp|udp)6?$/.exec(b.name);
    if (!m) continue;
    const proto = m[1] as 'tcp' | 'udp';
    for (const line of lines(b.body).slice(1)) {
      const t = line.trim().split(/\s+/);
      const [la, lp] = (t[1] ?? '').split(':');
      const [ra, rp] = (t[2] ?? '').split(':');
      if (!la || !lp || !ra || !rp) continue;
      const inode = Number(t[9]);
      const p = owner.get(inode) ?? null;
      out.push({
        proto,
        state: PROC_STATES[(t[3] ?? '').toUpperCase()] ?? 'OTHER',
        localAddress: hexAddress(la),
        localPort: parseInt(lp, 16),
        peerAddress: hexAddress(ra),
        peerPort: parseInt(rp, 16),
        pid: p,
        process: null,
        uid: Number.isInteger(Number(t[7])) ? Number(t[7]) : null,
        unit: null,
      });
    }
  }
  return out;
}

export function parseSockets(section: string | undefined): Socket[] {
  const blocks = subBlocks(section ?? '');
  const ss = blocks.find((b) => b.name === 'ss');
  if (ss) return parseSs(ss.body);
  const netstat = blocks.find((b) => b.name === 'netstat');
  if (netstat) return parseNetstat(netstat.body);
  return parseProcNet(blocks);
}
