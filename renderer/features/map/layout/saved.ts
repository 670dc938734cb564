/**
 * Reusing saved positions: groups the user dragged (pinned) or that an earlier layout placed stay
 * exactly where they were; a new group lands where the fresh layout put it, shifted by how far its
 * tier's saved peers moved from their fresh places, so it appears next to them. Anything that
 * would overlap (a host that grew after a rescan, a newcomer) moves to the nearest free spot.
 */
import type { MapPosition } from '../../../../shared/contract/map';
import { boundsOf, overlaps } from './geometry';
import type { Rect } from './types';

/** Air kept between groups when one has to be moved. */
export const MIN_GAP = 24;
const STEP = 40;
const MAX_RING = 80;

function collides(r: Rect, placed: readonly Rect[]): boolean {
  for (const p of placed) if (overlaps(r, p, MIN_GAP)) return true;
  return false;
}

/** The free spot nearest to `r`, searched ring by ring around it; below everything as a last resort. */
export function nearestFree(r: Rect, placed: readonly Rect[]): Rect {
  if (!collides(r, placed)) return r;
  for (let ring = 1; ring <= MAX_RING; ring++) {
    const candidates: Rect[] = [];
    for (let i = -ring; i <= ring; i++)
      for (const [dx, dy] of [
        [i, -ring],
        [i, ring],
        [-ring, i],
        [ring, i],
      ] as const)
        candidates.push({ ...r, x: r.x + dx * STEP, y: r.y + dy * STEP });
    candidates.sort((a, b) => Math.hypot(a.x - r.x, a.y - r.y) - Math.hypot(b.x - r.x, b.y - r.y) || a.y - b.y || a.x - b.x);
    const free = candidates.find((c) => !collides(c, placed));
    if (free) return free;
  }
  const all = boundsOf(placed);
  return { ...r, x: all.x, y: all.y + all.h + MIN_GAP * 2 };
}

export interface Placement {
  groups: Record<string, Rect>;
  /** Groups whose place differs from the saved one (new, or moved aside): worth saving. */
  fresh: string[];
}

export function applySaved(auto: Record<string, Rect>, saved: readonly MapPosition[], tierOf: (id: string) => string): Placement {
  const ids = Object.keys(auto).sort();
  const byNode = new Map(saved.map((p) => [p.node, p]));
  if (!ids.some((id) => byNode.has(id))) return { groups: auto, fresh: ids };

  // How far saved groups sit from their fresh places, per tier and overall.
  const shift = new Map<string, { dx: number; dy: number; n: number }>();
  const addShift = (key: string, dx: number, dy: number) => {
    const s = shift.get(key) ?? { dx: 0, dy: 0, n: 0 };
    shift.set(key, { dx: s.dx + dx, dy: s.dy + dy, n: s.n + 1 });
  };
  for (const id of ids) {
    const p = byNode.get(id);
    if (!p) continue;
    addShift(tierOf(id), p.x - auto[id]!.x, p.y - auto[id]!.y);
    addShift('*', p.x - auto[id]!.x, p.y - auto[id]!.y);
  }

  const wanted = new Map<string, Rect>();
  for (const id of ids) {
    const a = auto[id]!;
    const p = byNode.get(id);
    if (p) wanted.set(id, { ...a, x: p.x, y: p.y });
    else {
      const s = shift.get(tierOf(id)) ?? shift.get('*')!;
      wanted.set(id, { ...a, x: a.x + s.dx / s.n, y: a.y + s.dy / s.n });
    }
  }

  // Dragged groups claim their place first, then remembered ones, then newcomers.
  const rank = (id: string) => (byNode.get(id)?.pinned ? 0 : byNode.has(id) ? 1 : 2);
  const order = [...ids].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  const placed: Rect[] = [];
  const groups: Record<string, Rect> = {};
  const fresh: string[] = [];
  for (const id of order) {
    const r = nearestFree(wanted.get(id)!, placed);
    groups[id] = r;
    placed.push(r);
    const p = byNode.get(id);
    if (!p || p.x !== r.x || p.y !== r.y) fresh.push(id);
  }
  return { groups, fresh: fresh.sort() };
}
