/**
 * Interfaces, addresses, routes and resolver settings. `ip -o` output is the primary form (iproute2
 * and busybox print it alike); `ifconfig` (net-tools old and new styles, busybox) and
 * /proc/net/route are the fallbacks for minimal hosts.
 */
import type { IpAddress, NetInterface, NetworkFacts, Route } from '../../../../shared/model/scan';
import { lines, subBlocks } from '../sections';

function iface(map: Map<string, NetInterface>, name: string): NetInterface {
  let i = map.get(name);
  if (!i) {
    i = { name, mac: null, up: null, addresses: [] };
    map.set(name, i);
  }
  return i;
}

function maskToPrefix(mask: string): number {
  return mask.split('.').reduce((n, octet) => n + (Number(octet) >>> 0).toString(2).replace(/0/g, '').length, 0);
}

function parseIpOutput(addr: string, link: string, map: Map<string, NetInterface>): void {
  for (const line of lines(link)) {
    const m = /^\d+:\s+([^:@\s]+)(?:@\S+)?:\s+<([^>]*)>.*?(?:link\/\w+\s+([0-9a-f:]{17}))?/i.exec(line);
    if (!m) continue;
    const i = iface(map, m[1]!);
    i.up = m[2]!.split(',').includes('UP');
    const mac = /link\/ether\s+([0-9a-f:]{17})/i.exec(line)?.[1];
    if (mac) i.mac = mac.toLowerCase();
  }
  for (const line of lines(addr)) {
    const m = /^\d+:\s+(\S+)\s+(inet6?)\s+([0-9a-fA-F:.]+)\/(\d+)/.exec(line);
    if (!m) continue;
    iface(map, m[1]!.replace(/@.*$/, '')).addresses.push({
      family: m[2] as IpAddress['family'],
      address: m[3]!.toLowerCase(),
      prefix: Number(m[4]),
    });
  }
}

function parseIfconfig(text: string, map: Map<string, NetInterface>): void {
  let cur: NetInterface | null = null;
  for (const line of lines(text)) {
    const head = /^(\S+?):?\s+(?:flags=\d+<([^>]*)>|Link encap)/.exec(line);
    if (head) {
      cur = iface(map, head[1]!);
      if (head[2] !== undefined) cur.up = head[2].split(',').includes('UP');
      const hw = /HWaddr\s+([0-9a-f:]{17})/i.exec(line)?.[1];
      if (hw) cur.mac = hw.toLowerCase();
      continue;
    }
    if (!cur) continue;
    const ether = /\bether\s+([0-9a-f:]{17})/i.exec(line)?.[1];
    if (ether) cur.mac = ether.toLowerCase();
    if (/^\s+UP\b/.test(line)) cur.up = true;
    const v4 = /inet (?:addr:)?(\d+\.\d+\.\d+\.\d+).*?(?:Mask:|netmask )(\d+\.\d+\.\d+\.\d+)/.exec(line);
    if (v4) cur.addresses.push({ family: 'inet', address: v4[1]!, prefix: maskToPrefix(v4[2]!) });
    const v6 = /inet6 (?:addr:\s*)?([0-9a-fA-F:]+)(?:\/(\d+)|.*?prefixlen (\d+))/.exec(line);
    if (v6) cur.addresses.push({ family: 'inet6', address: v6[1]!.toLowerCase(), prefix: Number(v6[2] ?? v6[3]) });
  }
}

export function parseInterfaces(text: string | undefined): NetInterface[] {
  const map = new Map<string, NetInterface>();
  const blocks = new Map(subBlocks(text ?? '').map((b) => [b.name, b.body]));
  if (blocks.has('ip')) parseIpOutput(blocks.get('ip') ?? '', blocks.get('link') ?? '', map);
  else if (blocks.has('ifconfig')) parseIfconfig(blocks.get('ifconfig') ?? '', map);
  return [...map.values()];
}

function hexToIpv4(hex: string): string {
  // /proc/net/route stores addresses in host (little-endian) byte order.
  const n = parseInt(hex, 16);
  return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255].join('.');
}

export function parseRoutes(text: string | undefined): Route[] {
  const routes: Route[] = [];
  for (const b of subBlocks(text ?? '')) {
    if (b.name === 'ip') {
      for (const line of lines(b.body)) {
        const t = line.trim().split(/\s+/);
        // Route types (unreachable, blackhole, local...) come before the destination.
        const dest = ['unreachable', 'blackhole', 'prohibit', 'local', 'broadcast', 'throw'].includes(t[0]!) ? null : t[0];
        if (!dest) continue;
        const via = t.indexOf('via');
        const dev = t.indexOf('dev');
        routes.push({ destination: dest, gateway: via >= 0 ? (t[via + 1] ?? null) : null, device: dev >= 0 ? (t[dev + 1] ?? null) : null });
      }
    } else if (b.name === 'proc') {
      for (const line of lines(b.body).slice(1)) {
        const [dev, dst, gw, , , , , mask] = line.trim().split(/\s+/);
        if (!dev || !dst || !gw || !mask) continue;
        const destination = dst === '00000000' ? 'default' : `${hexToIpv4(dst)}/${maskToPrefix(hexToIpv4(mask))}`;
        routes.push({ destination, gateway: gw === '00000000' ? null : hexToIpv4(gw), device: dev });
      }
    }
  }
  return routes;
}

export function parseNetwork(
  addr: string | undefined,
  route: string | undefined,
  dns: string | undefined,
  ports: string | undefined,
): NetworkFacts {
  const routes = parseRoutes(route);
  const nameservers: string[] = [];
  const searchDomains: string[] = [];
  for (const line of lines(dns)) {
    const [key, ...values] = line.trim().split(/\s+/);
    if (key === 'nameserver' && values[0]) nameservers.push(values[0]);
    if (key === 'search' || key === 'domain') searchDomains.push(...values);
  }
  const range = /^(\d+)\s+(\d+)/.exec((ports ?? '').trim());
  return {
    interfaces: parseInterfaces(addr),
    routes,
    defaultGateway: routes.find((r) => r.destination === 'default' && r.gateway)?.gateway ?? null,
    nameservers,
    searchDomains: [...new Set(searchDomains)],
    ephemeralPorts: range ? { low: Number(range[1]), high: Number(range[2]) } : null,
  };
}
