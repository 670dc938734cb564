/** The quick switcher's list: matching hosts (best match first), then matching open tabs. */
import type { Host } from '../../../shared/model';

export type SwitcherItem = { kind: 'host'; host: string; detail: string } | { kind: 'tab'; tab: string; label: string; detail: string };

function rank(h: Pick<Host, 'name' | 'address' | 'tags'>, q: string): number {
  const name = h.name.toLowerCase();
  if (!q) return 3;
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  if (name.includes(q)) return 2;
  if (h.address.toLowerCase().includes(q) || h.tags.some((t) => t.toLowerCase().includes(q))) return 3;
  return -1;
}

export function switcherItems(
  query: string,
  hosts: ReadonlyArray<Pick<Host, 'name' | 'address' | 'user' | 'tags'>>,
  tabs: ReadonlyArray<{ id: string; label: string; detail: string }>,
  limit = 50,
): SwitcherItem[] {
  const q = query.trim().toLowerCase();
  const matched = hosts
    .map((h) => ({ h, r: rank(h, q) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || a.h.name.localeCompare(b.h.name))
    .slice(0, limit)
    .map(({ h }): SwitcherItem => ({ kind: 'host', host: h.name, detail: `${h.user}@${h.address}` }));
  const openTabs = tabs
    .filter((t) => !q || t.label.toLowerCase().includes(q))
    .map((t): SwitcherItem => ({ kind: 'tab', tab: t.id, label: t.label, detail: t.detail }));
  return [...matched, ...openTabs];
}
