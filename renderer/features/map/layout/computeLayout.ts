/**
 * The layout worker's one job, as a pure function: groups placed by the chosen strategy, saved
 * positions reapplied, services packed inside their hosts, everything moved so the drawing starts
 * at (0, 0). Same input, same output: nothing random, no clock in the result but `ms`.
 */
import { boundsOf } from './geometry';
import { gridLayout } from './gridLayout';
import { applySaved } from './saved';
import { packServices } from './sizes';
import { tierLayout } from './tierLayout';
import type { LayoutInput, LayoutResult, Rect } from './types';

export function computeLayout(input: LayoutInput): LayoutResult {
  const started = performance.now();
  const auto = input.strategy === 'grid' ? gridLayout(input) : tierLayout(input);
  const tiers = new Map<string, string>([...input.hosts, ...input.externals].map((g) => [g.id, g.tier]));
  const { groups, fresh } = applySaved(auto, input.saved, (id) => tiers.get(id) ?? '');

  // Saved positions are absolute, so only a layout made wholly afresh is moved to the origin.
  const anySaved = input.saved.some((p) => p.node in groups);
  const b = boundsOf(Object.values(groups));
  const dx = anySaved ? 0 : -b.x;
  const dy = anySaved ? 0 : -b.y;
  const placed: Record<string, Rect> = {};
  for (const [id, r] of Object.entries(groups)) placed[id] = { ...r, x: r.x + dx, y: r.y + dy };

  const services: Record<string, Rect> = {};
  for (const h of input.hosts) {
    const at = placed[h.id];
    if (at) packServices(at, h.services, services);
  }
  return { groups: placed, services, bounds: boundsOf(Object.values(placed)), fresh, ms: performance.now() - started };
}
