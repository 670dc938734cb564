/**
 * The host list's search: every whitespace-separated term must match some field (name, address,
 * user, tags, groups, jump host, notes), case-insensitively. "web prod" finds prod web servers.
 */
import type { Host } from '../../../shared/model';

export interface HostFilter {
  query: string;
  tag: string | null;
  group: string | null;
}

function haystack(h: Host): string {
  return [
    h.name,
    h.address,
    `${h.address}:${h.port}`,
    h.user,
    h.auth,
    h.credential ?? '',
    h.jumpHost ?? '',
    ...h.tags,
    ...h.groups,
    h.notes,
  ]
    .join('\n')
    .toLowerCase();
}

export function filterHosts(hosts: readonly Host[], { query, tag, group }: HostFilter): Host[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  return hosts.filter((h) => {
    if (tag && !h.tags.includes(tag)) return false;
    if (group && !h.groups.includes(group)) return false;
    if (terms.length === 0) return true;
    const text = haystack(h);
    return terms.every((t) => text.includes(t));
  });
}

/** Every tag in use with how many hosts carry it, most used first: the tag filter's options. */
export function tagCounts(hosts: readonly Host[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const h of hosts) for (const t of h.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
