/**
 * Socket addresses as the tools print them, normalised so that the same endpoint compares equal
 * whatever printed it: brackets and %scope removed, IPv4-mapped IPv6 turned into IPv4, wildcards
 * spelled 0.0.0.0 or ::.
 */

export function normalizeAddress(raw: string): string {
  let a = raw.trim();
  if (a.startsWith('[') && a.endsWith(']')) a = a.slice(1, -1);
  const pct = a.indexOf('%');
  if (pct >= 0) a = a.slice(0, pct);
  if (a === '*' || a === '') return '0.0.0.0';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) return mapped[1]!;
  return a.toLowerCase();
}

/** "198.18.0.12:8080", "[::]:22", "*:*", ":::22" (netstat), "0.0.0.0%lo:53" -> address and port (0 for *). */
export function splitHostPort(raw: string): { address: string; port: number } | null {
  const s = raw.trim();
  const i = s.lastIndexOf(':');
  if (i <= 0) return null;
  const host = s.slice(0, i);
  const portText = s.slice(i + 1);
  const port = portText === '*' ? 0 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return null;
  return { address: normalizeAddress(host), port };
}

export function isWildcard(address: string): boolean {
  return address === '0.0.0.0' || address === '::';
}

export function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1';
}
