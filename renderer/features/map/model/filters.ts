/**
 * Which nodes the filters hide. The layout ignores filters on purpose: hiding a tag must not move
 * what stays, or the user loses their bearings.
 */
import type { ServiceKind } from '../../../../shared/model';
import type { MapGraph } from './types';

export interface MapFilters {
  tag: string | null;
  group: string | null;
  /** Service kinds to show; empty = every kind. */
  kinds: ServiceKind[];
  /** Hide sshd and the daemons every box runs (cron, dbus, ...). */
  hideSystem: boolean;
}

export const NO_FILTERS: MapFilters = { tag: null, group: null, kinds: [], hideSystem: false };

export function filtersActive(f: MapFilters): boolean {
  return f.tag !== null || f.group !== null || f.kinds.length > 0 || f.hideSystem;
}

export function hiddenNodes(graph: MapGraph, f: MapFilters): Set<string> {
  const hidden = new Set<string>();
  if (!filtersActive(f)) return hidden;
  const kinds = new Set(f.kinds);
  for (const h of graph.hosts) {
    let hostHidden = (f.tag !== null && !h.host.tags.includes(f.tag)) || (f.group !== null && !h.host.groups.includes(f.group));
    let shown = 0;
    for (const id of h.services) {
      const s = graph.nodes.get(id);
      if (s?.kind !== 'service') continue;
      const off = hostHidden || (kinds.size > 0 && !kinds.has(s.service.kind)) || (f.hideSystem && s.system);
      if (off) hidden.add(id);
      else shown++;
    }
    // Looking for databases: hosts without one are noise.
    if (kinds.size > 0 && shown === 0) hostHidden = true;
    if (hostHidden) hidden.add(h.id);
  }
  // An external endpoint stays while something visible still talks to it.
  const talking = new Set<string>();
  for (const e of graph.edges) {
    if (e.from.startsWith('ext:') && !hidden.has(e.to)) talking.add(e.from);
    if (e.to.startsWith('ext:') && !hidden.has(e.from)) talking.add(e.to);
  }
  for (const x of graph.externals) if (!talking.has(x.id)) hidden.add(x.id);
  return hidden;
}

/** Tags and groups present on the map, with how many hosts carry each (for the filter menus). */
export function facets(graph: MapGraph): { tags: Array<[string, number]>; groups: Array<[string, number]>; kinds: ServiceKind[] } {
  const tags = new Map<string, number>();
  const groups = new Map<string, number>();
  const kinds = new Set<ServiceKind>();
  for (const h of graph.hosts) {
    for (const t of h.host.tags) tags.set(t, (tags.get(t) ?? 0) + 1);
    for (const g of h.host.groups) groups.set(g, (groups.get(g) ?? 0) + 1);
  }
  for (const s of graph.services) kinds.add(s.service.kind);
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => a[0].localeCompare(b[0]));
  const order: ServiceKind[] = ['web', 'app', 'database', 'cache', 'queue', 'mail', 'dns', 'monitoring', 'ssh', 'other'];
  return { tags: sorted(tags), groups: sorted(groups), kinds: order.filter((k) => kinds.has(k)) };
}
