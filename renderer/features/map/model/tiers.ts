/**
 * Which column a host belongs in. Traffic on a typical fleet flows clients -> web -> app -> data,
 * so a host sits in the column of its leftmost role: an all-in-one box running nginx, an app and
 * PostgreSQL is where traffic enters it, the web column.
 */
import type { MapHost } from '../../../../shared/contract/checks';
import type { ServiceNode, Tier } from './types';

const KIND_TIER: Partial<Record<string, Tier>> = {
  web: 'web',
  app: 'app',
  database: 'data',
  cache: 'data',
  queue: 'data',
  mail: 'infra',
  dns: 'infra',
  monitoring: 'infra',
};

const ORDER: readonly Tier[] = ['clients', 'web', 'app', 'data', 'infra', 'other', 'upstream'];

export function tierIndex(t: Tier): number {
  return ORDER.indexOf(t);
}

export function hostTier(_host: MapHost, services: readonly ServiceNode[]): Tier {
  let best: Tier = 'other';
  for (const s of services) {
    if (s.drift === 'gone') continue;
    const t = KIND_TIER[s.service.kind];
    if (t && tierIndex(t) < tierIndex(best)) best = t;
  }
  return best;
}
